package org.custodia.custody.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.custodia.common.Validation;
import org.custodia.identity.CurrentUser;
import org.custodia.identity.Users;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Search by names, aliases, prisoner numbers and document numbers, tolerant of accents and small typos: the column
 * {@code search_text} holds {@code lower(unaccent(...))} of all of them; each word of the query must occur in it
 * as written (after the same folding) or be close to one of its words (pg_trgm's word similarity); a word of one or
 * two letters must be close (itself as a whole word, or most often the start of one). A word with a digit must
 * occur as written. Every condition is one the trigram index {@code prisoner_search_trgm_idx} serves, so only the
 * candidates it returns are read; the page is ordered by their closeness to the words, and the total is counted no
 * further than {@code custodia.search.count-limit} (1,000) matches: past it the page says "more than".
 */
@Service
class PrisonerSearch {

    /** How close a misspelt word must be: "martines" to "martinez" is 0.7, unrelated names stay under 0.4. */
    static final double WORD_SIMILARITY = 0.5;

    /** Below 3 letters a word has no trigram of its own for LIKE: the index would be read whole. */
    static final int LIKE_MIN_LENGTH = 3;

    private final PrisonerStore store;
    private final Users users;
    private final long countLimit;

    PrisonerSearch(PrisonerStore store, Users users, @Value("${custodia.search.count-limit:1000}") long countLimit) {
        this.store = store;
        this.users = users;
        this.countLimit = countLimit;
    }

    record Query(String q, String status, String nationality, String affiliation, String module, Integer page, Integer size) {
    }

    @Transactional(readOnly = true)
    CustodyViews.SearchPage search(Query query) {
        CurrentUser user = users.requireCurrent();
        Validation v = new Validation();
        if (query.status() != null && !query.status().isBlank()) {
            v.require(Arrays.stream(PrisonerStatus.values()).anyMatch(s -> s.name().equals(query.status())), "status",
                    "INVALID_VALUE", "One of " + Arrays.toString(PrisonerStatus.values()));
        }
        if (query.nationality() != null && !query.nationality().isBlank()) {
            v.require(query.nationality().matches("[A-Z]{2}"), "nationality", "INVALID_FORMAT", "An ISO 3166 alpha-2 code");
        }
        int page = query.page() == null ? 0 : query.page();
        int size = query.size() == null ? 20 : query.size();
        v.require(page >= 0, "page", "OUT_OF_RANGE", "0 or more");
        v.require(size >= 1 && size <= 100, "size", "OUT_OF_RANGE", "1 to 100");
        v.throwIfInvalid();

        Conditions c = conditions(user, query.q(), query.status(), query.nationality(), query.affiliation(),
                query.module());
        if (c.similarity()) {
            store.wordSimilarityThreshold(WORD_SIMILARITY);
        }
        List<Object> pageParams = new ArrayList<>(c.params());
        pageParams.addAll(c.orderParams());
        long offset = (long) page * size;
        pageParams.add(size);
        pageParams.add(offset);
        List<CustodyViews.Summary> items = store.findAll(c.where(), pageParams, c.order() + " LIMIT ? OFFSET ?")
                .stream().map(CustodyViews.Summary::of).toList();
        if (items.size() < size && (!items.isEmpty() || page == 0)) {
            // a page that is not full is the last one: the total follows without counting
            return new CustodyViews.SearchPage(items, page, size, offset + items.size(), true);
        }
        // count no further than the bound, or than this page if it lies beyond: past it the total is "more than"
        long bound = Math.max(countLimit, offset + size);
        long counted = store.countUpTo(c.where(), c.params(), bound + 1);
        return counted > bound
                ? new CustodyViews.SearchPage(items, page, size, bound, false)
                : new CustodyViews.SearchPage(items, page, size, counted, true);
    }

    /**
     * The search as SQL on {@code prisoner p}: the condition and its parameters, the order and its parameters, and
     * whether it compares words ({@code <%}, which needs the threshold set in the same transaction).
     */
    record Conditions(String where, List<Object> params, String order, List<Object> orderParams, boolean similarity) {
    }

    static Conditions conditions(CurrentUser user, String text, String status, String nationality, String affiliation,
                                 String module) {
        List<Object> params = new ArrayList<>();
        StringBuilder where = new StringBuilder(PrisonerScope.sql(user, params));
        String q = text == null ? "" : text.strip();
        List<String> words = q.isEmpty() ? List.of() : Arrays.stream(q.split("[\\s,;]+")).filter(w -> !w.isBlank())
                .limit(8).toList();
        List<String> nameWords = new ArrayList<>();
        for (String word : words) {
            if (word.chars().anyMatch(Character::isDigit)) {
                // numbers (prisoner, document) are matched as written: a near number is another person
                where.append(" AND p.search_text LIKE '%' || lower(unaccent(?)) || '%'");
                params.add(escapeLike(word));
            } else if (word.codePointCount(0, word.length()) < LIKE_MIN_LENGTH) {
                // "<%": a word of search_text with a word similarity of at least the threshold (a whole word as
                // written has 1, a prefix most often more than 0.5); the trigram index serves it
                where.append(" AND lower(unaccent(?)) <% p.search_text");
                params.add(word);
                nameWords.add(word);
            } else {
                // a word inside a longer one ("tine" in "martinez", similarity 0.4) is found by LIKE only; from
                // 3 letters on its trigrams let the same index serve LIKE too (a bitmap OR of two index scans)
                where.append(" AND (p.search_text LIKE '%' || lower(unaccent(?)) || '%'"
                        + " OR lower(unaccent(?)) <% p.search_text)");
                params.add(escapeLike(word));
                params.add(word);
                nameWords.add(word);
            }
        }
        if (status != null && !status.isBlank()) {
            where.append(" AND p.status = ?");
            params.add(status);
        }
        if (nationality != null && !nationality.isBlank()) {
            where.append(" AND p.person -> 'nationalities' @> jsonb_build_array(?::text)");
            params.add(nationality);
        }
        if (affiliation != null && !affiliation.isBlank()) {
            where.append(" AND p.gang_group = ?");
            params.add(affiliation);
        }
        if (module != null && !module.isBlank()) {
            where.append(" AND p.module_code = ?");
            params.add(module);
        }
        List<Object> orderParams = new ArrayList<>();
        String order;
        if (nameWords.isEmpty()) {
            order = "ORDER BY p.family_names, p.given_names, p.prisoner_number";
        } else {
            // relevance over the candidates the index found only: the closer each word, the earlier
            StringBuilder relevance = new StringBuilder();
            for (String word : nameWords) {
                relevance.append(relevance.isEmpty() ? "" : " + ").append("word_similarity(lower(unaccent(?)), p.search_text)");
                orderParams.add(word);
            }
            order = "ORDER BY " + relevance + " DESC, p.family_names, p.given_names, p.prisoner_number";
        }
        return new Conditions(where.toString(), List.copyOf(params), order, List.copyOf(orderParams), !nameWords.isEmpty());
    }

    /** A word is matched as written: LIKE's wildcards in it are taken literally. */
    static String escapeLike(String word) {
        return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
