package org.custodia.custody;

import java.util.UUID;

/** The result of an admission: the prisoner's identifier and the number people use, e.g. {@code CECOT-2026-000123}. */
public record Admission(UUID prisonerId, String prisonerNumber) {
}
