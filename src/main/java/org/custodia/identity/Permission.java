package org.custodia.identity;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a role may do: the one place where permissions are named. {@link Allowed} puts a permission on an
 * endpoint, {@link CurrentUser#can(Permission)} checks it in services, and the console's navigation shows only
 * what its user can follow. A signed-in user holds one authority per permission of their role.
 */
public enum Permission {
    /** Create and amend agreements and parties. */
    AGREEMENT_MANAGE(Role.ADMIN),
    /** List users, create them, change their role, scope and language, disable and re-enable them. */
    USER_MANAGE(Role.ADMIN),
    /** Submit, withdraw and import referrals of one's own state. */
    REFERRAL_SUBMIT(Role.SENDING_AGENCY, Role.ADMIN),
    /** Accept or reject a referral. */
    REFERRAL_DECIDE(Role.INTAKE_OFFICER),
    /** See manifests and the reception pages. */
    MANIFEST_READ(Role.RECEPTION_OFFICER, Role.SENDING_AGENCY, Role.ADMIN, Role.OVERSIGHT, Role.INTAKE_OFFICER,
            Role.CUSTODY_OFFICER),
    /** Plan a transport of accepted referrals. */
    MANIFEST_PLAN(Role.RECEPTION_OFFICER, Role.SENDING_AGENCY, Role.ADMIN),
    /** Dispatch a planned transport, take people off it, cancel it. */
    MANIFEST_DISPATCH(Role.RECEPTION_OFFICER, Role.SENDING_AGENCY),
    /** Receive people off a transport: handovers, discrepancies, closing the manifest. */
    MANIFEST_RECEIVE(Role.RECEPTION_OFFICER),
    /** Facility-wide figures: roll count, occupancy, counts. */
    FACILITY_READ(Role.INTAKE_OFFICER, Role.RECEPTION_OFFICER, Role.CLASSIFICATION_OFFICER, Role.CUSTODY_OFFICER,
            Role.FINANCE, Role.OVERSIGHT, Role.ADMIN),
    /** Record a Rule 8 entry in a prisoner's file (which kinds depends on the role). */
    FILE_ENTRY_RECORD(Role.CUSTODY_OFFICER, Role.CLASSIFICATION_OFFICER, Role.CONSULAR),
    /** A consulate's page: its own nationals held, and the consular visits to them. */
    CONSULAR_VISITS(Role.CONSULAR),
    /** Record movements out of and back into the facility. */
    MOVEMENT_RECORD(Role.CUSTODY_OFFICER),
    /** Release a prisoner. */
    RELEASE_RECORD(Role.CUSTODY_OFFICER),
    /** Record a formal roll count and resolve its discrepancies. */
    ROLL_COUNT_RECORD(Role.CUSTODY_OFFICER),
    /** Move a prisoner to another cell. */
    CELL_MOVE(Role.CLASSIFICATION_OFFICER, Role.CUSTODY_OFFICER),
    /** Edit a facility's structure: units, cells, capacities, attributes, security levels. */
    FACILITY_MANAGE(Role.ADMIN),
    /** Set a facility's separation rules (the rivalry matrix). */
    HOUSING_RULES_MANAGE(Role.ADMIN),
    /** Plan a batch placement, apply it, and ask for a recommendation. */
    HOUSING_PLAN(Role.CLASSIFICATION_OFFICER, Role.ADMIN),
    /** Record, close and reopen keep-apart records and a prisoner's housing needs. */
    KEEP_APART_MANAGE(Role.CLASSIFICATION_OFFICER, Role.ADMIN),
    /** Read oversight alerts. */
    OVERSIGHT_ALERTS_READ(Role.OVERSIGHT, Role.ADMIN),
    /** List and filter ledger entries, and read one with the bytes its leaf hash covers (payloads hold personal data). */
    LEDGER_READ(Role.ADMIN, Role.OVERSIGHT),
    /** Read the log's key, signed checkpoints, inclusion and consistency proofs and witnesses: everyone who verifies. */
    LEDGER_PROOF_READ(Role.OVERSIGHT, Role.SENDING_AGENCY, Role.CONSULAR, Role.ADMIN, Role.INTAKE_OFFICER,
            Role.RECEPTION_OFFICER, Role.CLASSIFICATION_OFFICER, Role.CUSTODY_OFFICER, Role.FINANCE),
    /** Have the log sign a checkpoint now. */
    LEDGER_CHECKPOINT(Role.ADMIN, Role.OVERSIGHT),
    /** Register a witness key and post cosignatures of checkpoints: the sending state and oversight. */
    LEDGER_COSIGN(Role.SENDING_AGENCY, Role.OVERSIGHT),
    /** Record a person held since before go-live (custody history). */
    CUSTODY_HISTORY_RECORD(Role.ADMIN, Role.RECEPTION_OFFICER),
    /** Run the monthly billing of an agreement and preview a month to date. */
    BILLING_RUN(Role.FINANCE),
    /** Read invoices and statements: a sending agency only its own agreements'. */
    INVOICE_READ(Role.FINANCE, Role.SENDING_AGENCY, Role.OVERSIGHT, Role.ADMIN),
    /** Upload the sending agency's roster to reconcile an invoice line by line. */
    RECONCILIATION_SUBMIT(Role.SENDING_AGENCY, Role.FINANCE),
    /** Dispute an invoice line. */
    DISPUTE_RAISE(Role.SENDING_AGENCY),
    /** Resolve a dispute: upheld (an adjustment on the next invoice) or rejected with a reason. */
    DISPUTE_RESOLVE(Role.FINANCE),
    /** Record a payment against an invoice. */
    PAYMENT_RECORD(Role.FINANCE),
    /** The sustainability report: fee revenue against the prison system's cost. */
    SUSTAINABILITY_READ(Role.FINANCE, Role.OVERSIGHT, Role.ADMIN);

    private final Set<Role> roles;

    Permission(Role first, Role... more) {
        this.roles = EnumSet.of(first, more);
    }

    public Set<Role> roles() {
        return Set.copyOf(roles);
    }

    public boolean grantedTo(Role role) {
        return roles.contains(role);
    }

    /** The permissions of one role. */
    public static Set<Permission> of(Role role) {
        Set<Permission> granted = EnumSet.noneOf(Permission.class);
        for (Permission p : values()) {
            if (p.grantedTo(role)) {
                granted.add(p);
            }
        }
        return granted;
    }
}
