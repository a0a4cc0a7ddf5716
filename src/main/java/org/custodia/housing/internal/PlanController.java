package org.custodia.housing.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.UUID;
import org.custodia.common.Idempotency;
import org.custodia.identity.Allowed;
import org.custodia.identity.Permission;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/housing")
@Tag(name = "Housing plans", description = "Batch placement under the separation rules, and recommendations for one person")
class PlanController {

    private final Plans plans;
    private final Idempotency idempotency;

    PlanController(Plans plans, Idempotency idempotency) {
        this.plans = plans;
        this.idempotency = idempotency;
    }

    @PostMapping("/plans")
    @Allowed(Permission.HOUSING_PLAN)
    @Operation(summary = "Plan the placement of a set of prisoners (e.g. everyone admitted from one manifest); the housed stay pinned")
    ResponseEntity<HousingApi.Plan> plan(@Valid @RequestBody HousingApi.PlanRequest body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(plans.plan(body));
    }

    @GetMapping("/plans/{id}")
    @Allowed(Permission.FACILITY_READ)
    @Operation(summary = "A plan: placements with their score explained per rule, the unplaced and why")
    HousingApi.Plan get(@PathVariable UUID id) {
        return plans.get(id);
    }

    @PostMapping("/plans/{id}/apply")
    @Allowed(Permission.HOUSING_PLAN)
    @Operation(summary = "Apply a plan atomically; 409 PLAN_STALE when the facility changed since planning")
    ResponseEntity<Object> apply(@PathVariable UUID id,
                                 @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        return idempotency.execute("housing-plan-apply:" + id, key, id.toString(),
                () -> ResponseEntity.ok(plans.apply(id)));
    }

    @GetMapping("/recommendations")
    @Allowed(Permission.HOUSING_PLAN)
    @Operation(summary = "The best cells for one person, ranked, each with its score explanation")
    HousingApi.Recommendation recommend(@RequestParam String prisoner, @RequestParam(defaultValue = "10") int limit) {
        return plans.recommend(prisoner.trim(), Math.max(1, Math.min(limit, 50)));
    }
}
