package org.custodia.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.custodia.support.Api;
import org.custodia.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Tampers with the ledger as a superuser would (trigger disabled) and checks that verification names the first
 * bad entry. Every test puts the rows back, so the shared database stays valid for the others.
 */
class LedgerTamperTest extends IntegrationTest {

    @Autowired
    Ledger ledger;

    @Autowired
    TransactionTemplate tx;

    @Test
    void verificationIsValidAfterTheDemoLoad() {
        JsonNode verification = as("oversight").get("/api/v1/ledger/verification").json();
        assertThat(verification.get("valid").asBoolean()).isTrue();
        assertThat(verification.get("entries").asLong()).isGreaterThan(10);
        assertThat(verification.get("firstInvalidSequence").isNull()).isTrue();
        assertThat(verification.get("head").asString()).hasSize(64);
    }

    @Test
    void theDatabaseRefusesUpdateAndDelete() {
        long seq = appendThree().get(0);
        assertThatThrownBy(() -> jdbc.sql("UPDATE ledger_entry SET actor = 'mallory' WHERE sequence = ?").param(seq).update())
                .rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM ledger_entry WHERE sequence = ?").param(seq).update())
                .rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("TRUNCATE ledger_entry").update()).rootCause().hasMessageContaining("append-only");
        assertThat(valid()).isTrue();
    }

    @Test
    void anAlteredPayloadIsNamed() {
        long seq = appendThree().get(1);
        Map<String, Object> original = row(seq);
        tamper("UPDATE ledger_entry SET payload = '{\"note\":\"forged\"}' WHERE sequence = " + seq);
        try {
            assertFirstInvalid(seq);
        } finally {
            tamper("UPDATE ledger_entry SET payload = '" + ((String) original.get("payload")).replace("'", "''")
                    + "' WHERE sequence = " + seq);
        }
        assertThat(valid()).isTrue();
    }

    @Test
    void anAlteredActorIsNamedEvenWithItsPayloadIntact() {
        long seq = appendThree().get(0);
        tamper("UPDATE ledger_entry SET actor = 'somebody-else' WHERE sequence = " + seq);
        try {
            assertFirstInvalid(seq);
        } finally {
            tamper("UPDATE ledger_entry SET actor = 'system' WHERE sequence = " + seq);
        }
        assertThat(valid()).isTrue();
    }

    @Test
    void aDeletedRowIsNamed() {
        long seq = appendThree().get(1);
        Map<String, Object> original = row(seq);
        tamper("DELETE FROM ledger_entry WHERE sequence = " + seq);
        try {
            assertFirstInvalid(seq);
        } finally {
            restore(original);
        }
        assertThat(valid()).isTrue();
    }

    @Test
    void twoSwappedRowsAreNamed() {
        List<Long> seqs = appendThree();
        long a = seqs.get(0);
        long b = seqs.get(1);
        tamper("UPDATE ledger_entry SET sequence = 9000000000000000000 WHERE sequence = " + a);
        tamper("UPDATE ledger_entry SET sequence = " + a + " WHERE sequence = " + b);
        tamper("UPDATE ledger_entry SET sequence = " + b + " WHERE sequence = 9000000000000000000");
        try {
            assertFirstInvalid(a);
        } finally {
            tamper("UPDATE ledger_entry SET sequence = 9000000000000000000 WHERE sequence = " + a);
            tamper("UPDATE ledger_entry SET sequence = " + a + " WHERE sequence = " + b);
            tamper("UPDATE ledger_entry SET sequence = " + b + " WHERE sequence = 9000000000000000000");
        }
        assertThat(valid()).isTrue();
    }

    @Test
    void concurrentWritersNeverForkTheChainOrLeaveAGap() throws Exception {
        long before = jdbc.sql("SELECT coalesce(max(sequence), 0) FROM ledger_entry").query(Long.class).single();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Callable<Long>> writers = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            int n = i;
            writers.add(() -> sealed(tx.execute(status -> ledger.appendAs("test", "CONCURRENT_TEST", "TEST", "w" + n,
                    Map.of("n", n)).queueId())));
        }
        List<Long> sequences = new ArrayList<>();
        for (Future<Long> f : pool.invokeAll(writers)) {
            sequences.add(f.get());
        }
        pool.shutdown();
        assertThat(sequences).doesNotHaveDuplicates().hasSize(200);
        assertThat(sequences).allMatch(s -> s > before);
        long gaps = jdbc.sql("""
                SELECT count(*) FROM (SELECT sequence, lag(sequence) OVER (ORDER BY sequence) AS prev FROM ledger_entry) t
                WHERE prev IS NOT NULL AND sequence <> prev + 1""").query(Long.class).single();
        assertThat(gaps).isZero();
        assertThat(valid()).isTrue();
    }

    @Test
    void anEntryRollsBackWithTheChangeItRecords() {
        long before = jdbc.sql("SELECT count(*) FROM ledger_entry").query(Long.class).single();
        assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
            ledger.appendAs("test", "WILL_ROLL_BACK", "TEST", "x", Map.of());
            throw new IllegalStateException("the change failed");
        })).isInstanceOf(IllegalStateException.class);
        // Other tests may append meanwhile; no entry of ours may remain.
        assertThat(jdbc.sql("SELECT count(*) FROM ledger_entry WHERE action = 'WILL_ROLL_BACK'").query(Long.class).single())
                .isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM ledger_entry").query(Long.class).single()).isGreaterThanOrEqualTo(before);
    }

    private List<Long> appendThree() {
        List<Long> seqs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            int n = i;
            seqs.add(sealed(tx.execute(status -> ledger.appendAs("system", "TAMPER_TEST", "TEST", "t" + n, Map.of("n", n,
                    "text", "quote ' inside")).queueId())));
        }
        return seqs;
    }

    /** The sequence number the sequencer gave a queued entry: its writer's commit sealed it before answering. */
    private long sealed(long queueId) {
        return jdbc.sql("SELECT sequence FROM ledger_entry WHERE queue_id = ?").param(queueId).query(Long.class).single();
    }

    private void assertFirstInvalid(long sequence) {
        Api.Response response = as("oversight").get("/api/v1/ledger/verification");
        assertThat(response.status()).isEqualTo(200);
        JsonNode verification = response.json();
        assertThat(verification.get("valid").asBoolean()).as(response.text()).isFalse();
        assertThat(verification.get("firstInvalidSequence").asLong()).as(response.text()).isEqualTo(sequence);
    }

    private boolean valid() {
        return as("oversight").get("/api/v1/ledger/verification").json().get("valid").asBoolean();
    }

    private Map<String, Object> row(long sequence) {
        return jdbc.sql("SELECT * FROM ledger_entry WHERE sequence = ?").param(sequence).query().singleRow();
    }

    private void restore(Map<String, Object> row) {
        jdbc.sql("""
                        INSERT INTO ledger_entry (sequence, recorded_at, actor, action, subject_type, subject_id, payload,
                                                  payload_hash, previous_hash, hash)
                        VALUES (:sequence, :recorded_at, :actor, :action, :subject_type, :subject_id, :payload,
                                :payload_hash, :previous_hash, :hash)""")
                .params(row)
                .update();
    }

    /** What a superuser could do: switch the guard off, change the rows, switch it on again, in one transaction. */
    private void tamper(String sql) {
        tx.executeWithoutResult(status -> {
            jdbc.sql("ALTER TABLE ledger_entry DISABLE TRIGGER USER").update();
            jdbc.sql(sql).update();
            jdbc.sql("ALTER TABLE ledger_entry ENABLE TRIGGER USER").update();
        });
    }
}
