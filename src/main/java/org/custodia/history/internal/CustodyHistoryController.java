package org.custodia.history.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.custodia.common.Idempotency;
import org.custodia.identity.Allowed;
import org.custodia.identity.Permission;
import org.custodia.referral.Finding;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Custody history", description = "People held since before go-live")
class CustodyHistoryController {

    private final CustodyHistoryRecorder service;
    private final Idempotency idempotency;

    CustodyHistoryController(CustodyHistoryRecorder service, Idempotency idempotency) {
        this.service = service;
        this.idempotency = idempotency;
    }

    /**
     * A person held since before go-live.
     *
     * @param dossier the referral, in the shape a sending agency submits it
     * @param admittedAt when the person was admitted (never in the future)
     * @param cell optional: the cell the person is held in
     * @param release optional: the release, when the person has left already
     * @param source where the record comes from (a register, a file, a replay)
     * @param emergencyContact optional (Rule 7(g)); without one no family notification is created
     */
    @Schema(description = "A person held since before go-live")
    record CustodyHistoryRequest(@Schema(description = "A referral in the contract's shape") JsonNode dossier,
                                 @Schema(example = "2025-03-15T23:40:00Z") Instant admittedAt,
                                 @Schema(example = "M1-C01") String cell, Release release,
                                 @Schema(example = "CECOT admission register, book 12") String source,
                                 Contact emergencyContact) {
    }

    /** @param type RETURN_TO_SENDING_STATE, TRANSFER_TO_THIRD_STATE, SENTENCE_COMPLETED or DEATH */
    @Schema(name = "CustodyHistoryRelease")
    record Release(String type, Instant effectiveAt, String receivedBy, String destinationState, String reason,
                   String circumstances, String cause, String remainsDisposition) {
    }

    @Schema(name = "CustodyHistoryContact")
    record Contact(String name, String phone, String relationship) {
    }

    /**
     * @param eligible whether the findings, as of the admission date, met the agreement
     * @param alertRaised an oversight alert "held without meeting the agreement" was raised
     */
    @Schema(description = "The prisoner recorded as MIGRATED")
    record CustodyHistoryResponse(String prisonerNumber, String referralId, String origin, String status,
                                  boolean eligible, boolean alertRaised, List<Finding> findings) {
    }

    @PostMapping("/custody-history")
    @Allowed(Permission.CUSTODY_HISTORY_RECORD)
    @Operation(summary = "Record a person held since before go-live (ADMIN, RECEPTION_OFFICER); 201 with the prisonerNumber")
    ResponseEntity<Object> record(@RequestBody CustodyHistoryRequest body,
                                  @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        return idempotency.execute("custody-history", key, body, () -> {
            CustodyHistoryResponse answer = service.record(body);
            return ResponseEntity.created(URI.create("/api/v1/prisoners/" + answer.prisonerNumber())).body(answer);
        });
    }
}
