package org.custodia.housing.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.custodia.common.Validation;
import org.custodia.identity.Allowed;
import org.custodia.identity.Permission;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/keep-aparts")
@Tag(name = "Keep-apart records", description = "Non-associations between two prisoners")
class KeepApartController {

    private final KeepAparts service;

    KeepApartController(KeepAparts service) {
        this.service = service;
    }

    @PostMapping
    @Allowed(Permission.KEEP_APART_MANAGE)
    @Operation(summary = "Open a keep-apart record; one open record a pair (409 KEEP_APART_EXISTS); ledgered")
    ResponseEntity<HousingApi.KeepApartView> create(@Valid @RequestBody HousingApi.KeepApartRequest body) {
        HousingApi.KeepApartView created = service.create(body);
        return ResponseEntity.created(URI.create("/api/v1/keep-aparts/" + created.id())).body(created);
    }

    @GetMapping
    @Allowed(Permission.FACILITY_READ)
    @Operation(summary = "Records between a set of people (?between=A,B,C) or involving one (?involving=A), any status")
    List<HousingApi.KeepApartView> find(@RequestParam(required = false) String between,
                                        @RequestParam(required = false) String involving) {
        if (involving != null && !involving.isBlank()) {
            return service.involving(involving.trim());
        }
        if (between != null && !between.isBlank()) {
            return service.between(Arrays.stream(between.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList());
        }
        new Validation().add("between", "REQUIRED", "Give between=A,B,... or involving=A").throwIfInvalid();
        return List.of();
    }

    @GetMapping("/{id}")
    @Allowed(Permission.FACILITY_READ)
    @Operation(summary = "One record with its history")
    HousingApi.KeepApartView get(@PathVariable UUID id) {
        return service.get(id);
    }

    @PostMapping("/{id}/closure")
    @Allowed(Permission.KEEP_APART_MANAGE)
    @Operation(summary = "Close an open record, with why; ledgered")
    HousingApi.KeepApartView close(@PathVariable UUID id, @Valid @RequestBody HousingApi.KeepApartChange body) {
        return service.close(id, body);
    }

    @PostMapping("/{id}/reopening")
    @Allowed(Permission.KEEP_APART_MANAGE)
    @Operation(summary = "Reopen a closed record, with why; ledgered")
    HousingApi.KeepApartView reopen(@PathVariable UUID id, @Valid @RequestBody HousingApi.KeepApartChange body) {
        return service.reopen(id, body);
    }
}
