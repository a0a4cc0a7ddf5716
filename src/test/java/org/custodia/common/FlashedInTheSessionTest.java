package org.custodia.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What a console controller flashes across a redirect is kept in the session, which Spring Session JDBC writes to
 * PostgreSQL with Java serialization: a refused form, with its field problems, must survive the round trip.
 */
class FlashedInTheSessionTest {

    static Object roundTrip(Object value) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return in.readObject();
        }
    }

    @Test
    void aRefusedFormWithItsFieldProblemsSurvivesSerialization() throws Exception {
        ConsoleForm refused = ConsoleForm.refused("run", Map.of("period", "2026-13", "_csrf", "x"),
                ApiException.validation(List.of(new FieldProblem("period", "FORMAT", "yyyy-MM"))), Map.of(), "period");
        assertThat(roundTrip(refused)).isEqualTo(refused);
        assertThat(roundTrip(refused.withLocalizedMessages())).isEqualTo(refused.withLocalizedMessages());
        assertThat(roundTrip(ConsoleForm.of("empty", Map.of()))).isEqualTo(ConsoleForm.of("empty", Map.of()));
    }
}
