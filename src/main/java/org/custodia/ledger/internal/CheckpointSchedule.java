package org.custodia.ledger.internal;

import org.custodia.common.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Brings the Merkle tree up to the entries once the application is ready (a database from before the tree) and seals
 * what a crash left queued, then seals queued entries every {@code custodia.ledger.seal-interval} and signs a
 * checkpoint every {@code custodia.ledger.checkpoint-interval} when entries were added.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class CheckpointSchedule {

    private static final Logger log = LoggerFactory.getLogger(CheckpointSchedule.class);

    private final LedgerSequencer sequencer;
    private final TransparencyLog transparencyLog;

    CheckpointSchedule(LedgerSequencer sequencer, TransparencyLog transparencyLog) {
        this.sequencer = sequencer;
        this.transparencyLog = transparencyLog;
    }

    @EventListener(ApplicationReadyEvent.class)
    void catchUp() {
        long added = sequencer.catchUpTree();
        if (added > 0) {
            log.info("Added {} existing ledger entries to the Merkle tree", added);
        }
        long sealed = sequencer.seal();
        if (sealed > 0) {
            log.info("Sealed {} ledger entries queued before this start", sealed);
        }
    }

    @Scheduled(initialDelayString = "${custodia.ledger.seal-interval:PT1S}",
            fixedDelayString = "${custodia.ledger.seal-interval:PT1S}")
    void seal() {
        try {
            long sealed = sequencer.sealIfQueued();
            if (sealed > 0) {
                log.info("Sealed {} ledger entries that their writers had not", sealed);
            }
        } catch (RuntimeException e) {
            log.error("Could not seal queued ledger entries", e);
        }
    }

    @Scheduled(initialDelayString = "${custodia.ledger.checkpoint-interval:PT1M}",
            fixedDelayString = "${custodia.ledger.checkpoint-interval:PT1M}")
    void checkpoint() {
        try {
            transparencyLog.checkpoint();
        } catch (ApiException e) {
            // Already logged as an error by the log: it refused to sign.
        } catch (RuntimeException e) {
            log.error("Could not sign a ledger checkpoint", e);
        }
    }
}
