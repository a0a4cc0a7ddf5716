package org.custodia.custody.internal;

import java.util.EnumSet;
import java.util.Set;
import org.custodia.identity.Role;

/** The kinds of entry of Rule 8 a user records, and who may record each (see the README). */
enum EntryType {
    CLASSIFICATION(EnumSet.of(Role.CLASSIFICATION_OFFICER)),
    DISCIPLINE(EnumSet.of(Role.CUSTODY_OFFICER)),
    REQUEST(EnumSet.of(Role.CUSTODY_OFFICER)),
    COMPLAINT(EnumSet.of(Role.CUSTODY_OFFICER)),
    INJURY(EnumSet.of(Role.CUSTODY_OFFICER)),
    /** There is no medical role yet: custody officers write notes for the medical area. */
    MEDICAL_NOTE(EnumSet.of(Role.CUSTODY_OFFICER)),
    /** A consulate records consular visits to its own nationals. */
    VISIT(EnumSet.of(Role.CUSTODY_OFFICER, Role.CONSULAR)),
    COURT(EnumSet.of(Role.CUSTODY_OFFICER));

    private final Set<Role> roles;

    EntryType(Set<Role> roles) {
        this.roles = roles;
    }

    boolean mayBeRecordedBy(Role role) {
        return roles.contains(role);
    }
}
