package org.custodia.housing.internal.planner;

import org.custodia.housing.internal.rules.Scope;

/** A keep-apart partner of an arrival who is housed and stays where they are. */
public record HousedPartner(String prisonerNumber, String cell, String module, Scope scope) {
}
