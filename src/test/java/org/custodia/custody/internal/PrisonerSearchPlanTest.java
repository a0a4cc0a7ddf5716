package org.custodia.custody.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.custodia.identity.CurrentUser;
import org.custodia.identity.Role;
import org.custodia.support.IntegrationTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The search's words are conditions the trigram index {@code prisoner_search_trgm_idx} can serve, in its count and
 * in its page. The test database is small (a sequential scan or any index would do), so sequential and plain index
 * scans are switched off for the transaction: what is left is a bitmap scan of an index that serves a condition;
 * a condition the trigram index cannot serve (a {@code word_similarity(...) >= x} call) is still planned as a
 * (disabled) sequential scan then. The plans PostgreSQL picks at scale are in docs/benchmarks.md.
 * Both plans PostgreSQL may pick for the prepared statements are looked at: the custom one (parameters known) and
 * the generic one.
 */
class PrisonerSearchPlanTest extends IntegrationTest {

    @Autowired
    TransactionTemplate transactions;

    private static final CurrentUser STAFF = new CurrentUser("custody", "Custody", Role.CUSTODY_OFFICER, null, null, "es");

    private String plan(String sql, List<Object> params, String planCacheMode) {
        return transactions.execute(tx -> {
            jdbc.sql("SELECT set_config('enable_seqscan', 'off', true)").query(String.class).single();
            jdbc.sql("SELECT set_config('enable_indexscan', 'off', true)").query(String.class).single();
            jdbc.sql("SELECT set_config('enable_indexonlyscan', 'off', true)").query(String.class).single();
            jdbc.sql("SELECT set_config('plan_cache_mode', ?, true)").param(planCacheMode).query(String.class).single();
            jdbc.sql("SELECT set_config('pg_trgm.word_similarity_threshold', ?, true)")
                    .param(Double.toString(PrisonerSearch.WORD_SIMILARITY)).query(String.class).single();
            return String.join("\n", jdbc.sql("EXPLAIN " + sql).params(params).query(String.class).list());
        });
    }

    @ParameterizedTest
    @CsvSource({"martines jose, force_custom_plan", "martines jose, force_generic_plan", "li wang, force_custom_plan",
            "li wang, force_generic_plan", "Gutierres V12345678, force_custom_plan", "ab, force_generic_plan"})
    void theCountAndThePageReadTheTrigramIndex(String words, String planCacheMode) {
        PrisonerSearch.Conditions c = PrisonerSearch.conditions(STAFF, words, null, null, null, null);
        List<Object> countParams = new ArrayList<>(c.params());
        countParams.add(1001L);
        String count = plan(PrisonerStore.countUpToSql(c.where()), countParams, planCacheMode);
        assertThat(count).contains("Bitmap Index Scan on prisoner_search_trgm_idx").doesNotContain("Seq Scan");

        List<Object> pageParams = new ArrayList<>(c.params());
        pageParams.addAll(c.orderParams());
        pageParams.add(20);
        pageParams.add(0L);
        String page = plan(PrisonerStore.findAllSql(c.where(), c.order() + " LIMIT ? OFFSET ?"), pageParams,
                planCacheMode);
        assertThat(page).contains("Bitmap Index Scan on prisoner_search_trgm_idx").doesNotContain("Seq Scan");
    }

    @ParameterizedTest
    @CsvSource({"martines", "ab"})
    void theOldFunctionCallIsNotServedByTheIndex(String word) {
        // the control: what the search wrote before, planned under the same settings, reads every row
        String where = "TRUE AND word_similarity(lower(unaccent(?)), p.search_text) >= 0.5";
        String count = plan("SELECT count(*) FROM prisoner p WHERE " + where, List.of(word), "force_custom_plan");
        assertThat(count).doesNotContain("prisoner_search_trgm_idx");
    }
}
