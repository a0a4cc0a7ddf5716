package org.custodia.referral.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.custodia.agreement.Agreement;
import org.custodia.agreement.Agreements;
import org.custodia.common.ApiException;
import org.custodia.common.FieldProblem;
import org.custodia.identity.Allowed;
import org.custodia.identity.CurrentUser;
import org.custodia.identity.Permission;
import org.custodia.identity.Role;
import org.custodia.identity.Users;
import org.custodia.web.ConsolePage;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The sending agency's bulk import in the console: a CSV file uploaded through a form, read and imported by the same
 * {@link CsvReferralFormat} and {@link ReferralImportService} as {@code POST /api/v1/referrals/import}, under the same
 * permission and bounds; the result lists every refused referral with its lines and its problems in words.
 */
@Controller
@ConsolePage
class ReferralImportConsoleController {

    private final ReferralImportService imports;
    private final CsvReferralFormat csv;
    private final ImportLimits limits;
    private final ReferralService service;
    private final Agreements agreements;
    private final Users users;

    ReferralImportConsoleController(ReferralImportService imports, CsvReferralFormat csv, ImportLimits limits,
                                    ReferralService service, Agreements agreements, Users users) {
        this.imports = imports;
        this.csv = csv;
        this.limits = limits;
        this.service = service;
        this.agreements = agreements;
        this.users = users;
    }

    /** One referral of the file as the result shows it: stored (with its status) or refused with its problems. */
    record ShownRow(List<Integer> lines, String externalReference, String status, String id,
                    List<ImportCandidate.ImportError> errors) {
        public String lineList() {
            return lines == null ? "" : String.join(", ", lines.stream().map(String::valueOf).toList());
        }

        public boolean refused() {
            return id == null;
        }
    }

    @GetMapping("/referrals/import")
    @Allowed(Permission.REFERRAL_SUBMIT)
    String form(Model model) {
        CurrentUser user = users.requireCurrent();
        model.addAttribute("fileProblems", List.of());
        formModel(model, user, null);
        return "referral-import";
    }

    @PostMapping("/referrals/import")
    @Allowed(Permission.REFERRAL_SUBMIT)
    String upload(@RequestParam(name = "file", required = false) MultipartFile file,
                  @RequestParam(name = "agreementCode", required = false) String agreementCode, Model model)
            throws IOException {
        CurrentUser user = users.requireCurrent();
        String chosen = agreementCode == null || agreementCode.isBlank() ? null : agreementCode.strip();
        formModel(model, user, chosen);
        if (file == null || file.isEmpty()) {
            model.addAttribute("fileProblems", List.of(new FieldProblem("file", "REQUIRED", "Choose a CSV file")));
            return "referral-import";
        }
        try {
            CsvReferralFormat.Parsed parsed = csv.read(new String(file.getBytes(), StandardCharsets.UTF_8));
            limits.checkRows(parsed.rows());
            List<ImportCandidate> candidates = parsed.candidates().stream().map(c -> withAgreement(c, chosen)).toList();
            ReferralImportService.Result result = imports.run(parsed.rows(), candidates, user);
            List<ShownRow> rows = new ArrayList<>();
            for (ReferralImportService.Outcome o : result.outcomes()) {
                ImportCandidate c = o.candidate();
                rows.add(o.stored() != null
                        ? new ShownRow(c.lines(), c.externalReference(), o.stored().status().name(),
                                o.stored().id().toString(), List.of())
                        : new ShownRow(c.lines(), c.externalReference(), "INVALID", null, o.errors()));
            }
            model.addAttribute("result", result);
            model.addAttribute("refusedRows", rows.stream().filter(ShownRow::refused).toList());
            model.addAttribute("storedRows", rows.stream().filter(r -> !r.refused()).toList());
            model.addAttribute("fileProblems", List.of());
        } catch (ApiException e) {
            model.addAttribute("fileProblems", e.errors().isEmpty()
                    ? List.of(new FieldProblem("file", e.code(), e.getMessage())) : e.errors());
        }
        return "referral-import";
    }

    /** The agreement chosen in the form, for the referrals of a file whose agreementCode column is missing or empty. */
    private static ImportCandidate withAgreement(ImportCandidate c, String chosen) {
        if (chosen == null || !(c.body() instanceof ObjectNode body)) {
            return c;
        }
        JsonNode given = body.get("agreementCode");
        if (given != null && given.isString() && !given.stringValue().isBlank()) {
            return c;
        }
        ObjectNode copy = body.deepCopy();
        copy.put("agreementCode", chosen);
        return new ImportCandidate(c.lines(), c.index(), c.externalReference(), copy, c.problems(), c.translate());
    }

    private void formModel(Model model, CurrentUser user, String chosen) {
        List<Agreement> choices = agreements.all().stream()
                .filter(a -> user.role() != Role.SENDING_AGENCY || a.sendingParty().code().equals(user.partyCode()))
                .filter(a -> a.isActiveOn(service.today()))
                .toList();
        model.addAttribute("agreements", choices);
        model.addAttribute("agreementCode", chosen != null ? chosen
                : choices.size() == 1 ? choices.get(0).code() : "");
        model.addAttribute("columns", List.of(String.join(", ", CsvReferralFormat.REFERRAL_COLUMNS.keySet()),
                String.join(", ", CsvReferralFormat.CONVICTION_COLUMNS.keySet())));
    }
}
