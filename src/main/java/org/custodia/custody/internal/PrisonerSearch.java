package org.custodia.custody.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.custodia.common.Validation;
import org.custodia.identity.CurrentUser;
import org.custodia.identity.Users;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Search by names, aliases, prisoner numbers and document numbers, tolerant of accents and small typos: the column
 * {@code search_text} holds {@code lower(unaccent(...))} of all of them; each word of the query must occur in it
 * as written (after the same folding) or be close to one of its words (pg_trgm's word similarity).
 */
@Service
class PrisonerSearch {

    /** How close a misspelt word must be: "martines" to "martinez" is 0.7, unrelated names stay under 0.4. */
    static final double WORD_SIMILARITY = 0.5;

    private final PrisonerStore store;
    private final Users users;

    PrisonerSearch(PrisonerStore store, Users users) {
        this.store = store;
        this.users = users;
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

        List<Object> params = new ArrayList<>();
        StringBuilder where = new StringBuilder(PrisonerScope.sql(user, params));
        String q = query.q() == null ? "" : query.q().strip();
        List<String> words = q.isEmpty() ? List.of() : Arrays.stream(q.split("[\\s,;]+")).filter(w -> !w.isBlank())
                .limit(8).toList();
        for (String word : words) {
            if (word.chars().anyMatch(Character::isDigit)) {
                // numbers (prisoner, document) are matched as written: a near number is another person
                where.append(" AND p.search_text LIKE '%' || lower(unaccent(?)) || '%'");
                params.add(escapeLike(word));
            } else {
                // "<%": a word of search_text with a word similarity above the threshold; the trigram index serves it
                where.append(" AND (p.search_text LIKE '%' || lower(unaccent(?)) || '%'"
                        + " OR lower(unaccent(?)) <% p.search_text)");
                params.add(escapeLike(word));
                params.add(word);
            }
        }
        if (query.status() != null && !query.status().isBlank()) {
            where.append(" AND p.status = ?");
            params.add(query.status());
        }
        if (query.nationality() != null && !query.nationality().isBlank()) {
            where.append(" AND p.person -> 'nationalities' @> jsonb_build_array(?::text)");
            params.add(query.nationality());
        }
        if (query.affiliation() != null && !query.affiliation().isBlank()) {
            where.append(" AND p.gang_group = ?");
            params.add(query.affiliation());
        }
        if (query.module() != null && !query.module().isBlank()) {
            where.append(" AND p.module_code = ?");
            params.add(query.module());
        }
        if (!words.isEmpty()) {
            store.wordSimilarityThreshold(WORD_SIMILARITY);
        }
        long total = store.count(where.toString(), params);
        List<Object> pageParams = new ArrayList<>(params);
        String order;
        if (words.isEmpty()) {
            order = "ORDER BY p.family_names, p.given_names, p.prisoner_number";
        } else {
            order = "ORDER BY word_similarity(lower(unaccent(?)), p.search_text) DESC, p.family_names, p.given_names, p.prisoner_number";
            pageParams.add(q);
        }
        pageParams.add(size);
        pageParams.add((long) page * size);
        List<CustodyViews.Summary> items = store.findAll(where.toString(), pageParams, order + " LIMIT ? OFFSET ?")
                .stream().map(CustodyViews.Summary::of).toList();
        return new CustodyViews.SearchPage(items, page, size, total);
    }

    /** A word is matched as written: LIKE's wildcards in it are taken literally. */
    static String escapeLike(String word) {
        return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
