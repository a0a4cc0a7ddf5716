package org.custodia.housing.internal.rules;

import org.custodia.facility.CellAttribute;

/** What a person's cell must offer. */
public enum Need {
    MEDICAL(CellAttribute.MEDICAL), ACCESSIBLE(CellAttribute.ACCESSIBLE), SEGREGATION(CellAttribute.SEGREGATION);

    private final CellAttribute attribute;

    Need(CellAttribute attribute) {
        this.attribute = attribute;
    }

    public CellAttribute attribute() {
        return attribute;
    }
}
