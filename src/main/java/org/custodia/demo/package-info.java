/**
 * The demo story (profile {@code demo}, property {@code custodia.demo.story}): what Custodia would hold had it run
 * since March 2025. The flights of 15–16 March 2025 as reported (238 Venezuelans, 23 Salvadorans said to be MS-13),
 * their referrals and findings, the few held under the agreement, the many held without meeting it, the July 2025
 * release to Venezuela, CECOT's own population from a generated roster, and the invoices since with a payment and a
 * dispute. Everything goes through the other modules' public APIs, as the API would record it; names are generated.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo story")
package org.custodia.demo;
