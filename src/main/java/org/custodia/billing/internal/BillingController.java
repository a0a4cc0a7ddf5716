package org.custodia.billing.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.custodia.agreement.Agreements;
import org.custodia.billing.internal.BillingViews.*;
import org.custodia.common.Idempotency;
import org.custodia.identity.Allowed;
import org.custodia.identity.CurrentUser;
import org.custodia.identity.Permission;
import org.custodia.identity.Users;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
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
@RequestMapping("/api/v1")
@Tag(name = "Billing", description = "Monthly invoices per prisoner-day, reconciliation, disputes, payments, statements")
class BillingController {

    static final MediaType PDF = MediaType.APPLICATION_PDF;
    static final MediaType CSV = MediaType.parseMediaType("text/csv");

    private final BillingService service;
    private final InvoiceFormats formats;
    private final Users users;
    private final Idempotency idempotency;
    private final Agreements agreements;
    private final RosterLimits limits;

    BillingController(BillingService service, InvoiceFormats formats, Users users, Idempotency idempotency,
                      Agreements agreements, RosterLimits limits) {
        this.service = service;
        this.formats = formats;
        this.users = users;
        this.idempotency = idempotency;
        this.agreements = agreements;
        this.limits = limits;
    }

    @PostMapping("/billing/runs")
    @Allowed(Permission.BILLING_RUN)
    @Operation(summary = "Bill a month that has ended (FINANCE): 201 with the new invoice, 200 with the same one when run "
            + "again; with Prefer: return=minimal the invoice without its lines (InvoiceRunSummary), to page them at "
            + "/api/v1/invoices/{number}/lines")
    @ApiResponse(responseCode = "201", description = "The invoice issued by this run", content = @Content(
            mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(oneOf = {InvoiceView.class, RunSummary.class})))
    @ApiResponse(responseCode = "200", description = "The invoice an earlier run issued for the month", content = @Content(
            mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(oneOf = {InvoiceView.class, RunSummary.class})))
    ResponseEntity<Object> run(@RequestBody RunRequest body,
                               @Parameter(description = "return=minimal: answer without the lines")
                               @RequestHeader(name = "Prefer", required = false) String prefer) {
        BillingService.RunOutcome outcome = service.run(body, users.requireCurrent());
        boolean minimal = prefer != null && prefer.replace(" ", "").toLowerCase(java.util.Locale.ROOT)
                .contains("return=minimal");
        ResponseEntity.BodyBuilder answer = outcome.created()
                ? ResponseEntity.created(URI.create("/api/v1/invoices/" + outcome.invoice().number()))
                : ResponseEntity.ok();
        return minimal
                ? answer.header("Preference-Applied", "return=minimal").body(service.summary(outcome))
                : answer.body(service.view(outcome));
    }

    @GetMapping("/billing/preview")
    @Allowed(Permission.BILLING_RUN)
    @Operation(summary = "A statement to date of a month, never issued (status PREVIEW)")
    InvoiceView preview(@RequestParam String agreementCode, @RequestParam String period) {
        return service.preview(agreementCode, period, users.requireCurrent());
    }

    @GetMapping("/invoices")
    @Allowed(Permission.INVOICE_READ)
    @Operation(summary = "Invoices, newest month first; a sending agency sees its own agreements' only")
    List<InvoiceSummary> list(@RequestParam(required = false) String agreementCode) {
        return service.list(agreementCode, users.requireCurrent());
    }

    @GetMapping(value = "/invoices/{number}", produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PDF_VALUE,
            "text/csv"})
    @Allowed(Permission.INVOICE_READ)
    @Operation(summary = "An invoice as JSON, as a bilingual PDF (Accept: application/pdf) or as CSV (Accept: text/csv); "
            + "?format=pdf|csv for links")
    ResponseEntity<?> get(@PathVariable String number, @RequestParam(required = false) String format,
                          @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
        CurrentUser user = users.requireCurrent();
        InvoiceView invoice = service.get(number, user);
        String wanted = format != null ? format : accept == null ? "json"
                : accept.contains("application/pdf") ? "pdf" : accept.contains("text/csv") ? "csv" : "json";
        return switch (wanted) {
            case "pdf" -> {
                var agreement = agreements.find(invoice.agreementCode()).orElseThrow();
                yield ResponseEntity.ok().contentType(PDF)
                        .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + number + ".pdf\"")
                        .body(formats.pdf(invoice, agreement.sendingParty().name(), agreement.receivingParty().name()));
            }
            case "csv" -> ResponseEntity.ok().contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + number + ".csv\"")
                    .body(formats.csv(invoice));
            default -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(invoice);
        };
    }

    @GetMapping("/invoices/{number}/lines")
    @Allowed(Permission.INVOICE_READ)
    @Operation(summary = "A page of an invoice's lines in line order (?page from 0, ?size 1-1000, default 500)")
    LinePage lines(@PathVariable String number, @RequestParam(defaultValue = "0") int page,
                   @RequestParam(defaultValue = "500") int size) {
        return service.lines(number, page, size, users.requireCurrent());
    }

    @PostMapping(value = "/invoices/{number}/reconciliation", consumes = "text/csv")
    @Allowed(Permission.RECONCILIATION_SUBMIT)
    @Operation(summary = "Reconcile with the sending agency's roster as CSV (header externalReference,days)")
    ResponseEntity<ReconciliationView> reconcileCsv(@PathVariable String number, @RequestBody String csv) {
        Roster roster = new Roster(formats.roster(csv));
        limits.checkRows(roster.lines().size());
        return ResponseEntity.status(HttpStatus.CREATED).body(service.reconcile(number, roster, users.requireCurrent()));
    }

    @PostMapping(value = "/invoices/{number}/reconciliation", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Allowed(Permission.RECONCILIATION_SUBMIT)
    @Operation(summary = "Reconcile with the sending agency's roster as JSON {lines: [{externalReference, days}]}")
    ResponseEntity<ReconciliationView> reconcileJson(@PathVariable String number, @RequestBody Roster roster) {
        limits.checkRows(roster.lines() == null ? 0 : roster.lines().size());
        return ResponseEntity.status(HttpStatus.CREATED).body(service.reconcile(number, roster, users.requireCurrent()));
    }

    @PostMapping("/invoices/{number}/lines/{line}/disputes")
    @Allowed(Permission.DISPUTE_RAISE)
    @Operation(summary = "Dispute a line of an invoice, with a reason (the sending agency)")
    ResponseEntity<Object> dispute(@PathVariable String number, @PathVariable int line, @RequestBody DisputeRequest body,
                                   @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        return idempotency.execute("invoice-dispute:" + number + ":" + line, key, body, () -> ResponseEntity
                .status(HttpStatus.CREATED).body(service.dispute(number, line, body, users.requireCurrent())));
    }

    @GetMapping("/disputes")
    @Allowed(Permission.INVOICE_READ)
    @Operation(summary = "Disputes, newest first: ?agreementCode=&status=OPEN|UPHELD|REJECTED&invoice=")
    List<DisputeView> disputes(@RequestParam(required = false) String agreementCode,
                               @RequestParam(required = false) String status,
                               @RequestParam(required = false) String invoice) {
        return service.disputes(agreementCode, status, invoice, users.requireCurrent());
    }

    @PostMapping("/disputes/{id}/resolution")
    @Allowed(Permission.DISPUTE_RESOLVE)
    @Operation(summary = "Resolve a dispute (FINANCE): UPHELD credits the next invoice, REJECTED keeps the line")
    ResponseEntity<Object> resolve(@PathVariable UUID id, @RequestBody ResolutionRequest body,
                                   @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        return idempotency.execute("dispute-resolution:" + id, key, body,
                () -> ResponseEntity.ok(service.resolve(id, body, users.requireCurrent())));
    }

    @PostMapping("/invoices/{number}/payments")
    @Allowed(Permission.PAYMENT_RECORD)
    @Operation(summary = "Record a payment (partial payments allowed; never more than the balance)")
    ResponseEntity<Object> pay(@PathVariable String number, @RequestBody PaymentRequest body,
                               @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        return idempotency.execute("invoice-payment:" + number, key, body, () -> ResponseEntity
                .status(HttpStatus.CREATED).body(service.pay(number, body, users.requireCurrent())));
    }

    @GetMapping("/invoices/{number}/payments")
    @Allowed(Permission.INVOICE_READ)
    @Operation(summary = "Payments of an invoice, with the balance after each")
    List<PaymentView> payments(@PathVariable String number) {
        return service.payments(number, users.requireCurrent());
    }

    @GetMapping("/agreements/{code}/statement")
    @Allowed(Permission.INVOICE_READ)
    @Operation(summary = "Statement of account: invoiced, paid, disputed, balance, ageing 0–30, 31–60, 61–90, 90+ days")
    StatementView statement(@PathVariable String code, @RequestParam(required = false) LocalDate asOf) {
        return service.statement(code, asOf, users.requireCurrent());
    }

    @GetMapping("/billing/sustainability")
    @Allowed(Permission.SUSTAINABILITY_READ)
    @Operation(summary = "Per month: fee revenue, the prison system's operating cost, the share covered, cost per prisoner-day")
    SustainabilityView sustainability(@RequestParam int year) {
        return service.sustainability(year, users.requireCurrent());
    }
}
