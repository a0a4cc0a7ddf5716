package org.custodia.ledger.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.custodia.identity.Allowed;
import org.custodia.identity.Permission;
import org.custodia.ledger.LedgerEntry;
import org.custodia.common.ConsolePage;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * Oversight's view of the log in the console: the entries newest first, a page at a time (keyset on the sequence, so
 * that a log of millions pages as fast as one of ten), filtered by action, subject, actor and day, and each entry with
 * its payload, hashes and a link to its inclusion proof. Read-only: it only selects from {@code ledger_entry}.
 */
@Controller
@ConsolePage
@Allowed(Permission.LEDGER_READ)
class LedgerConsoleController {

    static final int PAGE = 50;

    private final JdbcClient jdbc;
    private final LatestCheckpoint checkpoints;

    LedgerConsoleController(JdbcClient jdbc, LatestCheckpoint checkpoints) {
        this.jdbc = jdbc;
        this.checkpoints = checkpoints;
    }

    /** The filters as typed (blank is none); {@code from} and {@code to} are days, in UTC, both included. */
    record Filter(String action, String subjectType, String subjectId, String actor, String from, String to) {

        public boolean any() {
            return action != null || subjectType != null || subjectId != null || actor != null || from != null
                    || to != null;
        }
    }

    @GetMapping("/ledger/entries")
    @Transactional(readOnly = true)
    String entries(@RequestParam(required = false) String action, @RequestParam(required = false) String subjectType,
                   @RequestParam(required = false) String subjectId, @RequestParam(required = false) String actor,
                   @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                   @RequestParam(required = false) Long before, Model model) {
        Filter filter = new Filter(blank(action), blank(subjectType), blank(subjectId), blank(actor), blank(from),
                blank(to));
        List<String> problems = new ArrayList<>();
        LocalDate fromDay = day(filter.from(), "from", problems);
        LocalDate toDay = day(filter.to(), "to", problems);
        StringBuilder sql = new StringBuilder("SELECT * FROM ledger_entry WHERE sequence < :before");
        if (filter.action() != null) {
            sql.append(" AND action = :action");
        }
        if (filter.subjectType() != null) {
            sql.append(" AND subject_type = :subjectType");
        }
        if (filter.subjectId() != null) {
            sql.append(" AND subject_id = :subjectId");
        }
        if (filter.actor() != null) {
            sql.append(" AND actor = :actor");
        }
        if (fromDay != null) {
            sql.append(" AND recorded_at >= :fromAt");
        }
        if (toDay != null) {
            sql.append(" AND recorded_at < :toAt");
        }
        sql.append(" ORDER BY sequence DESC LIMIT :limit");
        var statement = jdbc.sql(sql.toString()).param("before", before == null ? Long.MAX_VALUE : before)
                .param("limit", PAGE + 1);
        if (filter.action() != null) {
            statement = statement.param("action", filter.action());
        }
        if (filter.subjectType() != null) {
            statement = statement.param("subjectType", filter.subjectType());
        }
        if (filter.subjectId() != null) {
            statement = statement.param("subjectId", filter.subjectId());
        }
        if (filter.actor() != null) {
            statement = statement.param("actor", filter.actor());
        }
        if (fromDay != null) {
            statement = statement.param("fromAt", Timestamp.from(fromDay.atStartOfDay(ZoneOffset.UTC).toInstant()));
        }
        if (toDay != null) {
            statement = statement.param("toAt", Timestamp.from(toDay.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()));
        }
        List<LedgerEntry> rows = problems.isEmpty() ? statement.query(LedgerConsoleController::map).list() : List.of();
        boolean more = rows.size() > PAGE;
        List<LedgerEntry> page = more ? rows.subList(0, PAGE) : rows;
        model.addAttribute("utc", ZoneOffset.UTC);
        model.addAttribute("filter", filter);
        model.addAttribute("entries", page);
        model.addAttribute("next", more ? page.get(page.size() - 1).sequence() : null);
        model.addAttribute("first", before == null);
        model.addAttribute("filterProblems", problems);
        model.addAttribute("actions", jdbc.sql("SELECT DISTINCT action FROM ledger_entry ORDER BY action")
                .query(String.class).list());
        model.addAttribute("subjectTypes", jdbc.sql("SELECT DISTINCT subject_type FROM ledger_entry ORDER BY subject_type")
                .query(String.class).list());
        model.addAttribute("total", jdbc.sql("SELECT count(*) FROM ledger_entry").query(Long.class).single());
        model.addAttribute("checkpoint", checkpoints.latest());
        return "ledger-entries";
    }

    @GetMapping("/ledger/entries/{sequence}")
    @Transactional(readOnly = true)
    String entry(@PathVariable long sequence, Model model) {
        LedgerEntry entry = jdbc.sql("SELECT * FROM ledger_entry WHERE sequence = ?").param(sequence)
                .query(LedgerConsoleController::map).optional()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("utc", ZoneOffset.UTC);
        model.addAttribute("entry", entry);
        model.addAttribute("payload", pretty(entry.payload()));
        model.addAttribute("subjectEntries", jdbc.sql("SELECT count(*) FROM ledger_entry WHERE subject_type = ? "
                + "AND subject_id = ?").params(entry.subjectType(), entry.subjectId()).query(Long.class).single());
        return "ledger-entry";
    }

    private static LedgerEntry map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new LedgerEntry(rs.getLong("sequence"), rs.getTimestamp("recorded_at").toInstant(), rs.getString("actor"),
                rs.getString("action"), rs.getString("subject_type"), rs.getString("subject_id"), rs.getString("payload"),
                rs.getString("payload_hash"), rs.getString("previous_hash"), rs.getString("hash"));
    }

    /** The payload, indented for reading (it is stored as canonical JSON on one line). */
    static String pretty(String json) {
        try {
            tools.jackson.databind.json.JsonMapper mapper = tools.jackson.databind.json.JsonMapper.builder().build();
            return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(mapper.readTree(json));
        } catch (RuntimeException e) {
            return json;
        }
    }

    private static LocalDate day(String value, String field, List<String> problems) {
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            problems.add(field);
            return null;
        }
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

}
