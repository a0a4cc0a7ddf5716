package org.custodia.housing.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.custodia.common.Idempotency;
import org.custodia.identity.Allowed;
import org.custodia.identity.Permission;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Housing", description = "Cell moves under the separation rules, occupancy, the rivalry matrix, housing needs")
class HousingController {

    private final CellMoves moves;
    private final HousingService service;
    private final Idempotency idempotency;

    HousingController(CellMoves moves, HousingService service, Idempotency idempotency) {
        this.moves = moves;
        this.service = service;
        this.idempotency = idempotency;
    }

    @PostMapping("/prisoners/{number}/cell-moves")
    @Allowed(Permission.CELL_MOVE)
    @Operation(summary = "Move to a cell; a move that breaks a hard rule is 409 HOUSING_RULE_VIOLATION listing every rule broken and the people involved")
    ResponseEntity<Object> cellMove(@PathVariable String number, @RequestBody HousingApi.CellMoveRequest body,
                                    @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        return idempotency.execute("prisoner-cell-move:" + number, key, body,
                () -> ResponseEntity.status(HttpStatus.CREATED).body(moves.move(number, body)));
    }

    @GetMapping("/facilities/{code}/occupancy")
    @Allowed(Permission.FACILITY_READ)
    @Operation(summary = "Capacities and occupied beds per module and cell, affiliations, overcrowding beyond the certified normal accommodation")
    HousingApi.Occupancy occupancy(@PathVariable String code) {
        return service.occupancy(code);
    }

    @GetMapping("/facilities/{code}/rivalries")
    @Allowed(Permission.FACILITY_READ)
    @Operation(summary = "The rivalry matrix: affiliations that may not share a cell or a module")
    HousingApi.Rivalries rivalries(@PathVariable String code) {
        return service.rivalries(code);
    }

    @PutMapping("/facilities/{code}/rivalries")
    @Allowed(Permission.HOUSING_RULES_MANAGE)
    @Operation(summary = "Replace the rivalry matrix (ADMIN); ledgered")
    HousingApi.Rivalries replaceRivalries(@PathVariable String code, @Valid @RequestBody HousingApi.RivalriesRequest body) {
        return service.replaceRivalries(code, body);
    }

    @PutMapping("/prisoners/{number}/housing-needs")
    @Allowed(Permission.KEEP_APART_MANAGE)
    @Operation(summary = "What the prisoner's cell must offer: MEDICAL, ACCESSIBLE, SEGREGATION; ledgered")
    HousingApi.NeedsResponse needs(@PathVariable String number, @Valid @RequestBody HousingApi.NeedsRequest body) {
        return service.setNeeds(number, body);
    }
}
