package org.custodia.web.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import org.custodia.facility.Facilities;
import org.custodia.facility.Facility;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.custodia.agreement.Agreement;
import org.custodia.agreement.Agreements;
import org.custodia.identity.CurrentUser;
import org.custodia.identity.Permission;
import org.custodia.identity.Users;
import org.custodia.ledger.Ledger;
import org.custodia.ledger.LogState;
import org.custodia.web.ConsolePage;
import org.custodia.web.HomeChart;
import org.custodia.web.HomeSection;
import org.custodia.web.WorkItem;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;

@Controller
@ConsolePage
class ConsoleController {

    private final Users users;
    private final Agreements agreements;
    private final Ledger ledger;
    private final LocaleResolver localeResolver;
    private final List<HomeSection> sections;
    private final LogState log;
    private final AgreementCards cards;
    private final Facilities facilities;

    ConsoleController(Users users, Agreements agreements, Ledger ledger, LocaleResolver localeResolver,
                      List<HomeSection> sections, LogState log, AgreementCards cards, Facilities facilities) {
        this.facilities = facilities;
        this.users = users;
        this.agreements = agreements;
        this.ledger = ledger;
        this.localeResolver = localeResolver;
        this.sections = sections;
        this.log = log;
        this.cards = cards;
    }

    @GetMapping("/login")
    String login(HttpServletRequest request, HttpServletResponse response, @RequestParam(required = false) String lang) {
        if ("es".equals(lang) || "en".equals(lang)) {
            localeResolver.setLocale(request, response, Locale.forLanguageTag(lang));
        }
        return "login";
    }

    /**
     * The home page: the user's work queue ("Your work"), the pictures their role may read with the figures beside
     * each, the log's latest checkpoint, and the agreements they see.
     */
    @GetMapping("/")
    String home(Model model, Locale locale) {
        CurrentUser user = users.requireCurrent();
        List<Agreement> visible = agreements.visibleTo(user);
        model.addAttribute("agreements", visible);
        model.addAttribute("cards", cards.cards(visible, locale));
        List<WorkItem> work = new ArrayList<>(ownWork(user));
        List<HomeChart> charts = new ArrayList<>();
        for (HomeSection section : sections) {
            work.addAll(section.work(user));
            charts.addAll(section.charts(user, locale));
        }
        work.sort(Comparator.comparingInt(WorkItem::order));
        charts.sort(Comparator.comparingInt(HomeChart::order));
        model.addAttribute("work", work);
        model.addAttribute("charts", charts);
        if (user.can(Permission.LEDGER_PROOF_READ)) {
            model.addAttribute("logEntries", log.entries());
            LogState.Checkpoint checkpoint = log.latestCheckpoint().orElse(null);
            model.addAttribute("checkpoint", checkpoint);
            if (checkpoint != null) {
                // in the facility's time, with its zone named (one time zone per facility on every page)
                ZoneId zone = visible.stream().map(Agreement::facilityCode).filter(java.util.Objects::nonNull)
                        .findFirst().flatMap(facilities::find).map(Facility::zone).orElse(ZoneOffset.UTC);
                DateTimeFormatter format = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                        .withLocale(locale).withZone(zone);
                model.addAttribute("logCheckpointAt", format.format(checkpoint.signedAt()) + " (" + zone.getId() + ")");
                model.addAttribute("logCosignedAt", checkpoint.cosigners().stream()
                        .map(c -> format.format(c.signedAt())).toList());
            }
        }
        return "home";
    }

    /** The web module's own items: the log's state for oversight, the administration pages for the administrator. */
    private List<WorkItem> ownWork(CurrentUser user) {
        return switch (user.role()) {
            case OVERSIGHT -> List.of(WorkItem.of(1, "log", "work.logEntries", log.entries(), "/ledger"));
            case ADMIN -> List.of(WorkItem.link(10, "admin-users", "work.adminUsers", "/admin/users"),
                    WorkItem.link(11, "admin-facilities", "work.adminFacilities", "/admin/facilities"),
                    WorkItem.of(12, "admin-agreements", "work.adminAgreements", agreements.all().size(),
                            "/admin/agreements"));
            default -> List.of();
        };
    }

    @GetMapping("/ledger")
    String ledger(Model model) {
        model.addAttribute("verification", ledger.verify());
        return "ledger";
    }

    /** The language switch: stored with the user, so that it is remembered at the next sign-in. */
    @PostMapping("/preferences/locale")
    String changeLocale(@RequestParam String locale, @RequestParam(defaultValue = "/") String returnTo,
                        Principal principal, HttpServletRequest request, HttpServletResponse response) {
        users.changeLocale(principal.getName(), locale);
        localeResolver.setLocale(request, response, Locale.forLanguageTag(locale));
        return "redirect:" + (returnTo.startsWith("/") && !returnTo.startsWith("//") ? returnTo : "/");
    }
}
