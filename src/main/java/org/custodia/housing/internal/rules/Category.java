package org.custodia.housing.internal.rules;

import java.time.LocalDate;
import java.time.Period;

/**
 * The categories Mandela Rule 11 keeps apart: men and women, the young and adults, the untried and the convicted.
 *
 * @param sex MALE or FEMALE
 * @param young under 18
 */
public record Category(String sex, boolean young, boolean convicted) {

    public static final int ADULT_AGE = 18;

    public static Category of(String sex, LocalDate dateOfBirth, LocalDate today, boolean convicted) {
        boolean young = dateOfBirth != null && Period.between(dateOfBirth, today).getYears() < ADULT_AGE;
        return new Category(sex, young, convicted);
    }
}
