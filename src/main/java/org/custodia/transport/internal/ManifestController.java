package org.custodia.transport.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.custodia.common.Idempotency;
import org.custodia.identity.Users;
import org.custodia.transport.ManifestStatus;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.custodia.identity.Allowed;
import org.custodia.identity.Permission;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/manifests")
@Tag(name = "Transport", description = "Manifests of accepted referrals, departure, arrival handover, closure")
class ManifestController {

    private final ManifestService service;
    private final Idempotency idempotency;
    private final Users users;

    ManifestController(ManifestService service, Idempotency idempotency, Users users) {
        this.service = service;
        this.idempotency = idempotency;
        this.users = users;
    }

    @PostMapping
    @Allowed(Permission.MANIFEST_PLAN)
    @Operation(summary = "Plan a transport of accepted referrals (Idempotency-Key makes a retry harmless)")
    @ApiResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = ManifestView.class)))
    ResponseEntity<Object> create(@RequestBody ManifestRequests.NewManifest request,
                                  @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        return idempotency.execute("manifest.create", key, request, () -> {
            ManifestView created = service.create(request, users.requireCurrent());
            return ResponseEntity.created(URI.create("/api/v1/manifests/" + created.id())).body(created);
        });
    }

    @GetMapping
    @Operation(summary = "Manifests, newest first, optionally by status")
    List<ManifestView> list(@RequestParam(required = false) ManifestStatus status) {
        return service.list(status, users.requireCurrent());
    }

    @GetMapping("/{id}")
    @Operation(summary = "A manifest with everyone on it and what became of them")
    ManifestView get(@PathVariable UUID id) {
        return service.get(id, users.requireCurrent());
    }

    @PostMapping("/{id}/departure")
    @Allowed(Permission.MANIFEST_DISPATCH)
    @Operation(summary = "Record the departure: every referral on it goes IN_TRANSIT")
    ManifestView depart(@PathVariable UUID id, @RequestBody ManifestRequests.Departure request) {
        return service.depart(id, request, users.requireCurrent());
    }

    @PostMapping("/{id}/arrivals")
    @Allowed(Permission.MANIFEST_RECEIVE)
    @Operation(summary = "Hand over one person: identity, condition, injuries, property, family, consular rights. "
            + "201 with the prisonerNumber, or with outcome HANDOVER_REFUSED when identity is not verified")
    @ApiResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = ManifestView.Handover.class)))
    ResponseEntity<Object> arrive(@PathVariable UUID id, @RequestBody ManifestRequests.Arrival request,
                                  @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        return idempotency.execute("manifest.arrival:" + id, key, request,
                () -> ResponseEntity.status(HttpStatus.CREATED).body(service.arrive(id, request, users.requireCurrent())));
    }

    @PostMapping("/{id}/discrepancies")
    @Allowed(Permission.MANIFEST_RECEIVE)
    @Operation(summary = "Account for someone who will not be handed over (not boarded, died, escaped, evacuated)")
    ManifestView discrepancy(@PathVariable UUID id, @RequestBody ManifestRequests.Discrepancy request) {
        return service.recordDiscrepancy(id, request, users.requireCurrent());
    }

    @PostMapping("/{id}/removals")
    @Allowed(Permission.MANIFEST_DISPATCH)
    @Operation(summary = "Take someone off a planned manifest")
    ManifestView remove(@PathVariable UUID id, @RequestBody ManifestRequests.Removal request) {
        return service.remove(id, request, users.requireCurrent());
    }

    @PostMapping("/{id}/cancellation")
    @Allowed(Permission.MANIFEST_DISPATCH)
    @Operation(summary = "Cancel a planned manifest")
    ManifestView cancel(@PathVariable UUID id, @RequestBody ManifestRequests.Cancellation request) {
        return service.cancel(id, request, users.requireCurrent());
    }

    @PostMapping("/{id}/closure")
    @Allowed(Permission.MANIFEST_RECEIVE)
    @Operation(summary = "Close the manifest once everyone on it is admitted or accounted for")
    ManifestView close(@PathVariable UUID id) {
        return service.close(id, users.requireCurrent());
    }
}
