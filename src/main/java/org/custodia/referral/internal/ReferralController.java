package org.custodia.referral.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.custodia.common.ApiException;
import org.custodia.common.Idempotency;
import org.custodia.common.Validation;
import org.custodia.identity.CurrentUser;
import org.custodia.identity.Users;
import org.custodia.referral.Dossier;
import org.custodia.referral.GangAffiliation;
import org.custodia.referral.ReferralSnapshot;
import org.custodia.referral.ReferralStatus;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
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
import tools.jackson.databind.JsonNode;

@RestController
@RequestMapping("/api/v1/referrals")
@Tag(name = "Referrals", description = "Referral dossiers, their eligibility under the agreement, decisions, withdrawal, bulk import")
class ReferralController {

    static final String IMPORT_DESCRIPTION = """
            Bulk import, as CSV (Content-Type text/csv) or as a JSON array of referral bodies. Every referral is \
            validated and evaluated like a single submission; valid ones are stored (SUBMITTED or INELIGIBLE with \
            their findings), invalid ones are reported with every error. A referral is stored whole or not at all, \
            and a failure in one never undoes the others. Idempotency-Key is honoured.

            CSV: UTF-8, comma separated, RFC 4180 quoting, a header line naming the columns (any order; only \
            externalReference is compulsory in the header). One line per conviction; lines with the same \
            externalReference form one referral. Referral columns (on the referral's first line; later lines may \
            repeat them or leave them empty): externalReference, agreementCode, givenNames, familyNames, aliases (a|b), \
            dateOfBirth, sex, nationalities (VE|CO), identityDocuments (TYPE:NUMBER:COUNTRY|...), biometricReference, \
            commitmentOrderReference, commitmentOrderAuthority, commitmentOrderIssuedOn, legalBasis, gangGroup, gangText, \
            gangSource, gangVerified, proposedSecurityLevel, fitToTravel, medicalConditions (a|b), medication (a|b), \
            keepApart (EXT:<externalReference>:<REASON>|PN:<prisonerNumber>:<REASON>), consent, \
            consularNotificationRequested. Conviction columns (per line): court, convictionCountry, caseNumber, \
            offences (code:description|code:description), convictionDate, judgmentFinal, finalSince, sentenceYears, \
            sentenceMonths, sentenceDays, lifeSentence, relation, sentenceStartDate, jailCreditDays. Dates YYYY-MM-DD, \
            booleans true/false. Results name CSV lines (the header is line 1) in rows, and errors by column and row; \
            see docs/referral-import.md.

            Bounds: at most 32 MB of body and 20,000 rows (CSV lines after the header, or JSON items) in one import \
            (custodia.referral.import.max-bytes, custodia.referral.import.max-rows); a larger import is refused whole \
            with 413 REFERRAL_IMPORT_TOO_LARGE or 413 REFERRAL_IMPORT_TOO_MANY_ROWS, and nothing of it is stored.""";

    private final ReferralService service;
    private final ReferralImportService imports;
    private final Idempotency idempotency;
    private final Users users;
    private final ReferralViews views;
    private final CsvReferralFormat csv;
    private final ImportLimits limits;

    ReferralController(ReferralService service, ReferralImportService imports, Idempotency idempotency, Users users,
                       ReferralViews views, CsvReferralFormat csv, ImportLimits limits) {
        this.service = service;
        this.imports = imports;
        this.idempotency = idempotency;
        this.users = users;
        this.views = views;
        this.csv = csv;
        this.limits = limits;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Allowed(Permission.REFERRAL_SUBMIT)
    @ApiResponse(responseCode = "201", description = "Stored, SUBMITTED or INELIGIBLE (a retry with the same "
            + "Idempotency-Key answers the first answer again)",
            content = @Content(schema = @Schema(implementation = ReferralResponse.class)))
    @Operation(summary = "Submit a referral (SENDING_AGENCY, ADMIN)", description = """
            Reads the dossier, evaluates every rule of the agreement's eligibility policy (and DUPLICATE_PERSON, \
            which every agreement applies) and stores the referral: SUBMITTED when eligible, INELIGIBLE with its \
            findings when a rule fails. A body that reads as a referral is always stored: no conviction, a judgment \
            not final, no commitment order, no medical assessment or no consent are findings, not errors. Only an \
            unreadable body is refused, 400 VALIDATION_FAILED with every failure at once (wrong types, formats, \
            values, a missing identity, and agreementCode AGREEMENT_NOT_FOUND for an agreement unknown to the \
            caller: a sending agency submits only under agreements its state sends under). 409 AGREEMENT_NOT_ACTIVE, \
            409 REFERRAL_EXISTS (the external reference is already in progress). Messages follow Accept-Language \
            (en by default, es).""",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
                    content = @Content(schema = @Schema(implementation = Dossier.class))))
    ResponseEntity<Object> submit(@RequestBody JsonNode body,
                                  @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                                  @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage) {
        CurrentUser user = users.requireCurrent();
        Locale locale = ReferralViews.locale(acceptLanguage);
        return idempotency.execute("referral.submit", key, body, () -> {
            ReferralSnapshot referral = service.submit(body, user);
            return ResponseEntity.created(URI.create("/api/v1/referrals/" + referral.id()))
                    .body(views.detail(referral, locale));
        });
    }

    @GetMapping("/{id}")
    @Operation(summary = "One referral: the dossier, status, latest findings and decisions",
            description = "Outside the caller's scope: 404 REFERRAL_NOT_FOUND.")
    ReferralResponse get(@PathVariable UUID id,
                         @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage) {
        return views.detail(service.get(id, users.requireCurrent()), ReferralViews.locale(acceptLanguage));
    }

    @GetMapping("/{id}/evaluations")
    @Operation(summary = "Every evaluation of a referral's eligibility, oldest first")
    List<EligibilityView> evaluations(@PathVariable UUID id,
                                      @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage) {
        Locale locale = ReferralViews.locale(acceptLanguage);
        return service.evaluations(id, users.requireCurrent()).stream().map(e -> views.eligibility(e, locale, true)).toList();
    }

    @GetMapping
    @Operation(summary = "Referrals the caller may see, newest first, a page at a time",
            description = "Filters: status, agreement (code), nationality (ISO alpha-2), affiliation (gang group). "
                    + "page from 0, size 1 to 200 (default 20). Answer: {items, page, size, total}.")
    ReferralService.Page list(@RequestParam(required = false) String status, @RequestParam(required = false) String agreement,
                    @RequestParam(required = false) String nationality, @RequestParam(required = false) String affiliation,
                    @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        ReferralRepository.Filter filter = filter(status, agreement, nationality, affiliation, page, size);
        int p = page == null ? 0 : page;
        int s = size == null ? 20 : size;
        return service.search(filter, p, s, users.requireCurrent());
    }

    /** The filters, each checked; every bad one is reported at once. */
    static ReferralRepository.Filter filter(String status, String agreement, String nationality, String affiliation,
                                            Integer page, Integer size) {
        Validation v = new Validation();
        ReferralStatus st = null;
        if (blankToNull(status) != null) {
            try {
                st = ReferralStatus.valueOf(status);
            } catch (IllegalArgumentException e) {
                v.add("status", "INVALID_VALUE", "status must be one of " + Arrays.toString(ReferralStatus.values()));
            }
        }
        if (blankToNull(nationality) != null && !ReferralParser.COUNTRY.matcher(nationality).matches()) {
            v.add("nationality", "INVALID_FORMAT", "nationality is an ISO 3166 alpha-2 code such as VE");
        }
        if (blankToNull(affiliation) != null
                && Arrays.stream(GangAffiliation.Group.values()).noneMatch(g -> g.name().equals(affiliation))) {
            v.add("affiliation", "INVALID_VALUE", "affiliation must be one of " + Arrays.toString(GangAffiliation.Group.values()));
        }
        if (page != null && page < 0) {
            v.add("page", "OUT_OF_RANGE", "page starts at 0");
        }
        if (size != null && (size < 1 || size > 200)) {
            v.add("size", "OUT_OF_RANGE", "size is between 1 and 200");
        }
        v.throwIfInvalid();
        return new ReferralRepository.Filter(st, blankToNull(agreement), blankToNull(nationality), blankToNull(affiliation));
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    @PostMapping("/{id}/decision")
    @Allowed(Permission.REFERRAL_DECIDE)
    @Operation(summary = "Accept or reject a referral (INTAKE_OFFICER)", description = """
            {decision: ACCEPT or REJECT, reason}. The officer who submitted it cannot decide (409 DECIDER_IS_SUBMITTER); \
            only a SUBMITTED referral can be decided (409 REFERRAL_NOT_PENDING). Acceptance re-evaluates the policy as it \
            stands today and keeps the new findings: when a rule now fails the referral becomes INELIGIBLE and the answer \
            is 409 REFERRAL_NOT_ELIGIBLE (also for a referral that was already INELIGIBLE); when the agreement's quota \
            is full (ACCEPTED + IN_TRANSIT + ADMITTED) it is 409 AGREEMENT_QUOTA_EXCEEDED.""")
    ReferralResponse decide(@PathVariable UUID id, @RequestBody DecisionRequest request,
                            @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage) {
        ReferralService.DecisionOutcome outcome = service.decide(id, request, users.requireCurrent());
        if (outcome.refusal() != null) {
            throw outcome.refusal(); // the new findings are committed; the refusal is the answer
        }
        return views.detail(outcome.referral(), ReferralViews.locale(acceptLanguage));
    }

    @PostMapping("/{id}/withdrawal")
    @Allowed(Permission.REFERRAL_SUBMIT)
    @Operation(summary = "Withdraw a referral before departure (SENDING_AGENCY, ADMIN)",
            description = "{reason}. From SUBMITTED, INELIGIBLE or ACCEPTED; otherwise 409 REFERRAL_NOT_WITHDRAWABLE.")
    ReferralResponse withdraw(@PathVariable UUID id, @RequestBody WithdrawalRequest request,
                              @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage) {
        return views.detail(service.withdraw(id, request, users.requireCurrent()), ReferralViews.locale(acceptLanguage));
    }

    @PostMapping(path = "/import", consumes = "text/csv")
    @Allowed(Permission.REFERRAL_SUBMIT)
    @ApiResponse(responseCode = "200", description = "Per-referral results",
            content = @Content(schema = @Schema(implementation = ImportResult.class)))
    @Operation(summary = "Bulk import referrals from CSV (SENDING_AGENCY, ADMIN)", description = IMPORT_DESCRIPTION)
    ResponseEntity<Object> importCsv(@RequestBody byte[] body,
                                     @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                                     @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage) {
        CurrentUser user = users.requireCurrent();
        String text = new String(body, StandardCharsets.UTF_8);
        Locale locale = ReferralViews.locale(acceptLanguage);
        return idempotency.execute("referral.import", key, Map.of("csv", text), () -> {
            CsvReferralFormat.Parsed parsed = csv.read(text);
            limits.checkRows(parsed.rows());
            ReferralImportService.Result result = imports.run(parsed.rows(), parsed.candidates(), user);
            return ResponseEntity.ok(views.importResult(result, locale));
        });
    }

    @PostMapping(path = "/import", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Allowed(Permission.REFERRAL_SUBMIT)
    @ApiResponse(responseCode = "200", description = "Per-referral results",
            content = @Content(schema = @Schema(implementation = ImportResult.class)))
    @Operation(summary = "Bulk import referrals from a JSON array of referral bodies (SENDING_AGENCY, ADMIN)",
            description = IMPORT_DESCRIPTION)
    ResponseEntity<Object> importJson(@RequestBody JsonNode body,
                                      @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                                      @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage) {
        CurrentUser user = users.requireCurrent();
        if (!body.isArray()) {
            throw ApiException.validation(List.of(new org.custodia.common.FieldProblem("", "INVALID_TYPE",
                    "A JSON import is an array of referral bodies")));
        }
        limits.checkRows(body.size());
        Locale locale = ReferralViews.locale(acceptLanguage);
        return idempotency.execute("referral.import", key, body, () -> {
            List<ImportCandidate> candidates = new ArrayList<>();
            for (int i = 0; i < body.size(); i++) {
                candidates.add(ImportCandidate.json(i, body.get(i)));
            }
            ReferralImportService.Result result = imports.run(body.size(), candidates, user);
            return ResponseEntity.ok(views.importResult(result, locale));
        });
    }
}
