/** The tamper-evident ledger of every change: append, read, verify. */
@org.springframework.modulith.ApplicationModule(displayName = "Ledger")
package org.custodia.ledger;
