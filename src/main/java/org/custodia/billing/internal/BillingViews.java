package org.custodia.billing.internal;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The request and response shapes of the billing API. Money travels as decimal strings with two decimals. */
final class BillingViews {

    private BillingViews() {
    }

    static final String ROUNDING = "Each line is rate × days rounded half-even to the cent; totals add the rounded lines";

    @Schema(description = "A billing run: one agreement, one month that has ended")
    record RunRequest(@NotBlank @Schema(example = "US-SV-2025") String agreementCode,
                      @NotBlank @Schema(example = "2025-04", description = "YYYY-MM") String period) {
    }

    /**
     * What a run answers with {@code Prefer: return=minimal}: the invoice without its lines (page them at
     * {@code /api/v1/invoices/{number}/lines}), with the count and the SHA-256 of the lines the ledger records.
     */
    @Schema(name = "InvoiceRunSummary", description = "A billing run's invoice without its lines (Prefer: return=minimal)")
    record RunSummary(@Schema(example = "INV-US-SV-2025-202504") String number, String agreementCode,
                      @Schema(example = "2025-04") String period, @Schema(allowableValues = {"ISSUED"}) String status,
                      String currency, LocalDate firstDay, LocalDate lastDay, Instant issuedAt,
                      @JsonFormat(shape = JsonFormat.Shape.STRING) @Schema(type = "string", example = "1900.00") BigDecimal total,
                      @Schema(description = "How many lines the invoice has") int lines,
                      @Schema(description = "SHA-256 of the lines as the ledger's INVOICE_ISSUED entry records it: one row per "
                              + "line in line order, the columns kind to releaseEvent quoted and comma separated")
                      String linesSha256,
                      String rounding) {
    }

    /** One page of an invoice's lines, in line order. */
    @Schema(name = "InvoiceLinePage")
    record LinePage(String number, @Schema(description = "From 0") int page, int size,
                    @Schema(description = "All the lines of the invoice") int totalLines, List<LineView> lines) {
    }

    @Schema(name = "Invoice", description = "An invoice (status ISSUED) or a statement to date (status PREVIEW, no number)")
    record InvoiceView(String number, String agreementCode, String period,
                       @Schema(allowableValues = {"ISSUED", "PREVIEW"}) String status, String currency,
                       LocalDate firstDay, LocalDate lastDay, Instant issuedAt, List<LineView> lines,
                       @JsonFormat(shape = JsonFormat.Shape.STRING) @Schema(type = "string", example = "1900.00") BigDecimal total,
                       String rounding) {
    }

    /**
     * @param corrects for an ADJUSTMENT: the invoice and line it corrects
     * @param sources the custody events the line was counted from (the file's admission and release entries)
     */
    @Schema(name = "InvoiceLine")
    record LineView(int line, @Schema(allowableValues = {"CUSTODY_DAYS", "INTAKE_FEE", "ADJUSTMENT"}) String kind,
                    String prisonerNumber, String externalReference, String securityLevel, LocalDate firstDay,
                    LocalDate lastDay, Integer days,
                    @JsonFormat(shape = JsonFormat.Shape.STRING) @Schema(type = "string", example = "55.00") BigDecimal rate,
                    @JsonFormat(shape = JsonFormat.Shape.STRING) @Schema(type = "string", example = "1650.00") BigDecimal amount,
                    Corrects corrects, String reason, Sources sources) {
    }

    /** @param source RECOMPUTATION (the record or the rates changed since) or DISPUTE (an upheld dispute) */
    @Schema(name = "InvoiceLineCorrects")
    record Corrects(String invoice, Integer line, String kind, String source) {
    }

    @Schema(name = "InvoiceLineSources")
    record Sources(UUID admissionEvent, UUID releaseEvent) {
    }

    @Schema(description = "One invoice in a list")
    record InvoiceSummary(String number, String agreementCode, String period, String status, String currency,
                          @JsonFormat(shape = JsonFormat.Shape.STRING) @Schema(type = "string") BigDecimal total,
                          @JsonFormat(shape = JsonFormat.Shape.STRING) @Schema(type = "string") BigDecimal paid,
                          @JsonFormat(shape = JsonFormat.Shape.STRING) @Schema(type = "string") BigDecimal outstanding,
                          LocalDate issuedOn, int lines) {
    }

    // --- reconciliation

    /** The sending agency's count for one person. */
    @Schema(name = "RosterLine")
    record RosterLine(@NotBlank String externalReference, @NotNull Integer days) {
    }

    @Schema(name = "Roster")
    record Roster(@NotNull List<RosterLine> lines) {
    }

    @Schema(description = "The invoice against the sending agency's roster, line by line")
    record ReconciliationView(UUID id, String invoiceNumber, Instant submittedAt, String submittedBy, Counts counts,
                              List<ReconciliationLine> lines) {
    }

    @Schema(name = "ReconciliationCounts")
    record Counts(int matched, int daysDiffer, int rosterOnly, int invoiceOnly) {
    }

    /**
     * @param outcome MATCHED, DAYS_DIFFER, ROSTER_ONLY (on their roster only) or INVOICE_ONLY (on the invoice only)
     * @param invoiceLines the invoice's CUSTODY_DAYS lines for the person
     */
    record ReconciliationLine(@Schema(allowableValues = {"MATCHED", "DAYS_DIFFER", "ROSTER_ONLY", "INVOICE_ONLY"}) String outcome,
                              String externalReference, String prisonerNumber, Integer invoiceDays, Integer rosterDays,
                              Integer difference, List<Integer> invoiceLines, List<Sources> sources) {
    }

    // --- disputes

    record DisputeRequest(@NotBlank @Schema(example = "Released on the 9th, not the 10th") String reason) {
    }

    /**
     * @param outcome UPHELD (an adjustment on the next invoice) or REJECTED
     * @param credit for UPHELD: the amount credited, at most the line's amount; the whole line when absent
     */
    record ResolutionRequest(@NotBlank @Schema(allowableValues = {"UPHELD", "REJECTED"}) String outcome,
                             @NotBlank String reason, @Schema(type = "string", example = "55.00") String credit) {
    }

    record DisputeView(UUID id, String invoiceNumber, int line, String agreementCode,
                       @JsonFormat(shape = JsonFormat.Shape.STRING) @Schema(type = "string") BigDecimal amount,
                       String reason, @Schema(allowableValues = {"OPEN", "UPHELD", "REJECTED"}) String status,
                       String raisedBy, Instant raisedAt, String resolution,
                       @JsonFormat(shape = JsonFormat.Shape.STRING) @Schema(type = "string") BigDecimal credit,
                       String resolvedBy, Instant resolvedAt, String creditedOnInvoice, Integer creditedOnLine) {
    }

    // --- payments and statement

    record PaymentRequest(@NotBlank @Schema(type = "string", example = "1000.00") String amount,
                          @NotNull @Schema(example = "2025-05-20") LocalDate paidOn,
                          @NotBlank @Schema(example = "FED-WIRE-2025-0520-001") String reference) {
    }

    record PaymentView(UUID id, String invoiceNumber,
                       @JsonFormat(shape = JsonFormat.Shape.STRING) @Schema(type = "string") BigDecimal amount,
                       LocalDate paidOn, String reference, String recordedBy, Instant recordedAt,
                       @JsonFormat(shape = JsonFormat.Shape.STRING) @Schema(type = "string") BigDecimal outstanding) {
    }

    @Schema(description = "Statement of account of an agreement on a day")
    record StatementView(String agreementCode, String currency, LocalDate asOf,
                         @JsonFormat(shape = JsonFormat.Shape.STRING) @Schema(type = "string") BigDecimal invoiced,
                         @JsonFormat(shape = JsonFormat.Shape.STRING) @Schema(type = "string") BigDecimal paid,
                         @JsonFormat(shape = JsonFormat.Shape.STRING) @Schema(type = "string") BigDecimal disputed,
                         @JsonFormat(shape = JsonFormat.Shape.STRING) @Schema(type = "string") BigDecimal balance,
                         Ageing ageing, List<StatementInvoice> invoices) {
    }

    /** The outstanding balance by the age of its invoice (days since issue). */
    @Schema(name = "StatementAgeing")
    record Ageing(@JsonFormat(shape = JsonFormat.Shape.STRING) @Schema(type = "string") BigDecimal days0to30,
                  @JsonFormat(shape = JsonFormat.Shape.STRING) @Schema(type = "string") BigDecimal days31to60,
                  @JsonFormat(shape = JsonFormat.Shape.STRING) @Schema(type = "string") BigDecimal days61to90,
                  @JsonFormat(shape = JsonFormat.Shape.STRING) @Schema(type = "string") BigDecimal over90) {
    }

    record StatementInvoice(String number, String period, LocalDate issuedOn, long ageDays,
                            @JsonFormat(shape = JsonFormat.Shape.STRING) @Schema(type = "string") BigDecimal total,
                            @JsonFormat(shape = JsonFormat.Shape.STRING) @Schema(type = "string") BigDecimal paid,
                            @JsonFormat(shape = JsonFormat.Shape.STRING) @Schema(type = "string") BigDecimal disputed,
                            @JsonFormat(shape = JsonFormat.Shape.STRING) @Schema(type = "string") BigDecimal outstanding) {
    }

    // --- sustainability

    @Schema(description = "Fee revenue against the receiving state's prison-system operating cost")
    record SustainabilityView(int year, String currency,
                              @JsonFormat(shape = JsonFormat.Shape.STRING) @Schema(type = "string") BigDecimal annualOperatingCost,
                              int systemPopulation, List<SustainabilityMonth> months, SustainabilityMonth yearToDate,
                              String rounding) {
    }

    /**
     * @param coveredPercent fee revenue / operating cost × 100, two decimals
     * @param costPerPrisonerDay the system's cost / (its population × days)
     * @param perDiem fee revenue of custody days / prisoner-days billed (the per-diem actually earned)
     */
    record SustainabilityMonth(String period,
                               @JsonFormat(shape = JsonFormat.Shape.STRING) @Schema(type = "string") BigDecimal revenue,
                               @JsonFormat(shape = JsonFormat.Shape.STRING) @Schema(type = "string") BigDecimal operatingCost,
                               @JsonFormat(shape = JsonFormat.Shape.STRING) @Schema(type = "string") BigDecimal coveredPercent,
                               long prisonerDays,
                               @JsonFormat(shape = JsonFormat.Shape.STRING) @Schema(type = "string") BigDecimal costPerPrisonerDay,
                               @JsonFormat(shape = JsonFormat.Shape.STRING) @Schema(type = "string") BigDecimal perDiem) {
    }
}
