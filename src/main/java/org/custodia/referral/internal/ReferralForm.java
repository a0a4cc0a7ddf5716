package org.custodia.referral.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.custodia.common.FieldProblem;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The console's submission form: a reasonable subset of the dossier (one identity document, one offence per
 * conviction, up to two convictions) turned into the same JSON body the API takes, and the body's problems named
 * back by form field.
 */
final class ReferralForm {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    static final int CONVICTIONS = 2;
    static final List<String> CONVICTION_FIELDS = List.of("court", "country", "caseNumber", "offenceCode",
            "offenceDescription", "convictionDate", "judgmentFinal", "finalSince", "years", "months", "days", "life",
            "relation", "sentenceStartDate", "jailCreditDays");
    private static final Pattern CONVICTION_PATH = Pattern.compile("convictions\\[(\\d+)](?:\\.(.*))?");

    private ReferralForm() {
    }

    static ObjectNode body(Map<String, String> form) {
        ObjectNode body = NODES.objectNode();
        text(body, "agreementCode", form.get("agreementCode"));
        text(body, "externalReference", form.get("externalReference"));
        ObjectNode person = body.putObject("person");
        text(person, "givenNames", form.get("givenNames"));
        text(person, "familyNames", form.get("familyNames"));
        list(person, "aliases", form.get("aliases"), "[|,;]");
        text(person, "dateOfBirth", form.get("dateOfBirth"));
        text(person, "sex", form.get("sex"));
        list(person, "nationalities", upper(form.get("nationalities")), "[|,;\\s]+");
        if (!blank(form.get("documentType")) || !blank(form.get("documentNumber")) || !blank(form.get("documentCountry"))) {
            ObjectNode document = person.putArray("identityDocuments").addObject();
            text(document, "type", upper(form.get("documentType")));
            text(document, "number", form.get("documentNumber"));
            text(document, "issuingCountry", upper(form.get("documentCountry")));
        }
        text(person, "biometricReference", form.get("biometricReference"));
        ArrayNode convictions = body.putArray("convictions");
        for (int i = 0; i < CONVICTIONS; i++) {
            String p = "c" + i + ".";
            boolean any = CONVICTION_FIELDS.stream().filter(f -> !f.equals("relation") && !f.equals("judgmentFinal"))
                    .anyMatch(f -> !blank(form.get(p + f)));
            if (!any) {
                continue; // an empty block is no conviction: as in the API, none at all is FINAL_CONVICTION_REQUIRED's FAIL
            }
            ObjectNode c = convictions.addObject();
            text(c, "court", form.get(p + "court"));
            text(c, "country", upper(form.get(p + "country")));
            text(c, "caseNumber", form.get(p + "caseNumber"));
            if (!blank(form.get(p + "offenceCode")) || !blank(form.get(p + "offenceDescription"))) {
                ObjectNode offence = c.putArray("offences").addObject();
                text(offence, "code", form.get(p + "offenceCode"));
                text(offence, "description", form.get(p + "offenceDescription"));
            }
            text(c, "convictionDate", form.get(p + "convictionDate"));
            bool(c, "judgmentFinal", form.get(p + "judgmentFinal"));
            text(c, "finalSince", form.get(p + "finalSince"));
            ObjectNode sentence = c.putObject("sentence");
            number(sentence, "years", form.get(p + "years"));
            number(sentence, "months", form.get(p + "months"));
            number(sentence, "days", form.get(p + "days"));
            sentence.put("life", "true".equals(form.get(p + "life")));
            text(c, "relation", form.get(p + "relation"));
            text(c, "sentenceStartDate", form.get(p + "sentenceStartDate"));
            number(c, "jailCreditDays", form.get(p + "jailCreditDays"));
        }
        if (!blank(form.get("orderReference")) || !blank(form.get("orderAuthority")) || !blank(form.get("orderIssuedOn"))) {
            ObjectNode order = body.putObject("commitmentOrder");
            text(order, "reference", form.get("orderReference"));
            text(order, "issuingAuthority", form.get("orderAuthority"));
            text(order, "issuedOn", form.get("orderIssuedOn"));
        }
        text(body, "legalBasis", form.get("legalBasis"));
        if (!blank(form.get("gangGroup"))) {
            ObjectNode gang = body.putObject("gangAffiliation");
            text(gang, "group", form.get("gangGroup"));
            text(gang, "text", form.get("gangText"));
            text(gang, "source", form.get("gangSource"));
            gang.put("verified", "true".equals(form.get("gangVerified")));
        }
        text(body, "proposedSecurityLevel", form.get("proposedSecurityLevel"));
        ObjectNode medical = body.putObject("medical");
        bool(medical, "fitToTravel", form.get("fitToTravel"));
        list(medical, "conditions", form.get("medicalConditions"), "[|,;]");
        text(body, "consent", form.get("consent"));
        body.put("consularNotificationRequested", "true".equals(form.get("consularNotificationRequested")));
        return body;
    }

    /** The form field a problem of the body belongs to (the summary lists those it cannot place). */
    static String fieldOf(FieldProblem problem) {
        String path = problem.field();
        Matcher m = CONVICTION_PATH.matcher(path);
        if (m.matches()) {
            String p = "c" + m.group(1) + ".";
            String rest = m.group(2) == null ? "" : m.group(2);
            if (rest.startsWith("offences")) {
                return p + (rest.endsWith("description") ? "offenceDescription" : "offenceCode");
            }
            return switch (rest) {
                case "sentence", "sentence.years" -> p + "years";
                case "sentence.months" -> p + "months";
                case "sentence.days" -> p + "days";
                case "sentence.life" -> p + "life";
                default -> p + rest;
            };
        }
        if (path.startsWith("person.identityDocuments")) {
            return path.endsWith("type") ? "documentType" : path.endsWith("issuingCountry") ? "documentCountry" : "documentNumber";
        }
        return switch (path.replaceAll("\\[\\d+]", "")) {
            case "convictions" -> "c0.court";
            case "commitmentOrder.reference" -> "orderReference";
            case "commitmentOrder.issuingAuthority" -> "orderAuthority";
            case "commitmentOrder.issuedOn" -> "orderIssuedOn";
            case "gangAffiliation.group" -> "gangGroup";
            case "gangAffiliation.text" -> "gangText";
            case "gangAffiliation.source" -> "gangSource";
            case "medical.fitToTravel" -> "fitToTravel";
            case "medical.conditions" -> "medicalConditions";
            default -> path.startsWith("person.") ? path.substring("person.".length()).replaceAll("\\[\\d+]", "")
                    : path.replaceAll("\\[\\d+]", "");
        };
    }

    /** The problems by form field, in the order they were found. */
    static Map<String, List<FieldProblem>> byField(List<FieldProblem> problems) {
        Map<String, List<FieldProblem>> map = new LinkedHashMap<>();
        for (FieldProblem p : problems) {
            map.computeIfAbsent(fieldOf(p), k -> new ArrayList<>()).add(p);
        }
        return map;
    }

    private static void text(ObjectNode node, String name, String value) {
        if (!blank(value)) {
            node.put(name, value.strip());
        }
    }

    private static void number(ObjectNode node, String name, String value) {
        if (blank(value)) {
            return;
        }
        String v = value.strip();
        if (v.matches("\\d{1,9}")) {
            node.put(name, Integer.parseInt(v));
        } else {
            node.put(name, v); // the validation names the type error
        }
    }

    private static void bool(ObjectNode node, String name, String value) {
        if ("true".equals(value) || "false".equals(value)) {
            node.put(name, Boolean.parseBoolean(value));
        }
    }

    private static void list(ObjectNode node, String name, String value, String separators) {
        if (blank(value)) {
            return;
        }
        ArrayNode array = node.putArray(name);
        for (String item : value.split(separators)) {
            if (!item.isBlank()) {
                array.add(item.strip());
            }
        }
    }

    private static String upper(String value) {
        return value == null ? null : value.toUpperCase(java.util.Locale.ROOT);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
