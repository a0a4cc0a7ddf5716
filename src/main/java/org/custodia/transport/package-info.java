/** Manifests of accepted referrals, departure, the arrival handover of each person, discrepancies, closure. */
@org.springframework.modulith.ApplicationModule(displayName = "Transport")
package org.custodia.transport;
