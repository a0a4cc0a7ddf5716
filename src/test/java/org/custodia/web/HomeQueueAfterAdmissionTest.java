package org.custodia.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.custodia.custody.CustodyTestSupport;
import org.junit.jupiter.api.Test;

/**
 * The work queues follow custody: one person admitted without a cell is one more to house for classification, one
 * more on custody's and oversight's roll, one more of the sending state's prisoners and of the consulate's nationals.
 */
class HomeQueueAfterAdmissionTest extends CustodyTestSupport {

    private long count(String user, String item) {
        String html = as(user).get("/?lang=es", Map.of("Accept", "text/html")).text();
        String text = HomePages.workItem(html, item);
        assertThat(text).as(user + " " + item).isNotNull();
        return HomePages.count(text);
    }

    @Test
    void anAdmissionWithoutACellShowsInEveryQueueItConcerns() {
        long toHouse = count("classification", "to-house");
        long roll = count("custody", "population");
        long oversightRoll = count("oversight", "population");
        long agency = count("us-agency", "prisoners");
        long nationals = count("ve-consul", "nationals");

        admit(command("CECOT", "Pedro", "Queue " + unique(), List.of("VE"), null));

        assertThat(count("classification", "to-house")).isEqualTo(toHouse + 1);
        assertThat(count("custody", "population")).isEqualTo(roll + 1);
        assertThat(count("oversight", "population")).isEqualTo(oversightRoll + 1);
        assertThat(count("us-agency", "prisoners")).isEqualTo(agency + 1);
        assertThat(count("ve-consul", "nationals")).isEqualTo(nationals + 1);
        String es = HomePages.text(as("classification").get("/?lang=es", Map.of("Accept", "text/html")).text());
        assertThat(es).containsPattern("\\d+ persona(s)? ingresada(s)? sin celda, por alojar");
    }
}
