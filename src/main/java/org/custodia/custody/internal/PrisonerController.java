package org.custodia.custody.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.custodia.common.Idempotency;
import org.custodia.identity.CurrentUser;
import org.custodia.identity.Users;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
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

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Custody", description = "The prisoner file from admission to release (Mandela Rules 7 to 10)")
class PrisonerController {

    private final PrisonerService prisoners;
    private final PrisonerSearch search;
    private final RollService roll;
    private final Users users;
    private final Idempotency idempotency;
    private final FilePdf pdf;

    PrisonerController(PrisonerService prisoners, PrisonerSearch search, RollService roll, Users users,
                       Idempotency idempotency, FilePdf pdf) {
        this.prisoners = prisoners;
        this.search = search;
        this.roll = roll;
        this.users = users;
        this.idempotency = idempotency;
        this.pdf = pdf;
    }

    @GetMapping("/prisoners/{number}")
    @Operation(summary = "A prisoner: status, custodians, cell, person, sentence dates and the entries of the file")
    CustodyViews.Prisoner prisoner(@PathVariable String number) {
        CurrentUser user = users.requireCurrent();
        PrisonerRecord p = prisoners.visible(user, number);
        return prisoners.prisoner(p, user, locale(null, null, user), false);
    }

    @GetMapping("/prisoners")
    @Operation(summary = "Search by name, alias, prisoner number or document number (accents and small typos tolerated)")
    CustodyViews.SearchPage search(@RequestParam(required = false) String q, @RequestParam(required = false) String status,
                               @RequestParam(required = false) String nationality,
                               @RequestParam(required = false) String affiliation,
                               @RequestParam(required = false) String module, @RequestParam(required = false) Integer page,
                               @RequestParam(required = false) Integer size) {
        return search.search(new PrisonerSearch.Query(q, status, nationality, affiliation, module, page, size));
    }

    @GetMapping("/prisoners/{number}/file")
    @Operation(summary = "The whole file as JSON; with Accept: application/pdf the official copy (Rule 9), in Spanish or "
            + "English (?lang=es|en or Accept-Language)")
    @ApiResponse(responseCode = "200", description = "The file", content = {
            @Content(mediaType = "application/json", schema = @Schema(implementation = CustodyViews.PrisonerFile.class)),
            @Content(mediaType = "application/pdf", schema = @Schema(type = "string", format = "binary"))})
    ResponseEntity<?> file(@PathVariable String number, @RequestParam(required = false) String lang,
                           @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage,
                           @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
        CurrentUser user = users.requireCurrent();
        PrisonerRecord p = prisoners.visible(user, number);
        Locale locale = locale(lang, acceptLanguage, user);
        if (wantsPdf(accept)) {
            byte[] document = pdf.render(p, prisoners.sentence(p, locale), prisoners.events(p),
                    prisoners.notifications(p), user, locale);
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                    .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + p.number() + ".pdf\"")
                    .header(HttpHeaders.CONTENT_LANGUAGE, locale.getLanguage())
                    .body(document);
        }
        CustodyViews.PrisonerFile file = new CustodyViews.PrisonerFile(prisoners.prisoner(p, user, locale, true),
                prisoners.notifications(p));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(file);
    }

    /** PDF when the client asks for it before (or instead of) JSON. */
    static boolean wantsPdf(String accept) {
        if (accept == null || accept.isBlank()) {
            return false;
        }
        try {
            List<MediaType> types = new java.util.ArrayList<>(MediaType.parseMediaTypes(accept));
            types.sort(java.util.Comparator.comparingDouble(MediaType::getQualityValue).reversed());
            for (MediaType type : types) {
                if (type.isWildcardType()) {
                    return false;
                }
                if (MediaType.APPLICATION_PDF.isCompatibleWith(type) && !type.isWildcardSubtype()) {
                    return true;
                }
                if (MediaType.APPLICATION_JSON.isCompatibleWith(type)) {
                    return false;
                }
            }
        } catch (org.springframework.http.InvalidMediaTypeException e) {
            return false;
        }
        return false;
    }

    @GetMapping("/prisoners/{number}/sentence")
    @Operation(summary = "The computed dates with their breakdown, forfeitures by disciplinary sanctions included")
    CustodyViews.SentenceAnswer sentence(@PathVariable String number, @RequestParam(required = false) String lang,
                                         @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false)
                                         String acceptLanguage) {
        CurrentUser user = users.requireCurrent();
        PrisonerRecord p = prisoners.visible(user, number);
        return new CustodyViews.SentenceAnswer(p.number(), CustodyViews.Sentence.of(
                prisoners.sentence(p, locale(lang, acceptLanguage, user)), true), p.gctDaysPerYear(), p.convictions());
    }

    /** ?lang=, else Accept-Language, else the user's language: es or en. */
    static Locale locale(String lang, String acceptLanguage, CurrentUser user) {
        return FilePdf.locale(lang, acceptLanguage, user.locale());
    }

    @PostMapping("/prisoners/{number}/events")
    @Allowed(Permission.FILE_ENTRY_RECORD)
    @Operation(summary = "Record an entry of the file: CLASSIFICATION, DISCIPLINE, REQUEST, COMPLAINT, INJURY, MEDICAL_NOTE, VISIT, COURT")
    @ApiResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = CustodyViews.Event.class)))
    ResponseEntity<Object> record(@PathVariable String number, @RequestBody FileEntry body,
                                              @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        return idempotency.execute("prisoner-event:" + number, key, body, () -> ResponseEntity.status(HttpStatus.CREATED)
                .body(CustodyViews.Event.of(prisoners.record(number, body), users.requireCurrent())));
    }

    @PostMapping("/prisoners/{number}/movements")
    @Allowed(Permission.MOVEMENT_RECORD)
    @Operation(summary = "A temporary absence: OUT (hospital, court, other) and back IN; custody continues")
    @ApiResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = CustodyViews.Event.class)))
    ResponseEntity<Object> move(@PathVariable String number, @RequestBody Requests.Movement body,
                                            @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        return idempotency.execute("prisoner-movement:" + number, key, body, () -> ResponseEntity.status(HttpStatus.CREATED)
                .body(CustodyViews.Event.of(prisoners.move(number, body), users.requireCurrent())));
    }

    @PostMapping("/prisoners/{number}/releases")
    @Allowed(Permission.RELEASE_RECORD)
    @Operation(summary = "Release: RETURN_TO_SENDING_STATE, TRANSFER_TO_THIRD_STATE, SENTENCE_COMPLETED or DEATH")
    @ApiResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = CustodyViews.ReleaseAnswer.class)))
    ResponseEntity<Object> release(@PathVariable String number, @RequestBody Requests.Release body,
                                   @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        return idempotency.execute("prisoner-release:" + number, key, body,
                () -> ResponseEntity.status(HttpStatus.CREATED).body(prisoners.release(number, body)));
    }

    @GetMapping("/releases/upcoming")
    @Operation(summary = "Prisoners whose release date falls within 30, 90 or 180 days (overdue ones included)")
    CustodyViews.UpcomingReleases upcoming(@RequestParam(defaultValue = "30") int days) {
        return prisoners.upcomingReleases(days);
    }

    @GetMapping("/oversight/alerts")
    @Allowed(Permission.OVERSIGHT_ALERTS_READ)
    @Operation(summary = "Complaints of ill-treatment, at admission or later, newest first")
    List<CustodyViews.Alert> alerts() {
        return prisoners.alerts();
    }

    @GetMapping("/facilities/{code}/roll-count")
    @Allowed(Permission.FACILITY_READ)
    @Operation(summary = "Population, arrivals, absences, releases, en route, unhoused and beds per module (Rule 10)")
    CustodyViews.RollCount rollCount(@PathVariable String code) {
        return roll.rollCount(code);
    }

    @GetMapping("/facilities/{code}/counts")
    @Allowed(Permission.FACILITY_READ)
    @Operation(summary = "Formal counts, newest first")
    List<CustodyViews.FormalCount> counts(@PathVariable String code, @RequestParam(defaultValue = "false") boolean open) {
        return roll.counts(roll.facility(code).code(), open);
    }

    @PostMapping("/facilities/{code}/counts")
    @Allowed(Permission.ROLL_COUNT_RECORD)
    @Operation(summary = "Record a formal count per module; differences from the expected number are flagged until resolved")
    @ApiResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = CustodyViews.FormalCount.class)))
    ResponseEntity<Object> count(@PathVariable String code, @RequestBody Requests.Count body,
                                 @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        return idempotency.execute("facility-count:" + code, key, body,
                () -> ResponseEntity.status(HttpStatus.CREATED).body(roll.count(code, body)));
    }

    @PostMapping("/facilities/{code}/counts/{id}/resolution")
    @Allowed(Permission.ROLL_COUNT_RECORD)
    @Operation(summary = "Resolve a count's discrepancy, with the reason")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = CustodyViews.FormalCount.class)))
    ResponseEntity<Object> resolve(@PathVariable String code, @PathVariable java.util.UUID id,
                                   @RequestBody Requests.Resolution body,
                                   @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        return idempotency.execute("facility-count-resolution:" + id, key, body,
                () -> ResponseEntity.ok(roll.resolve(code, id, body)));
    }
}
