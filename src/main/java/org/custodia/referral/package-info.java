/**
 * Referral dossiers sent by a sending state, the eligibility engine that checks each of them against the agreement's
 * policy, the intake officer's decision, withdrawal and bulk import. Other modules use {@link org.custodia.referral.Referrals}
 * and the records and events of this package.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Referral")
package org.custodia.referral;
