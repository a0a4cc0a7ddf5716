package org.custodia.ledger.internal;

import org.custodia.identity.IdentityAudited;
import org.custodia.ledger.Ledger;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Appends what identity reports, in the publisher's transaction. */
@Component
class IdentityAuditListener {

    private final Ledger ledger;

    IdentityAuditListener(Ledger ledger) {
        this.ledger = ledger;
    }

    @EventListener
    void on(IdentityAudited event) {
        if (event.actor() == null) {
            ledger.append(event.action(), event.subjectType(), event.subjectId(), event.payload());
        } else {
            ledger.appendAs(event.actor(), event.action(), event.subjectType(), event.subjectId(), event.payload());
        }
    }
}
