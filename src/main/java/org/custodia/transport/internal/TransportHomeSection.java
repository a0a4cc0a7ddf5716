package org.custodia.transport.internal;

import java.util.List;
import org.custodia.identity.CurrentUser;
import org.custodia.identity.Role;
import org.custodia.web.HomeSection;
import org.custodia.web.WorkItem;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reception's work queue on the home page: the manifests arriving (dispatched or landed, not closed) and planned. */
@Component
class TransportHomeSection implements HomeSection {

    private final JdbcClient jdbc;

    TransportHomeSection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<WorkItem> work(CurrentUser user) {
        if (user.role() != Role.RECEPTION_OFFICER) {
            return List.of();
        }
        long arriving = count("status IN ('DEPARTED', 'ARRIVED')");
        long planned = count("status = 'PLANNED'");
        return List.of(WorkItem.urgent(10, "manifests-arriving", "work.manifestsArriving", arriving, "/reception"),
                WorkItem.of(11, "manifests-planned", "work.manifestsPlanned", planned, "/reception"));
    }

    private long count(String condition) {
        return jdbc.sql("SELECT count(*) FROM manifest WHERE " + condition).query(Long.class).single();
    }
}
