package org.custodia.custody.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.custodia.common.ApiException;
import org.custodia.common.ConsoleForm;
import org.custodia.identity.Allowed;
import org.custodia.identity.CurrentUser;
import org.custodia.identity.Permission;
import org.custodia.identity.Users;
import org.custodia.web.ConsolePage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The consulate's page: its nationals held (the consular user's scope is one nationality), each with the facility and
 * cell, a page at a time; a form to record a consular visit to one of them (a {@code VISIT} entry of the file, through
 * the same service as {@code POST /api/v1/prisoners/{number}/events}); and the consular visits recorded so far.
 */
@Controller
@ConsolePage
@Allowed(Permission.CONSULAR_VISITS)
class ConsularConsoleController {

    static final int PAGE = 25;
    static final int VISITS = 50;

    private final PrisonerSearch search;
    private final PrisonerService prisoners;
    private final Users users;
    private final CustodyTime time;
    private final JdbcClient jdbc;

    ConsularConsoleController(PrisonerSearch search, PrisonerService prisoners, Users users, CustodyTime time,
                              JdbcClient jdbc) {
        this.search = search;
        this.prisoners = prisoners;
        this.users = users;
        this.time = time;
        this.jdbc = jdbc;
    }

    /** A consular visit as the page lists it, its time in the facility's zone. */
    record Visit(String prisonerNumber, String name, String facilityCode, Instant occurredAt, ZoneId zone,
                 String visitor, String organisation, String recordedBy) {
    }

    @GetMapping("/consular")
    String page(@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
                @RequestParam(required = false) String prisoner, Model model) {
        CurrentUser me = users.requireCurrent();
        String query = q == null || q.isBlank() ? null : q.strip();
        CustodyViews.SearchPage result = search.search(new PrisonerSearch.Query(query, null, null, null, null,
                Math.max(0, page), PAGE));
        model.addAttribute("nationality", me.nationality());
        model.addAttribute("q", query);
        model.addAttribute("result", result);
        model.addAttribute("zones", zones(result.items()));
        // The visit form offers the people of this page that are still held, and the one chosen from a row.
        List<CustodyViews.Summary> choices = new ArrayList<>(result.items().stream()
                .filter(s -> !s.status().name().equals("RELEASED")).toList());
        if (prisoner != null && choices.stream().noneMatch(s -> s.prisonerNumber().equals(prisoner))) {
            try {
                PrisonerRecord chosen = prisoners.visible(me, prisoner);
                choices.add(0, CustodyViews.Summary.of(chosen));
            } catch (ApiException e) {
                // not one of the consulate's nationals: the form simply does not offer it
            }
        }
        model.addAttribute("choices", choices);
        if (!model.containsAttribute("visitForm")) {
            Map<String, String> values = new LinkedHashMap<>();
            values.put("prisonerNumber", prisoner == null ? "" : prisoner);
            model.addAttribute("visitForm", ConsoleForm.of("visit", values));
        }
        model.addAttribute("visits", visits(me));
        return "custody/consular";
    }

    @PostMapping("/consular/visits")
    String record(@RequestParam Map<String, String> form, RedirectAttributes redirect) {
        CurrentUser me = users.requireCurrent();
        String number = ConsoleForm.text(form.get("prisonerNumber"));
        try {
            if (number == null) {
                throw ApiException.validation(List.of(new org.custodia.common.FieldProblem("prisonerNumber", "REQUIRED",
                        "Choose the person visited")));
            }
            PrisonerRecord p = prisoners.visible(me, number);
            ZoneId zone = time.zoneOf(p.facilityCode());
            prisoners.record(number, new FileEntry.Visit(ConsoleForm.localTime(form.get("occurredAt"), "occurredAt", zone),
                    FileEntry.VisitType.CONSULAR, ConsoleForm.text(form.get("visitor")),
                    ConsoleForm.text(form.get("organisation"))));
            redirect.addFlashAttribute("recorded", number);
            return "redirect:/consular#visits";
        } catch (ApiException e) {
            redirect.addFlashAttribute("visitForm", ConsoleForm.refused("visit", form, e, Map.of("number",
                    "prisonerNumber"), "prisonerNumber"));
            return "redirect:/consular" + (number == null ? "" : "?prisoner=" + java.net.URLEncoder.encode(number,
                    java.nio.charset.StandardCharsets.UTF_8)) + "#visit";
        }
    }

    private Map<String, ZoneId> zones(List<CustodyViews.Summary> items) {
        Map<String, ZoneId> zones = new LinkedHashMap<>();
        items.forEach(s -> zones.computeIfAbsent(s.facilityCode(), time::zoneOf));
        return zones;
    }

    /** The latest consular visits to the user's nationals, newest first. */
    private List<Visit> visits(CurrentUser me) {
        List<Object> params = new ArrayList<>();
        String scope = PrisonerScope.sql(me, params);
        params.add(VISITS);
        Map<String, ZoneId> zones = new LinkedHashMap<>();
        return jdbc.sql("""
                        SELECT p.prisoner_number, p.person ->> 'givenNames' AS given, p.person ->> 'familyNames' AS family,
                               p.facility_code, e.occurred_at, e.details ->> 'visitor' AS visitor,
                               e.details ->> 'organisation' AS organisation, e.recorded_by
                        FROM prisoner_event e JOIN prisoner p ON p.id = e.prisoner_id
                        WHERE e.type = 'VISIT' AND e.details ->> 'visitType' = 'CONSULAR' AND""" + " " + scope + """

                        ORDER BY e.occurred_at DESC, e.id LIMIT ?""")
                .params(params)
                .query((rs, n) -> {
                    String facility = rs.getString("facility_code");
                    return new Visit(rs.getString("prisoner_number"), rs.getString("given") + " " + rs.getString("family"),
                            facility, rs.getTimestamp("occurred_at").toInstant(),
                            zones.computeIfAbsent(facility, time::zoneOf), rs.getString("visitor"),
                            rs.getString("organisation"), rs.getString("recorded_by"));
                }).list();
    }
}
