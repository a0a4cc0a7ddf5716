package org.custodia.referral;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Test-only listener (picked up by the application's component scan from the test classpath): remembers the referral
 * events other modules would receive, once their transaction has committed.
 */
@Component
public class ReferralEventRecorder {

    private static final ConcurrentLinkedQueue<Object> EVENTS = new ConcurrentLinkedQueue<>();

    @TransactionalEventListener
    void accepted(ReferralAccepted event) {
        EVENTS.add(event);
    }

    @TransactionalEventListener
    void rejected(ReferralRejected event) {
        EVENTS.add(event);
    }

    @TransactionalEventListener
    void withdrawn(ReferralWithdrawn event) {
        EVENTS.add(event);
    }

    /** The events about one referral, in the order they were committed. */
    public static List<Object> about(UUID referralId) {
        return EVENTS.stream().filter(e -> referralId.equals(idOf(e))).toList();
    }

    private static UUID idOf(Object event) {
        if (event instanceof ReferralAccepted a) {
            return a.referralId();
        }
        if (event instanceof ReferralRejected r) {
            return r.referralId();
        }
        return event instanceof ReferralWithdrawn w ? w.referralId() : null;
    }
}
