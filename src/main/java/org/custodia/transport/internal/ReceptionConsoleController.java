package org.custodia.transport.internal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.custodia.agreement.Agreement;
import org.custodia.agreement.Agreements;
import org.custodia.common.ApiException;
import org.custodia.common.ConsoleForm;
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
        model.addAttribute("zone", chosen == null ? java.time.ZoneOffset.UTC : manifests.zoneOf(chosen.facilityCode()));
        return "transport/manifest-new";
    }

    @PostMapping("/reception/manifests")
    @Allowed(Permission.MANIFEST_PLAN)
    String create(@RequestParam String agreementCode, @RequestParam String carrier,
                  @RequestParam String transportReference, @RequestParam String scheduledDeparture,
                  @RequestParam String scheduledArrival, @RequestParam(required = false) String escortOfficers,
                  @RequestParam(required = false) List<UUID> referralIds, @RequestParam Map<String, String> form,
                  RedirectAttributes redirect) {
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
            Map<String, String> typed = new java.util.LinkedHashMap<>(form);
            typed.put("referralIds", referralIds == null ? "" : String.join(",",
                    referralIds.stream().map(UUID::toString).toList()));
            redirect.addFlashAttribute("manifestForm", ConsoleForm.refused("manifest", typed, e,
                    Map.of("referralIds[]", "referralIds"), "agreementCode"));
            return "redirect:/reception/manifests/new?agreement=" + agreementCode;
        }
    }

    @GetMapping("/reception/manifests/{id}")
    String manifest(@PathVariable UUID id, Model model) {
        ManifestView manifest = manifests.get(id, users.requireCurrent());
        model.addAttribute("manifest", manifest);
        model.addAttribute("zone", manifests.zoneOf(manifest.facilityCode()));
        // consular rights (Vienna Art. 36) are asked only of a foreign national of the receiving state
        model.addAttribute("foreign", foreignNationals(manifest));
        model.addAttribute("verificationMethods", VerificationMethod.values());
        model.addAttribute("discrepancyKinds", ManifestRequests.DiscrepancyKind.values());
        return "transport/manifest";
    }

    @PostMapping("/reception/manifests/{id}/departure")
    @Allowed(Permission.MANIFEST_DISPATCH)
    String depart(@PathVariable UUID id, @RequestParam String departedAt, RedirectAttributes redirect) {
        return act(id, "departure", Map.of("departedAt", departedAt == null ? "" : departedAt), redirect,
                "manifest.departed", () -> manifests.depart(id, new ManifestRequests.Departure(local(departedAt, "departedAt", zoneOf(id))),
                        users.requireCurrent()));
    }

    @PostMapping("/reception/manifests/{id}/closure")
    @Allowed(Permission.MANIFEST_RECEIVE)
    String close(@PathVariable UUID id, RedirectAttributes redirect) {
        return act(id, "closure", Map.of(), redirect, "manifest.closed", () -> manifests.close(id, users.requireCurrent()));
    }

    /** The form fields of the handover, by the path of the API body they become. */
    private static final Map<String, String> ARRIVAL_FIELDS = Map.of("emergencyContact", "emergencyName",
            "emergencyContact.name", "emergencyName", "emergencyContact.phone", "emergencyPhone",
            "familyMembers[].name", "familyName", "familyMembers[].relationship", "familyRelationship",
            "familyMembers[].location", "familyLocation", "familyMembers", "familyName", "property", "property");

    /**
     * One person's handover, from the form on the checklist. Refused, the page opens the same form again with
     * everything typed in it and, next to each field, what to change.
     */
    @PostMapping("/reception/manifests/{id}/arrivals")
    @Allowed(Permission.MANIFEST_RECEIVE)
    String arrive(@PathVariable UUID id, @RequestParam UUID referralId, @RequestParam Map<String, String> form,
                  RedirectAttributes redirect) {
        try {
            String identityVerified = form.get("identityVerified");
            Boolean verified = blank(identityVerified) ? null : "yes".equals(identityVerified);
            String familyName = form.get("familyName");
            String emergencyName = form.get("emergencyName");
            List<AdmissionCommand.FamilyMember> family = blank(familyName) ? List.of()
                    : List.of(new AdmissionCommand.FamilyMember(familyName, blankToNull(form.get("familyRelationship")),
                    blankToNull(form.get("familyLocation")), null, null));
            AdmissionCommand.Contact emergency = blank(emergencyName) ? null
                    : new AdmissionCommand.Contact(emergencyName, blankToNull(form.get("emergencyPhone")), null);
            ManifestView manifest = manifests.get(id, users.requireCurrent());
            boolean foreign = foreignNationals(manifest).contains(referralId);
            ManifestView.Handover result = manifests.arrive(id, new ManifestRequests.Arrival(referralId,
                    local(form.get("arrivedAt"), "arrivedAt", zoneOf(id)), verified,
                    method(form.get("verificationMethod")), blankToNull(form.get("identityDiscrepancy")),
                    blankToNull(form.get("conditionOnArrival")), blankToNull(form.get("injuriesObserved")),
                    "true".equals(form.get("complaintOfIllTreatment")), blankToNull(form.get("illTreatmentDetails")),
                    property(form.get("property")), family, emergency, null,
                    foreign ? "true".equals(form.get("informedOfConsularRights")) : null,
                    foreign ? "true".equals(form.get("consularNotificationRequested")) : null, null, false, null, null),
                    users.requireCurrent());
            redirect.addFlashAttribute("result", result);
        } catch (ApiException e) {
            redirect.addFlashAttribute("arrivalForm", ConsoleForm.refused("arrival-" + referralId, form, e,
                    ARRIVAL_FIELDS, null));
        }
        return "redirect:/reception/manifests/" + id + "#person-" + referralId;
    }

    /** Someone who will not be handed over: not boarded, died or escaped on the way. */
    @PostMapping("/reception/manifests/{id}/discrepancies")
    @Allowed(Permission.MANIFEST_RECEIVE)
    String discrepancy(@PathVariable UUID id, @RequestParam UUID referralId, @RequestParam Map<String, String> form,
                       RedirectAttributes redirect) {
        try {
            manifests.recordDiscrepancy(id, new ManifestRequests.Discrepancy(referralId,
                    enumOf(ManifestRequests.DiscrepancyKind.class, form.get("kind"), "kind"),
                    blankToNull(form.get("details")), local(form.get("occurredAt"), "occurredAt", zoneOf(id))),
                    users.requireCurrent());
            redirect.addFlashAttribute("notice", "discrepancy.recorded");
        } catch (ApiException e) {
            redirect.addFlashAttribute("discrepancyForm", ConsoleForm.refused("discrepancy-" + referralId, form, e,
                    Map.of(), "details"));
        }
        return "redirect:/reception/manifests/" + id + "#person-" + referralId;
    }

    /** Takes someone off a planned manifest. */
    @PostMapping("/reception/manifests/{id}/removals")
    @Allowed(Permission.MANIFEST_DISPATCH)
    String remove(@PathVariable UUID id, @RequestParam UUID referralId, @RequestParam Map<String, String> form,
                  RedirectAttributes redirect) {
        try {
            manifests.remove(id, new ManifestRequests.Removal(referralId, blankToNull(form.get("reason"))),
                    users.requireCurrent());
            redirect.addFlashAttribute("notice", "removal.done");
        } catch (ApiException e) {
            redirect.addFlashAttribute("removalForm", ConsoleForm.refused("removal-" + referralId, form, e,
                    Map.of(), "reason"));
        }
        return "redirect:/reception/manifests/" + id + "#person-" + referralId;
    }

    /** Cancels a planned manifest. */
    @PostMapping("/reception/manifests/{id}/cancellation")
    @Allowed(Permission.MANIFEST_DISPATCH)
    String cancel(@PathVariable UUID id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        return act(id, "cancellation", form, redirect, "cancellation.done", () -> manifests.cancel(id,
                new ManifestRequests.Cancellation(blankToNull(form.get("reason"))), users.requireCurrent()));
    }

    private String act(UUID id, String formId, Map<String, String> form, RedirectAttributes redirect, String notice,
                       Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("notice", notice);
        } catch (ApiException e) {
            redirect.addFlashAttribute("actionForm", ConsoleForm.refused(formId, form, e, Map.of(),
                    form.isEmpty() ? null : form.keySet().stream().filter(k -> !k.equals("_csrf")).findFirst().orElse(null)));
        }
        return "redirect:/reception/manifests/" + id;
    }

    /** The people of the manifest who are foreign nationals of the receiving state (Vienna Art. 36). */
    private java.util.Set<UUID> foreignNationals(ManifestView manifest) {
        String home = agreements.find(manifest.agreementCode()).map(a -> a.receivingParty().country()).orElse(null);
        java.util.Set<UUID> foreign = new java.util.HashSet<>();
        for (ManifestView.Person p : manifest.people()) {
            if (home == null || org.custodia.custody.Admissions.isForeignNational(p.nationalities(), home)) {
                foreign.add(p.referralId());
            }
        }
        return foreign;
    }

    private ZoneId zoneOf(UUID manifestId) {
        return manifests.zoneOf(manifests.get(manifestId, users.requireCurrent()).facilityCode());
    }

    private static VerificationMethod method(String value) {
        return enumOf(VerificationMethod.class, value, "verificationMethod");
    }

    /** A choice of the form as its enum; a value that is none is a field problem like any other. */
    static <E extends Enum<E>> E enumOf(Class<E> type, String value, String field) {
        if (blank(value)) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw ApiException.validation(List.of(new FieldProblem(field, "INVALID_VALUE",
                    "One of " + List.of(type.getEnumConstants()))));
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
