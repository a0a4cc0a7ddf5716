package org.custodia.facility.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.util.List;
import java.util.Set;
import org.custodia.facility.CellAttribute;
import org.custodia.facility.Facility;
import org.custodia.facility.InactiveReason;
import org.custodia.facility.Location;
import org.custodia.facility.LocationKind;
import org.custodia.facility.SecurityLevel;
import org.custodia.identity.Allowed;
import org.custodia.identity.Permission;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/facilities")
@Tag(name = "Facilities", description = "The structure of each facility: units, cells and their capacities")
class StructureController {

    private final StructureService service;

    StructureController(StructureService service) {
        this.service = service;
    }

    @Schema(description = "A facility")
    record FacilityView(String code, String name, String partyCode, String sex) {
        static FacilityView of(Facility f) {
            return new FacilityView(f.code(), f.name(), f.partyCode(), f.sex());
        }
    }

    @Schema(description = "A location: a unit sums its active cells; occupancy beyond the certified normal accommodation is overcrowding")
    record LocationView(String code, LocationKind kind, String parentCode, String moduleCode, int workingCapacity,
                        int maxCapacity, int certifiedNormalAccommodation, SecurityLevel securityLevel,
                        Set<CellAttribute> attributes, boolean active, InactiveReason inactiveReason) {
        static LocationView of(Location l) {
            return new LocationView(l.code(), LocationKind.valueOf(l.kind()), l.parentCode(), l.moduleCode(),
                    l.workingCapacity(), l.maxCapacity(), l.certifiedNormalAccommodation(), l.securityLevel(),
                    l.attributes(), l.active(), l.inactiveReason());
        }
    }

    @Schema(description = "A new location; capacities only on a CELL, which needs a parent unit")
    record NewLocation(@NotBlank @Pattern(regexp = "[A-Z0-9][A-Z0-9-]{0,31}") String code, @NotNull LocationKind kind,
                       String parentCode, @Min(0) Integer workingCapacity, @Min(0) Integer maxCapacity,
                       @Min(0) Integer certifiedNormalAccommodation, SecurityLevel securityLevel,
                       Set<CellAttribute> attributes) {
    }

    @Schema(description = "A change to a location; a field left out stays as it is. An inactive location needs a reason")
    record LocationChange(@Min(0) Integer workingCapacity, @Min(0) Integer maxCapacity,
                          @Min(0) Integer certifiedNormalAccommodation, SecurityLevel securityLevel,
                          Set<CellAttribute> attributes, Boolean active, InactiveReason inactiveReason) {
    }

    @GetMapping
    @Allowed(Permission.FACILITY_READ)
    @Operation(summary = "The facilities")
    List<FacilityView> facilities() {
        return service.facilities().stream().map(FacilityView::of).toList();
    }

    @GetMapping("/{code}/locations")
    @Allowed(Permission.FACILITY_READ)
    @Operation(summary = "Units then cells with their capacities, attributes and security levels")
    List<LocationView> locations(@PathVariable String code) {
        return service.locations(code).stream().map(LocationView::of).toList();
    }

    @PostMapping("/{code}/locations")
    @Allowed(Permission.FACILITY_MANAGE)
    @Operation(summary = "Add a unit or a cell (ADMIN); ledgered")
    ResponseEntity<LocationView> add(@PathVariable String code, @Valid @RequestBody NewLocation body) {
        LocationView created = LocationView.of(service.add(code, body));
        return ResponseEntity.created(URI.create("/api/v1/facilities/" + code + "/locations/" + created.code())).body(created);
    }

    @PutMapping("/{code}/locations/{location}")
    @Allowed(Permission.FACILITY_MANAGE)
    @Operation(summary = "Change capacities, attributes, security level or activity (ADMIN); never below occupancy (409 CAPACITY_BELOW_OCCUPANCY); ledgered")
    LocationView change(@PathVariable String code, @PathVariable String location, @Valid @RequestBody LocationChange body) {
        return LocationView.of(service.change(code, location, body));
    }
}
