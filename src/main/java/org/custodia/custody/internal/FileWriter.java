package org.custodia.custody.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.custodia.ledger.Ledger;
import org.springframework.stereotype.Component;

/** Writes entries, oversight alerts and notifications of a prisoner file; alerts and notifications are ledgered. */
@Component
class FileWriter {

    private final PrisonerStore store;
    private final Ledger ledger;
    private final CustodyTime time;

    FileWriter(PrisonerStore store, Ledger ledger, CustodyTime time) {
        this.store = store;
        this.ledger = ledger;
        this.time = time;
    }

    FileEvent append(PrisonerRecord p, String type, Instant occurredAt, String recordedBy, Map<String, Object> details,
                     Map<String, Object> confidential, boolean serious) {
        FileEvent event = new FileEvent(UUID.randomUUID(), p.id(), type, occurredAt, time.now(), recordedBy,
                details, confidential, serious);
        store.insertEvent(event);
        return event;
    }

    void alert(PrisonerRecord p, FileEvent event, String kind, String details) {
        UUID id = UUID.randomUUID();
        store.insertAlert(id, p.id(), event == null ? null : event.id(), kind, details, event == null ? time.now()
                : event.occurredAt(), time.now());
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("alertId", id);
        payload.put("prisonerNumber", p.number());
        payload.put("kind", kind);
        payload.put("eventId", event == null ? null : event.id());
        ledger.append("OVERSIGHT_ALERT_RAISED", "PRISONER", p.number(), payload);
    }

    /**
     * A notification record (Rules 68, 69; Vienna Art. 36): PENDING until another system sends it, SENT when it was
     * already given ({@code sentAt}).
     */
    void notify(PrisonerRecord p, String recipientKind, String recipient, String address, String subject, String channel,
                Instant sentAt) {
        UUID id = UUID.randomUUID();
        String status = sentAt == null ? "PENDING" : "SENT";
        store.insertNotification(id, p.id(), recipientKind, recipient, address, subject, channel, status, time.now(), sentAt);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("notificationId", id);
        payload.put("prisonerNumber", p.number());
        payload.put("recipientKind", recipientKind);
        payload.put("recipient", recipient);
        payload.put("subject", subject);
        payload.put("channel", channel);
        payload.put("status", status);
        ledger.append("NOTIFICATION_CREATED", "PRISONER", p.number(), payload);
    }

    /** Rules 68, 69: the family is told of a transfer, a serious illness or injury and a death, unless declined. */
    void notifyFamily(PrisonerRecord p, String subject) {
        if (p.familyNotificationDeclined() || p.handover() == null || p.handover().emergencyContact() == null) {
            return;
        }
        var contact = p.handover().emergencyContact();
        notify(p, "FAMILY", contact.name(), contact.phone(), subject, "PHONE", null);
        if (p.handover().nextOfKin() != null && p.handover().nextOfKin().name() != null
                && !p.handover().nextOfKin().name().equals(contact.name())) {
            notify(p, "FAMILY", p.handover().nextOfKin().name(), p.handover().nextOfKin().phone(), subject, "PHONE", null);
        }
    }
}
