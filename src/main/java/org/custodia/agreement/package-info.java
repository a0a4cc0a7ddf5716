/** Parties, agreements, capacity quota, eligibility policy, fee schedules. */
@org.springframework.modulith.ApplicationModule(displayName = "Agreement")
package org.custodia.agreement;
