package org.custodia.referral.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.custodia.agreement.Agreement;
import org.custodia.agreement.Agreements;
import org.custodia.identity.CurrentUser;
import org.custodia.identity.Role;
import org.custodia.referral.ReferralStatus;
import org.custodia.web.HomeChart;
import org.custodia.web.HomeSection;
import org.custodia.web.WorkItem;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The referrals' part of the home page: intake's referrals to review, the sending agency's and oversight's
 * referrals and refusals, the pipeline by status and the reasons for ineligibility rule by rule, all within the
 * reader's scope (a sending agency its own state's referrals, a consulate its nationals'). Only transfers count: a
 * referral under an agreement whose two parties are of one state (the receiving state's own prisoners, recorded to
 * hold them in the same prison) is no person sent from abroad, and would drown the figures of the transfers.
 */
@Component
class ReferralHomeSection implements HomeSection {

    private final ReferralService service;
    private final JdbcClient jdbc;
    private final Agreements agreements;

    ReferralHomeSection(ReferralService service, JdbcClient jdbc, Agreements agreements) {
        this.service = service;
        this.jdbc = jdbc;
        this.agreements = agreements;
    }

    /** The agreements under which people are sent from one state to another. */
    List<String> transferAgreements() {
        return agreements.all().stream()
                .filter(a -> a.sendingParty() == null || a.receivingParty() == null
                        || !Objects.equals(a.sendingParty().country(), a.receivingParty().country()))
                .map(Agreement::code).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public List<WorkItem> work(CurrentUser user) {
        Map<ReferralStatus, Long> counts = pipeline(user);
        long all = counts.values().stream().mapToLong(Long::longValue).sum();
        long ineligible = counts.getOrDefault(ReferralStatus.INELIGIBLE, 0L);
        List<WorkItem> items = new ArrayList<>();
        switch (user.role()) {
            case INTAKE_OFFICER -> {
                items.add(WorkItem.urgent(10, "referrals-to-review", "work.referralsToReview",
                        counts.getOrDefault(ReferralStatus.SUBMITTED, 0L), "/referrals?status=SUBMITTED"));
                items.add(WorkItem.of(11, "referrals-accepted", "work.referralsAccepted",
                        counts.getOrDefault(ReferralStatus.ACCEPTED, 0L), "/referrals?status=ACCEPTED"));
            }
            case SENDING_AGENCY -> {
                items.add(WorkItem.of(10, "referrals", "work.yourReferrals", all, "/referrals"));
                items.add(WorkItem.of(11, "referrals-ineligible", "work.referralsIneligible", ineligible,
                        "/referrals?status=INELIGIBLE"));
                items.add(WorkItem.of(12, "referrals-accepted", "work.referralsAccepted",
                        counts.getOrDefault(ReferralStatus.ACCEPTED, 0L), "/referrals?status=ACCEPTED"));
            }
            case OVERSIGHT -> {
                items.add(WorkItem.of(10, "referrals", "work.referralsAll", all, "/referrals"));
                items.add(WorkItem.of(11, "referrals-ineligible", "work.referralsIneligible", ineligible,
                        "/referrals?status=INELIGIBLE"));
            }
            default -> {
            }
        }
        return items;
    }

    @Override
    @Transactional(readOnly = true)
    public List<HomeChart> charts(CurrentUser user, Locale locale) {
        Map<ReferralStatus, Long> counts = pipeline(user);
        List<HomeChart.Row> statuses = new ArrayList<>();
        for (ReferralStatus s : ReferralStatus.values()) {
            long n = counts.getOrDefault(s, 0L);
            if (n > 0 || s != ReferralStatus.MIGRATED) {
                statuses.add(HomeChart.Row.keyed("referral.status." + s.name(), n));
            }
        }
        HomeChart pipeline = new HomeChart(5, "pipeline", "bars", "dash.pipeline", null, "dash.pipelineNote",
                counts.values().stream().mapToLong(Long::longValue).sum(),
                "dash.status", List.of(HomeChart.Column.count("dash.count")), statuses, false);
        List<HomeChart.Row> rules = ineligibleByRule(user).stream()
                .map(r -> new HomeChart.Row("rule." + r.rule(), null, List.of(BigDecimal.valueOf(r.count())), false))
                .toList();
        HomeChart refusals = new HomeChart(6, "refusals", "bars", "dash.refusals", null, "dash.refusalsNote",
                counts.getOrDefault(ReferralStatus.INELIGIBLE, 0L), "dash.rule",
                List.of(HomeChart.Column.count("dash.referralsRefused")), rules, false);
        return List.of(pipeline, refusals);
    }

    private Map<ReferralStatus, Long> pipeline(CurrentUser user) {
        Map<ReferralStatus, Long> sum = new EnumMap<>(ReferralStatus.class);
        for (String code : transferAgreements()) {
            service.pipeline(new ReferralRepository.Filter(null, code, null, null), user)
                    .forEach((status, n) -> sum.merge(status, n, Long::sum));
        }
        return sum;
    }

    record RuleCount(String rule, long count) {
    }

    /** INELIGIBLE referrals per rule they failed (a referral failing two rules counts under each). */
    List<RuleCount> ineligibleByRule(CurrentUser user) {
        List<String> transfers = transferAgreements();
        if (transfers.isEmpty()) {
            return List.of();
        }
        List<Object> params = new ArrayList<>(transfers);
        StringBuilder scope = new StringBuilder(" AND r.agreement_code IN ("
                + String.join(", ", Collections.nCopies(transfers.size(), "?")) + ")");
        if (user.role() == Role.SENDING_AGENCY) {
            scope.append(" AND r.sending_party = ?");
            params.add(user.partyCode() == null ? "" : user.partyCode());
        }
        if (user.role() == Role.CONSULAR) {
            scope.append(" AND EXISTS (SELECT 1 FROM referral_nationality sn WHERE sn.referral_id = r.id AND sn.nationality = ?)");
            params.add(user.nationality() == null ? "" : user.nationality());
        }
        return jdbc.sql("""
                        SELECT f ->> 'rule' AS rule, count(DISTINCT r.id) AS n
                        FROM referral r CROSS JOIN LATERAL jsonb_array_elements(r.eligibility::jsonb -> 'findings') f
                        WHERE r.status = 'INELIGIBLE' AND f ->> 'outcome' = 'FAIL'""" + scope + " GROUP BY 1 ORDER BY 2 DESC, 1")
                .params(params)
                .query((rs, n) -> new RuleCount(rs.getString("rule"), rs.getLong("n")))
                .list();
    }
}
