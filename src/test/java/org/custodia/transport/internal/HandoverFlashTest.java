package org.custodia.transport.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The reception console flashes a handover's answer across a redirect: it is kept in the (JDBC) session. */
class HandoverFlashTest {

    @Test
    void aHandoverAnswerSurvivesSerialization() throws Exception {
        ManifestView.Handover refused = new ManifestView.Handover(UUID.randomUUID(),
                Manifest.PassengerOutcome.HANDOVER_REFUSED, null, null,
                new Manifest.Discrepancy("IDENTITY", "photo does not match"));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(refused);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertThat(in.readObject()).isEqualTo(refused);
        }
    }
}
