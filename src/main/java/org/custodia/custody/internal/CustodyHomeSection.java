package org.custodia.custody.internal;

import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.custodia.identity.CurrentUser;
import org.custodia.identity.Role;
import org.custodia.web.HomeChart;
import org.custodia.web.HomeSection;
import org.custodia.web.WorkItem;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Custody's part of the home page: the roll and the releases due (custody), the people admitted without a cell
 * (classification), complaints of ill-treatment and people held without meeting the agreement (oversight), one's
 * own prisoners (sending agency) or nationals (consulate); and the releases due in the next 90 days, by month.
 */
@Component
class CustodyHomeSection implements HomeSection {

    static final int RELEASE_WINDOW_DAYS = 90;

    private final PrisonerService prisoners;
    private final JdbcClient jdbc;

    CustodyHomeSection(PrisonerService prisoners, JdbcClient jdbc) {
        this.prisoners = prisoners;
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public List<WorkItem> work(CurrentUser user) {
        List<WorkItem> items = new ArrayList<>();
        switch (user.role()) {
            case CUSTODY_OFFICER -> {
                items.add(WorkItem.of(10, "population", "work.population", onRoll(user), "/roll-count"));
                items.add(WorkItem.urgent(11, "releases-due", "work.releasesDue", releasesDue(), "/prisoners?days=90"));
            }
            case CLASSIFICATION_OFFICER -> items.add(WorkItem.urgent(10, "to-house", "work.toHouse",
                    count("p.status <> 'RELEASED' AND p.cell_code IS NULL", List.of()), "/housing/plans"));
            case OVERSIGHT -> {
                items.add(WorkItem.urgent(20, "complaints", "work.complaints",
                        alerts("kind LIKE 'ILL_TREATMENT%'"), "/oversight/alerts"));
                items.add(WorkItem.urgent(21, "held-without-agreement", "work.heldWithoutAgreement",
                        alerts("kind = '" + CustodyHistoryService.ALERT_KIND + "'"), "/oversight/alerts"));
                items.add(WorkItem.of(22, "population", "work.population", onRoll(user), "/roll-count"));
            }
            case SENDING_AGENCY -> items.add(WorkItem.of(20, "prisoners", "work.yourPrisoners", onRoll(user), "/prisoners"));
            case CONSULAR -> items.add(WorkItem.of(10, "nationals", "work.yourNationals", onRoll(user), "/prisoners"));
            default -> {
            }
        }
        return items;
    }

    @Override
    @Transactional(readOnly = true)
    public List<HomeChart> charts(CurrentUser user, Locale locale) {
        if (user.role() == Role.CONSULAR) {
            return List.of();
        }
        CustodyViews.UpcomingReleases upcoming = prisoners.upcomingReleases(RELEASE_WINDOW_DAYS);
        List<HomeChart.Row> rows = new ArrayList<>();
        long overdue = upcoming.items().stream().filter(CustodyViews.UpcomingRelease::overdue).count();
        if (overdue > 0) {
            rows.add(new HomeChart.Row("dash.overdue", null, List.of(java.math.BigDecimal.valueOf(overdue)), true));
        }
        DateTimeFormatter month = DateTimeFormatter.ofPattern("LLLL yyyy", locale);
        YearMonth first = YearMonth.from(upcoming.from());
        YearMonth last = YearMonth.from(upcoming.until());
        for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
            YearMonth ym = m;
            long n = upcoming.items().stream()
                    .filter(i -> !i.overdue() && YearMonth.from(i.releaseDate()).equals(ym)).count();
            rows.add(HomeChart.Row.text(capitalized(ym.atDay(1).format(month), locale), n));
        }
        return List.of(new HomeChart(30, "releases", "bars", "dash.releases90", null, "dash.releasesNote",
                upcoming.items().size(), "dash.month",
                List.of(HomeChart.Column.count("dash.releasesCount")), rows, false));
    }

    private static String capitalized(String text, Locale locale) {
        return text.isEmpty() ? text : text.substring(0, 1).toUpperCase(locale) + text.substring(1);
    }

    private long releasesDue() {
        return prisoners.upcomingReleases(RELEASE_WINDOW_DAYS).items().size();
    }

    private long onRoll(CurrentUser user) {
        List<Object> params = new ArrayList<>();
        String scope = PrisonerScope.sql(user, params);
        return count("p.status <> 'RELEASED' AND " + scope, params);
    }

    private long count(String condition, List<Object> params) {
        return jdbc.sql("SELECT count(*) FROM prisoner p WHERE " + condition).params(params).query(Long.class).single();
    }

    private long alerts(String condition) {
        return jdbc.sql("SELECT count(*) FROM oversight_alert WHERE " + condition).query(Long.class).single();
    }

}
