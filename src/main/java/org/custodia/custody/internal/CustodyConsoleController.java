package org.custodia.custody.internal;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.custodia.common.ApiException;
import org.custodia.common.ConsoleForm;
import org.custodia.identity.CurrentUser;
import org.custodia.identity.Users;
import org.custodia.web.ConsolePage;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.custodia.identity.Allowed;
import org.custodia.identity.Permission;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The console pages of custody: prisoner search with upcoming releases, the prisoner file with its timeline, the
 * roll count with occupancy and the formal count, and the oversight alerts. Lives beside its services (the web
 * module sees only public APIs); {@link ConsolePage} has the web module supply what the layout needs.
 */
@Controller
@ConsolePage
class CustodyConsoleController {

    /** The affiliations a search can filter on, each shown in words ({@code referral.group.<code>}). */
    static final List<String> GROUPS = List.of("MS13", "BARRIO_18_SURENOS", "BARRIO_18_REVOLUCIONARIOS",
            "TREN_DE_ARAGUA", "OTHER");

    private final PrisonerService prisoners;
    private final PrisonerSearch search;
    private final RollService roll;
    private final Users users;
    private final FilePdf pdf;
    private final MessageSource messages;
    private final CustodyTime time;
    private final FileView view;

    CustodyConsoleController(PrisonerService prisoners, PrisonerSearch search, RollService roll, Users users, FilePdf pdf,
                             MessageSource messages, CustodyTime time, FileView view) {
        this.view = view;
        this.prisoners = prisoners;
        this.search = search;
        this.roll = roll;
        this.users = users;
        this.pdf = pdf;
        this.messages = messages;
        this.time = time;
    }

    @GetMapping("/prisoners")
    String search(@RequestParam(required = false) String q, @RequestParam(required = false) String status,
                  @RequestParam(required = false) String nationality, @RequestParam(required = false) String affiliation,
                  @RequestParam(required = false) String module, @RequestParam(defaultValue = "0") int page,
                  @RequestParam(defaultValue = "30") int days, Model model) {
        PrisonerSearch.Query query = new PrisonerSearch.Query(blank(q), blank(status), blank(nationality),
                blank(affiliation), blank(module), Math.max(0, page), 25);
        try {
            model.addAttribute("result", search.search(query));
        } catch (ApiException e) {
            model.addAttribute("result", new CustodyViews.SearchPage(List.of(), 0, 25, 0, true));
            Map<String, String> typed = new java.util.LinkedHashMap<>();
            typed.put("q", q == null ? "" : q);
            typed.put("status", status == null ? "" : status);
            typed.put("nationality", nationality == null ? "" : nationality);
            typed.put("affiliation", affiliation == null ? "" : affiliation);
            typed.put("module", module == null ? "" : module);
            model.addAttribute("searchForm", ConsoleForm.refused("search", typed, e, Map.of(), "q"));
        }
        int window = days == 90 || days == 180 ? days : 30;
        model.addAttribute("query", query);
        model.addAttribute("days", window);
        model.addAttribute("upcoming", prisoners.upcomingReleases(window));
        model.addAttribute("statuses", PrisonerStatus.values());
        model.addAttribute("groups", GROUPS);
        return "custody/prisoners";
    }

    @GetMapping("/prisoners/{number}")
    String prisoner(@PathVariable String number, Model model, Locale locale) {
        CurrentUser user = users.requireCurrent();
        PrisonerRecord p;
        try {
            p = prisoners.visible(user, number);
        } catch (ApiException e) {
            throw new org.springframework.web.server.ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND);
        }
        SentenceDates sentence = prisoners.sentence(p, locale);
        model.addAttribute("p", p);
        model.addAttribute("sentence", sentence);
        model.addAttribute("file", view.of(p, sentence, prisoners.events(p), prisoners.notifications(p), user, locale));
        model.addAttribute("zone", time.zoneOf(p.facilityCode()));
        boolean open = !p.isReleased();
        model.addAttribute("canMove", open && user.can(Permission.MOVEMENT_RECORD));
        model.addAttribute("canRelease", open && user.can(Permission.RELEASE_RECORD));
        model.addAttribute("canMoveCell", open && user.can(Permission.CELL_MOVE));
        model.addAttribute("entryTypes", open ? java.util.Arrays.stream(EntryType.values())
                .filter(t -> t.mayBeRecordedBy(user.role())).toList() : List.of());
        model.addAttribute("entryFields", FileEntryForm.FIELDS);
        model.addAttribute("movementReasons", Requests.MovementReason.values());
        model.addAttribute("releaseTypes", ReleaseType.values());
        model.addAttribute("securityLevels", SecurityLevel.values());
        model.addAttribute("findings", FileEntry.Finding.values());
        model.addAttribute("familyNotifications", FileEntry.FamilyNotification.values());
        model.addAttribute("visitTypes", user.role() == org.custodia.identity.Role.CONSULAR
                ? List.of(FileEntry.VisitType.CONSULAR) : List.of(FileEntry.VisitType.values()));
        return "custody/prisoner";
    }

    @GetMapping("/prisoners/{number}/copy.pdf")
    ResponseEntity<byte[]> copy(@PathVariable String number, Locale locale) {
        CurrentUser user = users.requireCurrent();
        PrisonerRecord p;
        try {
            p = prisoners.visible(user, number);
        } catch (ApiException e) {
            throw new org.springframework.web.server.ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND);
        }
        byte[] document = pdf.render(p, prisoners.sentence(p, locale), prisoners.events(p), prisoners.notifications(p),
                user, locale);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + p.number() + ".pdf\"").body(document);
    }

    /** A temporary absence (OUT, with reason and destination) or the return (IN), from the prisoner page. */
    @PostMapping("/prisoners/{number}/movements")
    @Allowed(Permission.MOVEMENT_RECORD)
    String movement(@PathVariable String number, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        return onFile(number, "movement", form, redirect, "custody.form.movement.done", zone -> prisoners.move(number,
                new Requests.Movement(ConsoleForm.choice(Requests.MovementDirection.class, form.get("direction"),
                        "direction"), ConsoleForm.choice(Requests.MovementReason.class, form.get("reason"), "reason"),
                        ConsoleForm.text(form.get("destination")),
                        ConsoleForm.localTime(form.get("occurredAt"), "occurredAt", zone))));
    }

    /** An entry of Rule 8 (or a consulate's visit), one form per kind. */
    @PostMapping("/prisoners/{number}/entries")
    @Allowed(Permission.FILE_ENTRY_RECORD)
    String entry(@PathVariable String number, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        EntryType type;
        try {
            type = EntryType.valueOf(form.getOrDefault("type", ""));
        } catch (IllegalArgumentException e) {
            throw new org.springframework.web.server.ResponseStatusException(org.springframework.http.HttpStatus.BAD_REQUEST);
        }
        return onFile(number, "entry-" + type, form, redirect, "custody.form.entry.done", zone -> prisoners.record(number,
                FileEntryForm.entry(type, form, ConsoleForm.localTime(form.get("occurredAt"), "occurredAt", zone))));
    }

    /** A release with its handover, from the prisoner page. */
    @PostMapping("/prisoners/{number}/releases")
    @Allowed(Permission.RELEASE_RECORD)
    String release(@PathVariable String number, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        return onFile(number, "release", form, redirect, "custody.form.release.done", zone -> prisoners.release(number,
                new Requests.Release(ConsoleForm.choice(ReleaseType.class, form.get("type"), "type"),
                        ConsoleForm.localTime(form.get("effectiveAt"), "effectiveAt", zone),
                        ConsoleForm.text(form.get("receivedBy")), ConsoleForm.text(form.get("destinationState")),
                        ConsoleForm.text(form.get("reason")), ConsoleForm.text(form.get("circumstances")),
                        ConsoleForm.text(form.get("cause")), ConsoleForm.text(form.get("remainsDisposition")))));
    }

    /** Runs a change of the file; refused, the page shows the same form again with what was typed and why. */
    private String onFile(String number, String formId, Map<String, String> form, RedirectAttributes redirect,
                          String notice, java.util.function.Consumer<ZoneId> change) {
        CurrentUser user = users.requireCurrent();
        PrisonerRecord p;
        try {
            p = prisoners.visible(user, number);
        } catch (ApiException e) {
            throw new org.springframework.web.server.ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND);
        }
        try {
            change.accept(time.zoneOf(p.facilityCode()));
            redirect.addFlashAttribute("message", messages.getMessage(notice, null,
                    org.springframework.context.i18n.LocaleContextHolder.getLocale()));
            return "redirect:/prisoners/" + p.number() + "#timeline";
        } catch (ApiException e) {
            redirect.addFlashAttribute("fileForm", ConsoleForm.refused(formId, form, e, Map.of(), null));
            return "redirect:/prisoners/" + p.number() + "#" + formId;
        }
    }

    @GetMapping("/roll-count")
    @Allowed(Permission.FACILITY_READ)
    String rollCount(@RequestParam(defaultValue = "CECOT") String facility, Model model) {
        CustodyViews.RollCount rollCount;
        try {
            rollCount = roll.rollCount(facility);
        } catch (ApiException e) {
            throw new org.springframework.web.server.ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND);
        }
        model.addAttribute("roll", rollCount);
        model.addAttribute("facility", facility);
        model.addAttribute("zone", ZoneId.of(rollCount.zone()));
        model.addAttribute("counts", roll.counts(facility, false).stream().limit(10).toList());
        return "custody/roll-count";
    }

    @PostMapping("/roll-count/counts")
    @Allowed(Permission.ROLL_COUNT_RECORD)
    String count(@RequestParam String facility, @RequestParam Map<String, String> form, RedirectAttributes redirect,
                 Locale locale) {
        List<Requests.ModuleCount> modules = new ArrayList<>();
        Map<String, String> paths = new java.util.HashMap<>();
        List<org.custodia.common.FieldProblem> unreadable = new ArrayList<>();
        form.forEach((name, value) -> {
            if (name.startsWith("counted.") && !value.isBlank()) {
                Integer counted = null;
                try {
                    counted = Integer.valueOf(value.trim());
                } catch (NumberFormatException e) {
                    unreadable.add(new org.custodia.common.FieldProblem(name, "INVALID_TYPE", "Not a whole number"));
                    return;
                }
                paths.put("modules[" + modules.size() + "].counted", name);
                paths.put("modules[" + modules.size() + "].code", name);
                modules.add(new Requests.ModuleCount(name.substring("counted.".length()), counted));
            }
        });
        try {
            if (!unreadable.isEmpty()) {
                throw ApiException.validation(unreadable);
            }
            CustodyViews.FormalCount count = roll.count(facility, new Requests.Count(modules, null));
            redirect.addFlashAttribute("message", messages.getMessage("custody.count.saved",
                    new Object[] {messages.getMessage("custody.count.status." + count.status(), null, locale)}, locale));
        } catch (ApiException e) {
            // refused: the form again with the counts typed and, next to each, what to change
            redirect.addFlashAttribute("countForm", ConsoleForm.refused("count", form, e, paths, null));
        }
        redirect.addAttribute("facility", facility);
        return "redirect:/roll-count";
    }

    @PostMapping("/roll-count/counts/{id}/resolution")
    @Allowed(Permission.ROLL_COUNT_RECORD)
    String resolve(@PathVariable UUID id, @RequestParam String facility, @RequestParam(required = false) String reason,
                   RedirectAttributes redirect, Locale locale) {
        try {
            roll.resolve(facility, id, new Requests.Resolution(reason));
            redirect.addFlashAttribute("message", messages.getMessage("custody.count.resolved", null, locale));
        } catch (ApiException e) {
            Map<String, String> typed = new java.util.LinkedHashMap<>();
            typed.put("reason", reason == null ? "" : reason);
            redirect.addFlashAttribute("resolutionForm", ConsoleForm.refused("resolve-" + id, typed, e, Map.of(),
                    "reason"));
        }
        redirect.addAttribute("facility", facility);
        return "redirect:/roll-count";
    }

    @GetMapping("/oversight/alerts")
    @Allowed(Permission.OVERSIGHT_ALERTS_READ)
    String alerts(Model model) {
        List<CustodyViews.Alert> alerts = prisoners.alerts();
        // each alert in its facility's time
        Map<String, ZoneId> zones = new java.util.HashMap<>();
        alerts.forEach(a -> zones.computeIfAbsent(a.facilityCode(), time::zoneOf));
        Locale locale = LocaleContextHolder.getLocale();
        Map<UUID, String> details = new java.util.HashMap<>();
        alerts.forEach(a -> details.put(a.id(), AlertDetails.render(a.kind(), a.details(), messages, locale)));
        model.addAttribute("alerts", alerts);
        model.addAttribute("details", details);
        model.addAttribute("zones", zones);
        return "custody/alerts";
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
