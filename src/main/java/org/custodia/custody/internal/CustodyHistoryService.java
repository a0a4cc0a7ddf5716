package org.custodia.custody.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import org.custodia.custody.Admission;
import org.custodia.custody.AdmissionCommand;
import org.custodia.custody.Admissions;
import org.custodia.custody.CustodyHistory;
import org.custodia.ledger.Ledger;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Records a person held since before go-live through the existing admission, cell-move and release code. */
@Service
class CustodyHistoryService implements CustodyHistory {

    static final String ALERT_KIND = "HELD_WITHOUT_MEETING_AGREEMENT";

    private final Admissions admissions;
    private final PrisonerService prisoners;
    private final PrisonerStore store;
    private final FileWriter file;
    private final Ledger ledger;
    private final JdbcClient jdbc;

    CustodyHistoryService(Admissions admissions, PrisonerService prisoners, PrisonerStore store,
                          FileWriter file, Ledger ledger, JdbcClient jdbc) {
        this.admissions = admissions;
        this.prisoners = prisoners;
        this.store = store;
        this.file = file;
        this.ledger = ledger;
        this.jdbc = jdbc;
    }

    @Override
    @Transactional
    public Admission recordHeld(AdmissionCommand command, HeldRecord record) {
        Admission admission = admissions.admit(command);
        jdbc.sql("UPDATE prisoner SET origin = 'MIGRATED', origin_source = ? WHERE id = ?")
                .params(record.source(), admission.prisonerId()).update();
        PrisonerRecord p = store.findByNumber(admission.prisonerNumber()).orElseThrow();
        if (record.heldWithoutMeetingAgreement() != null) {
            FileEvent admitted = store.events(p.id()).stream().filter(e -> "ADMISSION".equals(e.type())).findFirst()
                    .orElseThrow();
            file.alert(p, admitted, ALERT_KIND, record.heldWithoutMeetingAgreement());
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("prisonerNumber", admission.prisonerNumber());
        payload.put("referralId", command.referralId().toString());
        payload.put("origin", "MIGRATED");
        payload.put("source", record.source());
        payload.put("admittedAt", command.admittedAt());
        payload.put("heldWithoutMeetingAgreement", record.heldWithoutMeetingAgreement());
        ledger.append("PRISONER_MIGRATED", "PRISONER", admission.prisonerNumber(), payload);
        if (record.release() != null) {
            release(admission.prisonerNumber(), record.release());
        }
        return admission;
    }

    @Override
    @Transactional
    public void release(String prisonerNumber, Release r) {
        prisoners.release(prisonerNumber, new Requests.Release(ReleaseType.valueOf(r.type()), r.effectiveAt(),
                r.receivedBy(), r.destinationState(), r.reason(), r.circumstances(), r.cause(), r.remainsDisposition()));
    }
}
