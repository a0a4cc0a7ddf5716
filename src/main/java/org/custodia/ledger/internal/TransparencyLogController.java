package org.custodia.ledger.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import org.custodia.identity.Allowed;
import org.custodia.identity.Permission;
import org.custodia.identity.Users;
import org.custodia.ledger.internal.LogViews.CheckpointPage;
import org.custodia.ledger.internal.LogViews.CheckpointView;
import org.custodia.ledger.internal.LogViews.PendingView;
import org.custodia.ledger.internal.LogViews.ConsistencyProofView;
import org.custodia.ledger.internal.LogViews.CosignatureRequest;
import org.custodia.ledger.internal.LogViews.EntryView;
import org.custodia.ledger.internal.LogViews.InclusionProofView;
import org.custodia.ledger.internal.LogViews.KeyView;
import org.custodia.ledger.internal.LogViews.WitnessRequest;
import org.custodia.ledger.internal.LogViews.WitnessView;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/ledger")
@Tag(name = "Ledger transparency log", description = """
        The ledger as an RFC 9162 Merkle tree: the facility's Ed25519 key, signed checkpoints (C2SP tlog-checkpoint), \
        inclusion and consistency proofs, witnesses and their cosignatures (C2SP tlog-cosignature). Hashes are \
        base64; the leaf index of an entry is its sequence - 1. See docs/verifying.md.""")
class TransparencyLogController {

    private final TransparencyLog log;
    private final Users users;

    TransparencyLogController(TransparencyLog log, Users users) {
        this.log = log;
        this.users = users;
    }

    @GetMapping("/key")
    @Allowed(Permission.LEDGER_PROOF_READ)
    @Operation(summary = "The facility's Ed25519 key that signs checkpoints, raw and as a C2SP verifier key")
    KeyView key() {
        return log.key();
    }

    @GetMapping("/checkpoints/latest")
    @Allowed(Permission.LEDGER_PROOF_READ)
    @Operation(summary = "The latest signed checkpoint, with who cosigned it (404 CHECKPOINT_NOT_FOUND before the first)")
    CheckpointView latest() {
        return log.latest();
    }

    @GetMapping("/checkpoints/pending")
    @Allowed(Permission.LEDGER_PROOF_READ)
    @Operation(summary = "The sequencer's window: entries sealed since the latest checkpoint, and entries committed "
            + "but not sealed into the log yet, with the age of the oldest")
    PendingView pending() {
        return log.pending();
    }

    @GetMapping("/checkpoints")
    @Allowed(Permission.LEDGER_PROOF_READ)
    @Operation(summary = "Signed checkpoints, newest first, a page at a time (page from 0, size 1 to 200, default 20)")
    CheckpointPage checkpoints(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return log.checkpoints(page, size);
    }

    @GetMapping("/checkpoints/{treeSize}")
    @Allowed(Permission.LEDGER_PROOF_READ)
    @Operation(summary = "The checkpoint signed at this tree size")
    CheckpointView checkpoint(@PathVariable long treeSize) {
        return log.checkpoint(treeSize);
    }

    @PostMapping("/checkpoints")
    @Allowed(Permission.LEDGER_CHECKPOINT)
    @Operation(summary = "Sign a checkpoint of the tree now (ADMIN, OVERSIGHT)", description = """
            201 with the new checkpoint, or 200 with the latest when no entry was added since. Before signing, the \
            tree is checked to extend the previous checkpoint and every new leaf to match its entry; otherwise 409 \
            LEDGER_INCONSISTENT and nothing is signed.""")
    ResponseEntity<CheckpointView> sign() {
        long before = log.latestSize();
        CheckpointView checkpoint = log.checkpoint();
        return ResponseEntity.status(checkpoint.treeSize() == before ? HttpStatus.OK : HttpStatus.CREATED).body(checkpoint);
    }

    @PostMapping("/checkpoints/{treeSize}/cosignatures")
    @Allowed(Permission.LEDGER_COSIGN)
    @Operation(summary = "Post a cosignature of a checkpoint your witness verified (SENDING_AGENCY, OVERSIGHT)", description = """
            The line is checked with the witness's registered key over the checkpoint (422 COSIGNATURE_INVALID \
            otherwise) and stored once per witness and checkpoint; the answer is the checkpoint with its cosignatures.""")
    CheckpointView cosign(@PathVariable long treeSize, @Valid @RequestBody CosignatureRequest request) {
        return log.cosign(treeSize, request, users.requireCurrent());
    }

    @GetMapping("/witnesses")
    @Allowed(Permission.LEDGER_PROOF_READ)
    @Operation(summary = "Registered witnesses and their keys")
    List<WitnessView> witnesses() {
        return log.witnesses();
    }

    @PostMapping("/witnesses")
    @Allowed(Permission.LEDGER_COSIGN)
    @Operation(summary = "Register your Ed25519 key for cosigning (SENDING_AGENCY, OVERSIGHT); ledgered", description = """
            The same name and key again answer 200 with the registration; a name or key already registered otherwise \
            is 409 WITNESS_EXISTS.""")
    ResponseEntity<WitnessView> register(@Valid @RequestBody WitnessRequest request) {
        boolean known = log.witnesses().stream().anyMatch(w -> w.name().equals(request.name()));
        WitnessView view = log.registerWitness(request, users.requireCurrent());
        return ResponseEntity.status(known ? HttpStatus.OK : HttpStatus.CREATED).body(view);
    }

    @GetMapping("/entries/{sequence}")
    @Allowed(Permission.LEDGER_READ)
    @Operation(summary = "One entry with leafData, the exact bytes its leaf hash covers (ADMIN, OVERSIGHT)")
    EntryView entry(@PathVariable long sequence) {
        return log.entry(sequence);
    }

    @GetMapping("/entries/{sequence}/proof")
    @Allowed(Permission.LEDGER_PROOF_READ)
    @Operation(summary = "Inclusion proof of an entry in the tree of treeSize entries (default: the latest checkpoint)")
    InclusionProofView proof(@PathVariable long sequence, @RequestParam(required = false) Long treeSize) {
        return log.inclusion(sequence, treeSize);
    }

    @GetMapping("/consistency")
    @Allowed(Permission.LEDGER_PROOF_READ)
    @Operation(summary = "Consistency proof from the tree of `from` entries to the tree of `to` entries")
    ConsistencyProofView consistency(@RequestParam long from, @RequestParam long to) {
        return log.consistency(from, to);
    }
}
