package org.custodia.housing.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.custodia.common.ApiException;
import org.custodia.common.Validation;
import org.custodia.custody.PrisonerAdmitted;
import org.custodia.custody.PrisonerCells;
import org.custodia.housing.HousingProblem;
import org.custodia.housing.internal.rules.Scope;
import org.custodia.identity.Users;
import org.custodia.ledger.Ledger;
import org.custodia.referral.KeepApart;
import org.custodia.referral.ReferralSnapshot;
import org.custodia.referral.Referrals;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keep-apart records: opened by hand or from a referral's keep-apart requests once both people are admitted;
 * closed and reopened, each time with who, when and why; every change ledgered.
 */
@Service
class KeepAparts {

    private static final Logger log = LoggerFactory.getLogger(KeepAparts.class);

    private final KeepApartStore store;
    private final PrisonerCells prisoners;
    private final Referrals referrals;
    private final Users users;
    private final Ledger ledger;
    private final JdbcClient jdbc;
    private final Clock clock;

    KeepAparts(KeepApartStore store, PrisonerCells prisoners, Referrals referrals, Users users, Ledger ledger,
               JdbcClient jdbc, Clock clock) {
        this.store = store;
        this.prisoners = prisoners;
        this.referrals = referrals;
        this.users = users;
        this.ledger = ledger;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    HousingApi.KeepApartView view(KeepApartStore.Row r) {
        return new HousingApi.KeepApartView(r.id(), new HousingApi.Party(r.prisonerA(), HousingApi.Role.valueOf(r.roleA())),
                new HousingApi.Party(r.prisonerB(), HousingApi.Role.valueOf(r.roleB())), HousingApi.Reason.valueOf(r.reason()),
                r.scope(), r.comment(), r.authorisedBy(), r.source(), r.status(), r.createdAt(), r.createdBy(),
                store.history(r.id()).stream().map(e -> new HousingApi.KeepApartEvent(e.action(), e.at(), e.by(), e.why())).toList());
    }

    @Transactional
    HousingApi.KeepApartView create(HousingApi.KeepApartRequest r) {
        String user = users.requireCurrent().username();
        Validation v = new Validation();
        String a = r.first().prisonerNumber().trim();
        String b = r.second().prisonerNumber().trim();
        v.require(!a.equals(b), "second.prisonerNumber", "SAME_PERSON", "A person is not kept apart from themselves");
        v.require(prisoners.find(a).isPresent(), "first.prisonerNumber", "PRISONER_NOT_FOUND", "No prisoner " + a);
        v.require(prisoners.find(b).isPresent(), "second.prisonerNumber", "PRISONER_NOT_FOUND", "No prisoner " + b);
        v.throwIfInvalid();
        return view(open(a, r.first().role(), b, r.second().role(), r.reason().name(), r.scope(), r.comment(),
                r.authorisedBy().trim(), "MANUAL", user, "Recorded by hand"));
    }

    private KeepApartStore.Row open(String x, HousingApi.Role roleX, String y, HousingApi.Role roleY, String reason,
                                    Scope scope, String comment, String authorisedBy, String source, String by, String why) {
        boolean ordered = x.compareTo(y) < 0;
        String a = ordered ? x : y;
        String b = ordered ? y : x;
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('keep-apart:' || ? || ':' || ?))").params(a, b).query((rs, n) -> 1).list();
        if (store.openFor(a, b).isPresent()) {
            throw new ApiException(HousingProblem.KEEP_APART_EXISTS, "An open keep-apart record between " + a + " and " + b + " exists");
        }
        Instant now = clock.instant();
        KeepApartStore.Row row = new KeepApartStore.Row(UUID.randomUUID(), a, b, (ordered ? roleX : roleY).name(),
                (ordered ? roleY : roleX).name(), reason, scope, comment, authorisedBy, source, "OPEN", now, by, now);
        store.insert(row);
        store.event(row.id(), "OPENED", now, by, why);
        ledger.appendAs(by, "KEEP_APART_OPENED", "KEEP_APART", row.id().toString(), row);
        return row;
    }

    @Transactional
    HousingApi.KeepApartView close(UUID id, HousingApi.KeepApartChange r) {
        return change(id, "OPEN", "CLOSED", "CLOSED", r.reason());
    }

    @Transactional
    HousingApi.KeepApartView reopen(UUID id, HousingApi.KeepApartChange r) {
        return change(id, "CLOSED", "OPEN", "REOPENED", r.reason());
    }

    private HousingApi.KeepApartView change(UUID id, String from, String to, String action, String why) {
        String user = users.requireCurrent().username();
        KeepApartStore.Row row = store.lock(id)
                .orElseThrow(() -> new ApiException(HousingProblem.KEEP_APART_NOT_FOUND, "No keep-apart record " + id));
        if (!row.status().equals(from)) {
            throw new ApiException(HousingProblem.KEEP_APART_STATE, "The record is " + row.status());
        }
        if ("OPEN".equals(to) && store.openFor(row.prisonerA(), row.prisonerB()).isPresent()) {
            throw new ApiException(HousingProblem.KEEP_APART_EXISTS, "Another open record keeps these two apart");
        }
        Instant now = clock.instant();
        store.setStatus(id, to, now);
        store.event(id, action, now, user, why.trim());
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("status", to);
        payload.put("why", why.trim());
        ledger.append("KEEP_APART_" + action, "KEEP_APART", id.toString(), payload);
        return view(store.find(id).orElseThrow());
    }

    @Transactional(readOnly = true)
    HousingApi.KeepApartView get(UUID id) {
        return view(store.find(id).orElseThrow(() -> new ApiException(HousingProblem.KEEP_APART_NOT_FOUND, "No keep-apart record " + id)));
    }

    @Transactional(readOnly = true)
    List<HousingApi.KeepApartView> between(List<String> numbers) {
        return store.between(numbers).stream().map(this::view).toList();
    }

    @Transactional(readOnly = true)
    List<HousingApi.KeepApartView> involving(String number) {
        return store.involving(number).stream().map(this::view).toList();
    }

    @Transactional(readOnly = true)
    List<HousingApi.KeepApartView> recent(int limit) {
        return store.recent(limit).stream().map(this::view).toList();
    }

    /**
     * A new prisoner: remember under which external reference they came, open the records their referral asked for
     * whose other person is held already, and those that earlier referrals asked for against them.
     */
    @ApplicationModuleListener
    void on(PrisonerAdmitted event) {
        Optional<ReferralSnapshot> found = event.referralId() == null ? Optional.empty() : referrals.find(event.referralId());
        if (found.isEmpty()) {
            return;
        }
        ReferralSnapshot referral = found.get();
        String me = event.prisonerNumber();
        jdbc.sql("""
                        INSERT INTO housing_admission (prisoner_number, agreement_code, external_reference) VALUES (?, ?, ?)
                        ON CONFLICT (prisoner_number) DO NOTHING""")
                .params(me, referral.agreementCode(), referral.externalReference()).update();
        String authorisedBy = referral.submittedBy() == null ? referral.sendingParty() : referral.submittedBy();
        for (KeepApart request : referral.dossier().keepApart()) {
            String reason = request.reason() == null ? "OTHER" : request.reason().name();
            String partner = request.prisonerNumber();
            if (partner == null && request.externalReference() != null) {
                partner = jdbc.sql("SELECT prisoner_number FROM housing_admission WHERE agreement_code = ? AND external_reference = ?")
                        .params(referral.agreementCode(), request.externalReference()).query(String.class).optional().orElse(null);
            }
            UUID record = null;
            if (partner != null && !partner.equals(me) && prisoners.find(partner).isPresent()) {
                record = openFromReferral(me, partner, reason, referral.externalReference(), authorisedBy);
            }
            jdbc.sql("""
                            INSERT INTO housing_keep_apart_request (id, prisoner_number, agreement_code, partner_external_reference,
                                                                    partner_prisoner_number, reason, keep_apart_id)
                            VALUES (?, ?, ?, ?, ?, ?, ?)""")
                    .params(UUID.randomUUID(), me, referral.agreementCode(), request.externalReference(),
                            partner, reason, record).update();
        }
        // earlier requests naming this person, waiting for the admission
        List<Object[]> waiting = jdbc.sql("""
                        SELECT r.id, r.prisoner_number, r.reason, h.external_reference FROM housing_keep_apart_request r
                        JOIN housing_admission h ON h.prisoner_number = r.prisoner_number
                        WHERE r.keep_apart_id IS NULL AND r.agreement_code = ? AND r.partner_external_reference = ?""")
                .params(referral.agreementCode(), referral.externalReference())
                .query((rs, n) -> new Object[] {rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4)})
                .list();
        for (Object[] w : waiting) {
            UUID record = openFromReferral((String) w[1], me, (String) w[2], (String) w[3], authorisedBy);
            jdbc.sql("UPDATE housing_keep_apart_request SET keep_apart_id = ?, partner_prisoner_number = ? WHERE id = ?")
                    .params(record, me, w[0]).update();
        }
    }

    private UUID openFromReferral(String requester, String partner, String reason, String externalReference,
                                  String authorisedBy) {
        String a = requester.compareTo(partner) < 0 ? requester : partner;
        String b = a.equals(requester) ? partner : requester;
        Optional<KeepApartStore.Row> existing = store.openFor(a, b);
        if (existing.isPresent()) {
            return existing.get().id();
        }
        log.info("Keep-apart record between {} and {} opened from referral {}", requester, partner, externalReference);
        return open(requester, HousingApi.Role.UNKNOWN, partner, HousingApi.Role.UNKNOWN, reason, Scope.MODULE,
                "Requested in referral " + externalReference, authorisedBy, "REFERRAL", "housing",
                "Keep-apart request of referral " + externalReference).id();
    }
}
