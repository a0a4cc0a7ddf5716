package org.custodia.identity;

/** The roles of DESIGN.md. Each user has exactly one. */
public enum Role {
    SENDING_AGENCY,
    INTAKE_OFFICER,
    RECEPTION_OFFICER,
    CLASSIFICATION_OFFICER,
    CUSTODY_OFFICER,
    FINANCE,
    OVERSIGHT,
    CONSULAR,
    ADMIN;

    /** Staff of the receiving prison, who see every record of the facility. */
    public boolean isPrisonStaff() {
        return switch (this) {
            case INTAKE_OFFICER, RECEPTION_OFFICER, CLASSIFICATION_OFFICER, CUSTODY_OFFICER, FINANCE, ADMIN -> true;
            default -> false;
        };
    }
}
