package org.custodia.transport.internal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.custodia.agreement.Agreement;
import org.custodia.agreement.Agreements;
import org.custodia.common.ApiException;
import org.custodia.common.FieldProblem;
import org.custodia.custody.AdmissionCommand;
import org.custodia.custody.VerificationMethod;
import org.custodia.identity.CurrentUser;
import org.custodia.identity.Users;
import org.custodia.referral.ReferralSnapshot;
import org.custodia.referral.ReferralStatus;
import org.custodia.referral.Referrals;
import org.custodia.transport.ManifestStatus;
import org.custodia.web.ConsolePage;
import org.custodia.identity.Allowed;
import org.custodia.identity.Permission;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Reception's console: the manifests, a form to plan one from accepted referrals, and each manifest as a checklist
 * with one handover form per person. It calls the same service as the API, so the same rules hold.
 */
@Controller
@ConsolePage
@Allowed(Permission.MANIFEST_READ)
class ReceptionConsoleController {

    private final ManifestService manifests;
    private final Referrals referrals;
    private final Agreements agreements;
    private final Users users;

    ReceptionConsoleController(ManifestService manifests, Referrals referrals, Agreements agreements, Users users) {
        this.manifests = manifests;
        this.referrals = referrals;
        this.agreements = agreements;
        this.users = users;
    }

    @GetMapping("/reception")
    String list(Model model) {
        CurrentUser user = users.requireCurrent();
        List<ManifestView> all = manifests.list(null, user);
        model.addAttribute("open", all.stream().filter(m -> m.status() != ManifestStatus.CLOSED
                && m.status() != ManifestStatus.CANCELLED).toList());
        model.addAttribute("done", all.stream().filter(m -> m.status() == ManifestStatus.CLOSED
                || m.status() == ManifestStatus.CANCELLED).limit(20).toList());
        // times on these pages are the facility's local time
        java.util.Map<String, ZoneId> zones = new java.util.HashMap<>();
        all.forEach(m -> zones.computeIfAbsent(m.facilityCode(), manifests::zoneOf));
        model.addAttribute("zones", zones);
        return "transport/manifests";
    }

    @GetMapping("/reception/manifests/new")
    @Allowed(Permission.MANIFEST_PLAN)
    String newManifest(@RequestParam(required = false) String agreement, Model model) {
        CurrentUser user = users.requireCurrent();
        List<Agreement> usable = agreements.visibleTo(user).stream()
                .filter(a -> !user.isScopedToParty() || a.sendingParty().code().equals(user.partyCode())).toList();
        Agreement chosen = usable.stream().filter(a -> a.code().equals(agreement)).findFirst()
                .orElse(usable.isEmpty() ? null : usable.get(0));
        List<ReferralSnapshot> candidates = chosen == null ? List.of()
                : referrals.findByStatus(chosen.code(), ReferralStatus.ACCEPTED);
        model.addAttribute("agreements", usable);
        model.addAttribute("agreement", chosen);
        model.addAttribute("candidates", candidates);
        return "transport/manifest-new";
    }

    @PostMapping("/reception/manifests")
    @Allowed(Permission.MANIFEST_PLAN)
    String create(@RequestParam String agreementCode, @RequestParam String carrier,
                  @RequestParam String transportReference, @RequestParam String scheduledDeparture,
                  @RequestParam String scheduledArrival, @RequestParam(required = false) String escortOfficers,
                  @RequestParam(required = false) List<UUID> referralIds, RedirectAttributes redirect) {
        try {
            List<String> escorts = escortOfficers == null ? List.of() : List.of(escortOfficers.split("\\R|,"));
            ZoneId zone = agreements.find(agreementCode).map(a -> manifests.zoneOf(a.facilityCode()))
                    .orElse(java.time.ZoneOffset.UTC);
            ManifestView created = manifests.create(new ManifestRequests.NewManifest(agreementCode, carrier,
                    transportReference, local(scheduledDeparture, "scheduledDeparture", zone),
                    local(scheduledArrival, "scheduledArrival", zone), escorts, referralIds), users.requireCurrent());
            redirect.addFlashAttribute("notice", "manifest.created");
            return "redirect:/reception/manifests/" + created.id();
        } catch (ApiException e) {
            redirect.addFlashAttribute("problem", e);
            return "redirect:/reception/manifests/new?agreement=" + agreementCode;
        }
    }

    @GetMapping("/reception/manifests/{id}")
    String manifest(@PathVariable UUID id, Model model) {
        ManifestView manifest = manifests.get(id, users.requireCurrent());
        model.addAttribute("manifest", manifest);
        model.addAttribute("zone", manifests.zoneOf(manifest.facilityCode()));
        return "transport/manifest";
    }

    @PostMapping("/reception/manifests/{id}/departure")
    @Allowed(Permission.MANIFEST_DISPATCH)
    String depart(@PathVariable UUID id, @RequestParam String departedAt, RedirectAttributes redirect) {
        return act(id, redirect, "manifest.departed",
                () -> manifests.depart(id, new ManifestRequests.Departure(local(departedAt, "departedAt", zoneOf(id))),
                        users.requireCurrent()));
    }

    @PostMapping("/reception/manifests/{id}/closure")
    @Allowed(Permission.MANIFEST_RECEIVE)
    String close(@PathVariable UUID id, RedirectAttributes redirect) {
        return act(id, redirect, "manifest.closed", () -> manifests.close(id, users.requireCurrent()));
    }

    /** One person's handover, from the form on the checklist. */
    @PostMapping("/reception/manifests/{id}/arrivals")
    @Allowed(Permission.MANIFEST_RECEIVE)
    String arrive(@PathVariable UUID id, @RequestParam UUID referralId, @RequestParam String arrivedAt,
                  @RequestParam(required = false) String identityVerified,
                  @RequestParam(required = false) String verificationMethod,
                  @RequestParam(required = false) String identityDiscrepancy,
                  @RequestParam(required = false) String conditionOnArrival,
                  @RequestParam(required = false) String injuriesObserved,
                  @RequestParam(defaultValue = "false") boolean complaintOfIllTreatment,
                  @RequestParam(required = false) String illTreatmentDetails,
                  @RequestParam(required = false) String property,
                  @RequestParam(required = false) String familyName,
                  @RequestParam(required = false) String familyRelationship,
                  @RequestParam(required = false) String familyLocation,
                  @RequestParam(required = false) String emergencyName,
                  @RequestParam(required = false) String emergencyPhone,
                  @RequestParam(defaultValue = "false") boolean informedOfConsularRights,
                  @RequestParam(defaultValue = "false") boolean consularNotificationRequested,
                  RedirectAttributes redirect) {
        try {
            Boolean verified = identityVerified == null ? null : "yes".equals(identityVerified);
            List<AdmissionCommand.FamilyMember> family = blank(familyName) ? List.of()
                    : List.of(new AdmissionCommand.FamilyMember(familyName, familyRelationship, familyLocation, null, null));
            AdmissionCommand.Contact emergency = blank(emergencyName) ? null
                    : new AdmissionCommand.Contact(emergencyName, blankToNull(emergencyPhone), null);
            ManifestView.Handover result = manifests.arrive(id, new ManifestRequests.Arrival(referralId,
                    local(arrivedAt, "arrivedAt", zoneOf(id)), verified, method(verificationMethod),
                    identityDiscrepancy, blankToNull(conditionOnArrival), injuriesObserved, complaintOfIllTreatment,
                    illTreatmentDetails, property(property), family, emergency, null, informedOfConsularRights,
                    consularNotificationRequested, null, false, null, null), users.requireCurrent());
            redirect.addFlashAttribute("result", result);
        } catch (ApiException e) {
            redirect.addFlashAttribute("problem", e);
            redirect.addFlashAttribute("failedReferral", referralId);
        }
        return "redirect:/reception/manifests/" + id + "#person-" + referralId;
    }

    private String act(UUID id, RedirectAttributes redirect, String notice, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("notice", notice);
        } catch (ApiException e) {
            redirect.addFlashAttribute("problem", e);
        }
        return "redirect:/reception/manifests/" + id;
    }

    private ZoneId zoneOf(UUID manifestId) {
        return manifests.zoneOf(manifests.get(manifestId, users.requireCurrent()).facilityCode());
    }

    private static VerificationMethod method(String value) {
        if (blank(value)) {
            return null;
        }
        try {
            return VerificationMethod.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw ApiException.validation(List.of(new FieldProblem("verificationMethod", "INVALID_VALUE",
                    "One of " + List.of(VerificationMethod.values()))));
        }
    }

    /** "2 x shirt" or "wristwatch", one item a line. */
    static List<AdmissionCommand.PropertyItem> property(String text) {
        List<AdmissionCommand.PropertyItem> items = new ArrayList<>();
        if (text == null) {
            return items;
        }
        for (String line : text.split("\\R")) {
            String item = line.strip();
            if (item.isEmpty()) {
                continue;
            }
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("^(\\d+)\\s*[xX×]\\s*(.+)$").matcher(item);
            items.add(m.matches() ? new AdmissionCommand.PropertyItem(m.group(2).strip(), Integer.parseInt(m.group(1)))
                    : new AdmissionCommand.PropertyItem(item, 1));
        }
        return items;
    }

    /** A datetime-local value in the facility's zone; a bad one is a field problem like any other. */
    static Instant local(String value, String field, ZoneId zone) {
        if (blank(value)) {
            return null;
        }
        try {
            return LocalDateTime.parse(value).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiException.validation(List.of(new FieldProblem(field, "INVALID_VALUE", "Not a date and time: " + value)));
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String blankToNull(String s) {
        return blank(s) ? null : s;
    }
}
