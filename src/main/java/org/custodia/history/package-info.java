/**
 * Custody history: people held since before go-live (CECOT's existing population, a replayed past). Brings together
 * the referral module (the dossier, evaluated as of the admission date, stored MIGRATED) and the custody module (the
 * admission, cell and release, marked MIGRATED), in one transaction.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Custody history")
package org.custodia.history;
