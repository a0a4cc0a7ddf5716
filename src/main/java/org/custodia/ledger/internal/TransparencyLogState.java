package org.custodia.ledger.internal;

import java.time.Instant;
import java.util.Optional;
import org.custodia.common.ApiException;
import org.custodia.ledger.LogState;
import org.springframework.stereotype.Component;

/** {@link LogState} read off the transparency log. */
@Component
class TransparencyLogState implements LogState {

    private final TransparencyLog log;

    TransparencyLogState(TransparencyLog log) {
        this.log = log;
    }

    @Override
    public long entries() {
        return log.pending().treeSize();
    }

    @Override
    public Optional<Checkpoint> latestCheckpoint() {
        try {
            LogViews.CheckpointView c = log.latest();
            return Optional.of(new Checkpoint(c.treeSize(), c.createdAt(), c.cosignatures().stream()
                    .map(s -> new Cosigner(s.witness(), Instant.ofEpochSecond(s.timestamp()))).toList()));
        } catch (ApiException noneYet) {
            return Optional.empty();
        }
    }
}
