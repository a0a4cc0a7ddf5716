package org.custodia.history.internal;

import java.time.Instant;
import org.custodia.history.HeldPeople;
import org.custodia.history.internal.CustodyHistoryController.CustodyHistoryRequest;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/** The public face of {@link CustodyHistoryRecorder}: the same record as the API's, without its idempotency key. */
@Component
class HeldPeopleAdapter implements HeldPeople {

    private final CustodyHistoryRecorder recorder;

    HeldPeopleAdapter(CustodyHistoryRecorder recorder) {
        this.recorder = recorder;
    }

    @Override
    public Recorded record(JsonNode dossier, Instant admittedAt, String cell, Release release, String source) {
        var r = release == null ? null : new CustodyHistoryController.Release(release.type(), release.effectiveAt(),
                release.receivedBy(), release.destinationState(), release.reason(), null, null, null);
        var answer = recorder.record(new CustodyHistoryRequest(dossier, admittedAt, cell, r, source, null));
        return new Recorded(answer.prisonerNumber(), answer.referralId(), answer.status(), answer.eligible(),
                answer.alertRaised(), answer.findings());
    }
}
