package org.custodia.referral;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.springframework.stereotype.Component;
import org.springframework.context.event.EventListener;

/**
 * Test-only listener (picked up by the application's component scan from the test classpath): remembers the referral
 * events as they are published. A plain listener on purpose: a synchronous transactional one would make the event
 * publication registry take a second connection after each commit, which starves the pool under concurrent load.
 */
@Component
public class ReferralEventRecorder {

    private static final ConcurrentLinkedQueue<Object> EVENTS = new ConcurrentLinkedQueue<>();

    @EventListener
    void accepted(ReferralAccepted event) {
        EVENTS.add(event);
    }

    @EventListener
    void rejected(ReferralRejected event) {
        EVENTS.add(event);
    }

    @EventListener
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
