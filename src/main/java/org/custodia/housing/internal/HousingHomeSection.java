package org.custodia.housing.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.custodia.agreement.Agreement;
import org.custodia.agreement.AgreementStatus;
import org.custodia.agreement.Agreements;
import org.custodia.identity.CurrentUser;
import org.custodia.identity.Permission;
import org.custodia.identity.Role;
import org.custodia.web.HomeChart;
import org.custodia.web.HomeSection;
import org.custodia.web.WorkItem;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Housing's part of the home page: classification's proposed plans not yet applied, and the population of each
 * module against its capacity, with the overcrowding beyond the certified normal accommodation, for every facility
 * an active agreement the reader sees sends people to (for those who may read facility figures).
 */
@Component
class HousingHomeSection implements HomeSection {

    private final HousingService housing;
    private final Agreements agreements;
    private final JdbcClient jdbc;

    HousingHomeSection(HousingService housing, Agreements agreements, JdbcClient jdbc) {
        this.housing = housing;
        this.agreements = agreements;
        this.jdbc = jdbc;
    }

    @Override
    public List<WorkItem> work(CurrentUser user) {
        if (user.role() != Role.CLASSIFICATION_OFFICER) {
            return List.of();
        }
        long proposed = jdbc.sql("SELECT count(*) FROM housing_plan WHERE status = 'PROPOSED'").query(Long.class).single();
        return List.of(WorkItem.of(11, "plans-proposed", "work.plansProposed", proposed, "/housing/plans"));
    }

    @Override
    @Transactional(readOnly = true)
    public List<HomeChart> charts(CurrentUser user, Locale locale) {
        if (!user.can(Permission.FACILITY_READ)) {
            return List.of();
        }
        Set<String> facilities = new LinkedHashSet<>();
        for (Agreement a : agreements.visibleTo(user)) {
            if (a.status() == AgreementStatus.ACTIVE && a.facilityCode() != null) {
                facilities.add(a.facilityCode());
            }
        }
        List<HomeChart> charts = new ArrayList<>();
        int order = 10;
        for (String code : facilities) {
            HousingApi.Occupancy occupancy = housing.occupancy(code);
            List<HomeChart.Row> rows = occupancy.modules().stream()
                    .map(m -> new HomeChart.Row(null, m.code(), List.of(BigDecimal.valueOf(m.occupied()),
                            BigDecimal.valueOf(m.workingCapacity()), BigDecimal.valueOf(m.overcrowding())),
                            m.overcrowding() > 0 || m.occupied() > m.workingCapacity()))
                    .toList();
            charts.add(new HomeChart(order++, "occupancy-" + code, "capacity", "dash.occupancyOf", code,
                    occupancy.overcrowding() > 0 ? "dash.overcrowdedNote" : "dash.occupancyNote",
                    occupancy.overcrowding() > 0 ? occupancy.overcrowding() : occupancy.occupied(), "dash.module",
                    List.of(HomeChart.Column.count("dash.occupied"), HomeChart.Column.count("dash.capacity"),
                            HomeChart.Column.count("dash.overcrowding").tableOnly()), rows, false));
        }
        return charts;
    }
}
