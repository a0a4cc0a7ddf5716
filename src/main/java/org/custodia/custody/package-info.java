/** Prisoner records: admission (Mandela Rule 7), status, movements, the events of Rule 8, notifications, releases, roll count. */
@org.springframework.modulith.ApplicationModule(displayName = "Custody")
package org.custodia.custody;
