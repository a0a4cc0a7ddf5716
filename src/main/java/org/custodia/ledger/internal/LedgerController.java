package org.custodia.ledger.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.custodia.ledger.LedgerEntry;
import org.custodia.ledger.LedgerVerification;
import org.custodia.identity.Allowed;
import org.custodia.identity.Permission;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/ledger")
@Tag(name = "Ledger", description = "The tamper-evident audit ledger")
class LedgerController {

    private final JdbcLedger ledger;

    LedgerController(JdbcLedger ledger) {
        this.ledger = ledger;
    }

    @GetMapping("/verification")
    @Operation(summary = "Recompute the hash chain and report the first entry that does not check out")
    LedgerVerification verification() {
        return ledger.verify();
    }

    @GetMapping("/entries")
    @Allowed(Permission.LEDGER_READ)
    @Operation(summary = "Entries, newest first, optionally for one subject")
    List<LedgerEntry> entries(@RequestParam(required = false) String subjectType,
                              @RequestParam(required = false) String subjectId,
                              @RequestParam(defaultValue = "50") int limit,
                              @RequestParam(defaultValue = "9223372036854775807") long before) {
        if (subjectType != null && subjectId != null) {
            return ledger.entriesFor(subjectType, subjectId);
        }
        return ledger.latest(Math.max(1, Math.min(limit, 500)), before);
    }
}
