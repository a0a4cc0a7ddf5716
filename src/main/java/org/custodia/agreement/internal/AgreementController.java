package org.custodia.agreement.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.custodia.agreement.Agreement;
import org.custodia.agreement.Party;
import org.custodia.identity.Users;
import org.springframework.http.ResponseEntity;
import org.custodia.identity.Allowed;
import org.custodia.identity.Permission;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Agreements", description = "Agreements, their eligibility policy, quota and fee schedule")
class AgreementController {

    private final AgreementService service;
    private final Users users;

    AgreementController(AgreementService service, Users users) {
        this.service = service;
        this.users = users;
    }

    @GetMapping("/agreements")
    @Operation(summary = "The agreements the caller may see")
    List<Agreement> list() {
        return service.visibleTo(users.requireCurrent());
    }

    @GetMapping("/agreements/{code}")
    @Operation(summary = "One agreement with its parties, quota, eligibility policy and fee schedule")
    Agreement get(@PathVariable String code) {
        return service.visible(users.requireCurrent(), code);
    }

    @PostMapping("/agreements")
    @Allowed(Permission.AGREEMENT_MANAGE)
    @Operation(summary = "Create an agreement (ADMIN)")
    ResponseEntity<Agreement> create(@RequestBody AgreementRequest request) {
        Agreement created = service.create(request);
        return ResponseEntity.created(URI.create("/api/v1/agreements/" + created.code())).body(created);
    }

    @PutMapping("/agreements/{code}")
    @Allowed(Permission.AGREEMENT_MANAGE)
    @Operation(summary = "Amend an agreement (ADMIN); the version goes up by one")
    Agreement amend(@PathVariable String code, @RequestBody AgreementRequest request) {
        return service.amend(code, request);
    }

    @GetMapping("/parties")
    @Operation(summary = "The states and agencies known to the system")
    List<Party> parties() {
        return service.parties();
    }

    @PostMapping("/parties")
    @Allowed(Permission.AGREEMENT_MANAGE)
    @Operation(summary = "Register a party (ADMIN)")
    ResponseEntity<Party> createParty(@RequestBody Party party) {
        // Validated first: the code goes into the Location header only once it is known to be well formed.
        Party created = service.createParty(party);
        return ResponseEntity.created(URI.create("/api/v1/parties/" + created.code())).body(created);
    }
}
