package org.custodia.referral.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.custodia.referral.ReferralStatus;

/**
 * Who is already referred or in custody, by identity key: the live referrals (SUBMITTED, ACCEPTED, IN_TRANSIT,
 * ADMITTED, and MIGRATED while the person is held) that the DUPLICATE_PERSON rule compares a new referral with. An in-memory map, loaded once for a bulk
 * import (and grown with each referral the import stores) or for the keys of one referral.
 */
final class IdentityRegistry {

    record Holder(UUID referralId, String externalReference, String agreementCode, ReferralStatus status, String key) {
    }

    private final Map<String, List<Holder>> byKey = new HashMap<>();

    static IdentityRegistry empty() {
        return new IdentityRegistry();
    }

    static IdentityRegistry of(Collection<Holder> holders) {
        IdentityRegistry registry = new IdentityRegistry();
        holders.forEach(registry::add);
        return registry;
    }

    /**
     * Adds a holder if it is live. A MIGRATED holder counts while the person is held: the repository's query leaves out
     * those whose release is recorded.
     */
    void add(Holder holder) {
        if (holder.status().isLive() || holder.status() == ReferralStatus.MIGRATED) {
            byKey.computeIfAbsent(holder.key(), k -> new ArrayList<>()).add(holder);
        }
    }

    /** The live referrals other than {@code self} that carry one of these keys. */
    List<Holder> holders(Collection<String> keys, UUID self) {
        List<Holder> found = new ArrayList<>();
        for (String key : keys) {
            for (Holder h : byKey.getOrDefault(key, List.of())) {
                if (!h.referralId().equals(self)) {
                    found.add(h);
                }
            }
        }
        return found;
    }
}
