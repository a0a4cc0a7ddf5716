/**
 * Billing: the fee per prisoner-day and per intake, monthly invoices the sending state can check line by line
 * (reconciliation, disputes), payments and the statement of account, and the sustainability the fee buys.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Billing")
package org.custodia.billing;
