package org.custodia.referral.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.custodia.common.FieldProblem;
import org.custodia.common.Validation;
import org.custodia.referral.CommitmentOrder;
import org.custodia.referral.Consent;
import org.custodia.referral.Conviction;
import org.custodia.referral.Dossier;
import org.custodia.referral.GangAffiliation;
import org.custodia.referral.KeepApart;
import org.custodia.referral.Medical;
import org.custodia.referral.Person;
import org.custodia.referral.SecurityLevel;
import tools.jackson.databind.JsonNode;

/**
 * Structural validation of a referral body: what makes the record unreadable (not an object, a wrong type, an
 * unknown enum value or format, a missing identity of the person or of a conviction, a date of birth in the future).
 * What a rule can judge is no structural failure: no conviction, a judgment not declared final or without its date,
 * no commitment order or an incomplete one, no medical assessment, consent not stated; such a referral is stored and
 * the rules give their findings. It reads the JSON tree itself, so that every failure is listed at once (a type error in one field does
 * not hide the others), and gives the typed {@link Dossier} when there is none. Whether the referral meets the
 * agreement's policy is a different question, answered by {@link EligibilityEngine}.
 */
final class ReferralParser {

    static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    /** NUL and the other C0 controls but tab, line feed and carriage return (PostgreSQL text refuses NUL). */
    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]");
    private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);
    static final int MAX_TEXT = 500;
    private static final int MAX_REFERENCE = 100;
    private static final int MAX_ITEMS = 50;

    private final LocalDate today;
    private final Validation v = new Validation();

    private ReferralParser(LocalDate today) {
        this.today = today;
    }

    /** The dossier when the body is structurally valid, else every problem found. */
    static Result parse(JsonNode body, LocalDate today) {
        ReferralParser parser = new ReferralParser(today);
        Dossier dossier = parser.dossier(body);
        return new Result(parser.v.hasProblems() ? null : dossier, parser.v.problems());
    }

    record Result(Dossier dossier, List<FieldProblem> problems) {
        boolean valid() {
            return problems.isEmpty();
        }
    }

    private Dossier dossier(JsonNode body) {
        if (body == null || !body.isObject()) {
            v.add("", "INVALID_TYPE", "A referral is a JSON object");
            return null;
        }
        String agreementCode = text(body, "agreementCode", "agreementCode", true, MAX_REFERENCE);
        String externalReference = text(body, "externalReference", "externalReference", true, MAX_REFERENCE);
        Person person = person(object(body, "person", "person", true));
        List<Conviction> convictions = new ArrayList<>();
        // No conviction (absent or empty) is no structural error: FINAL_CONVICTION_REQUIRED judges it, on record.
        JsonNode list = array(body, "convictions", "convictions", false);
        if (list != null) {
            for (int i = 0; i < Math.min(list.size(), MAX_ITEMS); i++) {
                convictions.add(conviction(list.get(i), "convictions[" + i + "]"));
            }
        }
        CommitmentOrder order = commitmentOrder(object(body, "commitmentOrder", "commitmentOrder", false));
        String legalBasis = text(body, "legalBasis", "legalBasis", false, MAX_TEXT);
        GangAffiliation affiliation = affiliation(object(body, "gangAffiliation", "gangAffiliation", false));
        SecurityLevel level = enumValue(body, "proposedSecurityLevel", "proposedSecurityLevel", SecurityLevel.class, false);
        Medical medical = medical(object(body, "medical", "medical", false));
        List<KeepApart> keepApart = new ArrayList<>();
        JsonNode keep = array(body, "keepApart", "keepApart", false);
        if (keep != null) {
            for (int i = 0; i < Math.min(keep.size(), MAX_ITEMS); i++) {
                keepApart.add(keepApart(keep.get(i), "keepApart[" + i + "]"));
            }
        }
        // Consent not stated is CONSENT_REQUIRED's question, not a structural one.
        Consent consent = enumValue(body, "consent", "consent", Consent.class, false);
        Boolean consular = bool(body, "consularNotificationRequested", "consularNotificationRequested", false);
        return new Dossier(agreementCode, externalReference, person, convictions, order, legalBasis, affiliation, level,
                medical, keepApart, consent, Boolean.TRUE.equals(consular));
    }

    private Person person(JsonNode p) {
        if (p == null) {
            return null;
        }
        String given = text(p, "givenNames", "person.givenNames", true, MAX_TEXT);
        String family = text(p, "familyNames", "person.familyNames", true, MAX_TEXT);
        List<String> aliases = texts(p, "aliases", "person.aliases", false, MAX_TEXT);
        LocalDate born = date(p, "dateOfBirth", "person.dateOfBirth", true, true);
        if (born != null && born.isBefore(EARLIEST_BIRTH)) {
            v.add("person.dateOfBirth", "OUT_OF_RANGE", "person.dateOfBirth is before " + EARLIEST_BIRTH);
        }
        Person.Sex sex = enumValue(p, "sex", "person.sex", Person.Sex.class, true);
        List<String> nationalities = texts(p, "nationalities", "person.nationalities", true, 40);
        if (nationalities != null) {
            if (nationalities.isEmpty()) {
                v.add("person.nationalities", "REQUIRED", "At least one nationality is required");
            }
            for (int i = 0; i < nationalities.size(); i++) {
                country(nationalities.get(i), "person.nationalities[" + i + "]");
            }
        }
        List<Person.IdentityDocument> documents = new ArrayList<>();
        JsonNode docs = array(p, "identityDocuments", "person.identityDocuments", false);
        if (docs != null) {
            for (int i = 0; i < Math.min(docs.size(), MAX_ITEMS); i++) {
                String path = "person.identityDocuments[" + i + "]";
                JsonNode d = element(docs.get(i), path);
                if (d == null) {
                    continue;
                }
                String type = text(d, "type", path + ".type", true, MAX_REFERENCE);
                if (type != null && !type.matches("[A-Z][A-Z0-9_]*")) {
                    v.add(path + ".type", "INVALID_FORMAT", "Capital letters, digits and _ such as PASSPORT or NATIONAL_ID");
                }
                String number = text(d, "number", path + ".number", true, MAX_REFERENCE);
                String issuer = text(d, "issuingCountry", path + ".issuingCountry", true, 40);
                country(issuer, path + ".issuingCountry");
                documents.add(new Person.IdentityDocument(type, number, issuer));
            }
        }
        String biometric = text(p, "biometricReference", "person.biometricReference", false, MAX_REFERENCE);
        return new Person(given, family, aliases, born, sex, nationalities, documents, biometric);
    }

    private Conviction conviction(JsonNode node, String path) {
        JsonNode c = element(node, path);
        if (c == null) {
            return null;
        }
        String court = text(c, "court", path + ".court", true, MAX_TEXT);
        String country = text(c, "country", path + ".country", true, 40);
        country(country, path + ".country");
        String caseNumber = text(c, "caseNumber", path + ".caseNumber", true, MAX_REFERENCE);
        List<Conviction.Offence> offences = new ArrayList<>();
        JsonNode list = array(c, "offences", path + ".offences", true);
        if (list != null) {
            if (list.isEmpty()) {
                v.add(path + ".offences", "REQUIRED", "At least one offence is required");
            }
            for (int i = 0; i < Math.min(list.size(), MAX_ITEMS); i++) {
                String op = path + ".offences[" + i + "]";
                JsonNode o = element(list.get(i), op);
                if (o != null) {
                    offences.add(new Conviction.Offence(text(o, "code", op + ".code", true, MAX_REFERENCE),
                            text(o, "description", op + ".description", false, MAX_TEXT)));
                }
            }
        }
        LocalDate convicted = date(c, "convictionDate", path + ".convictionDate", true, true);
        // Finality not stated, declared without a date, or dated after today: FINAL_CONVICTION_REQUIRED judges it.
        Boolean judgmentFinal = bool(c, "judgmentFinal", path + ".judgmentFinal", false);
        LocalDate finalSince = date(c, "finalSince", path + ".finalSince", false, false);
        if (convicted != null && finalSince != null && finalSince.isBefore(convicted)) {
            v.add(path + ".finalSince", "INVALID_DATE", path + ".finalSince is before the conviction date");
        }
        Conviction.Sentence sentence = sentence(object(c, "sentence", path + ".sentence", true), path + ".sentence");
        Conviction.Relation relation = enumValue(c, "relation", path + ".relation", Conviction.Relation.class, false);
        LocalDate start = date(c, "sentenceStartDate", path + ".sentenceStartDate", true, false);
        if (start != null && (start.isAfter(today.plusYears(10)) || start.isBefore(EARLIEST_BIRTH))) {
            v.add(path + ".sentenceStartDate", "OUT_OF_RANGE", path + ".sentenceStartDate must lie between "
                    + EARLIEST_BIRTH + " and ten years from today");
        }
        Integer credit = integer(c, "jailCreditDays", path + ".jailCreditDays", false, 0, 36_500);
        if (sentence != null && !sentence.life() && start != null && credit != null) {
            long termDays = java.time.temporal.ChronoUnit.DAYS.between(start,
                    start.plusMonths(12L * sentence.years() + sentence.months()).plusDays(sentence.days()));
            if (credit > termDays) {
                v.add(path + ".jailCreditDays", "JAIL_CREDIT_EXCEEDS_TERM", path + ".jailCreditDays (" + credit
                        + ") is longer than the term imposed (" + termDays + " days)");
            }
        }
        return new Conviction(court, country, caseNumber, offences, convicted, Boolean.TRUE.equals(judgmentFinal),
                finalSince, sentence, relation, start, credit == null ? 0 : credit);
    }

    private Conviction.Sentence sentence(JsonNode s, String path) {
        if (s == null) {
            return null;
        }
        Integer years = integer(s, "years", path + ".years", false, 0, 99);
        Integer months = integer(s, "months", path + ".months", false, 0, 1_200);
        Integer days = integer(s, "days", path + ".days", false, 0, 36_500);
        Boolean life = bool(s, "life", path + ".life", false);
        if (v.problems().stream().anyMatch(p -> p.field().startsWith(path + "."))) {
            return null; // a term with an unreadable part is no term to check anything against
        }
        int y = years == null ? 0 : years;
        int m = months == null ? 0 : months;
        int d = days == null ? 0 : days;
        boolean isLife = Boolean.TRUE.equals(life);
        if (isLife && y + m + d > 0) {
            v.add(path, "LIFE_WITH_TERM", "A life sentence has no years, months or days");
        }
        if (!isLife && y + m + d == 0) {
            v.add(path, "ZERO_TERM", "A sentence is life or a term of at least one day");
        }
        return new Conviction.Sentence(y, m, d, isLife);
    }

    private CommitmentOrder commitmentOrder(JsonNode o) {
        if (o == null) {
            return null;
        }
        // Which parts must be there is COMMITMENT_ORDER_REQUIRED's question; here only their shape.
        return new CommitmentOrder(text(o, "reference", "commitmentOrder.reference", false, MAX_REFERENCE),
                text(o, "issuingAuthority", "commitmentOrder.issuingAuthority", false, MAX_TEXT),
                date(o, "issuedOn", "commitmentOrder.issuedOn", false, false));
    }

    private GangAffiliation affiliation(JsonNode g) {
        if (g == null) {
            return null;
        }
        GangAffiliation.Group group = enumValue(g, "group", "gangAffiliation.group", GangAffiliation.Group.class, true);
        String text = text(g, "text", "gangAffiliation.text", group == GangAffiliation.Group.OTHER, MAX_TEXT);
        String source = text(g, "source", "gangAffiliation.source", false, MAX_TEXT);
        Boolean verified = bool(g, "verified", "gangAffiliation.verified", false);
        return new GangAffiliation(group, text, source, verified);
    }

    private Medical medical(JsonNode m) {
        if (m == null) {
            return null;
        }
        return new Medical(bool(m, "fitToTravel", "medical.fitToTravel", false),
                texts(m, "conditions", "medical.conditions", false, MAX_TEXT),
                texts(m, "medication", "medical.medication", false, MAX_TEXT));
    }

    private KeepApart keepApart(JsonNode node, String path) {
        JsonNode k = element(node, path);
        if (k == null) {
            return null;
        }
        String reference = text(k, "externalReference", path + ".externalReference", false, MAX_REFERENCE);
        String prisoner = text(k, "prisonerNumber", path + ".prisonerNumber", false, MAX_REFERENCE);
        if (reference == null && prisoner == null && !k.has("externalReference") && !k.has("prisonerNumber")) {
            v.add(path + ".externalReference", "REQUIRED", "Name the other person by externalReference or prisonerNumber");
        }
        KeepApart.Reason reason = enumValue(k, "reason", path + ".reason", KeepApart.Reason.class, true);
        return new KeepApart(reference, prisoner, reason);
    }

    // --- the field readers: each reports its own failure and returns null when the value is unusable ---

    private JsonNode present(JsonNode parent, String name) {
        JsonNode node = parent.get(name);
        return node == null || node.isNull() ? null : node;
    }

    private JsonNode element(JsonNode node, String path) {
        if (node == null || node.isNull()) {
            v.add(path, "REQUIRED", path + " is empty");
            return null;
        }
        if (!node.isObject()) {
            v.add(path, "INVALID_TYPE", path + " must be an object");
            return null;
        }
        return node;
    }

    private JsonNode object(JsonNode parent, String name, String path, boolean required) {
        JsonNode node = present(parent, name);
        if (node == null) {
            if (required) {
                v.add(path, "REQUIRED", path + " is required");
            }
            return null;
        }
        if (!node.isObject()) {
            v.add(path, "INVALID_TYPE", path + " must be an object");
            return null;
        }
        return node;
    }

    private JsonNode array(JsonNode parent, String name, String path, boolean required) {
        JsonNode node = present(parent, name);
        if (node == null) {
            if (required) {
                v.add(path, "REQUIRED", path + " is required");
            }
            return null;
        }
        if (!node.isArray()) {
            v.add(path, "INVALID_TYPE", path + " must be an array");
            return null;
        }
        if (node.size() > MAX_ITEMS) {
            v.add(path, "TOO_MANY", path + " has more than " + MAX_ITEMS + " items");
        }
        return node;
    }

    private String text(JsonNode parent, String name, String path, boolean required, int maxLength) {
        JsonNode node = present(parent, name);
        if (node == null || node.isString() && node.stringValue().isBlank()) {
            if (required) {
                v.add(path, "REQUIRED", path + " is required");
            }
            return null;
        }
        if (!node.isString()) {
            v.add(path, "INVALID_TYPE", path + " must be a string");
            return null;
        }
        String value = node.stringValue().strip();
        if (value.length() > maxLength) {
            v.add(path, "TOO_LONG", path + " is longer than " + maxLength + " characters");
            return null;
        }
        if (CONTROL.matcher(value).find()) {
            v.add(path, "INVALID_CHARACTERS", path + " contains control characters");
            return null;
        }
        return value;
    }

    private List<String> texts(JsonNode parent, String name, String path, boolean required, int maxLength) {
        JsonNode node = array(parent, name, path, required);
        if (node == null) {
            return required ? null : List.of();
        }
        List<String> values = new ArrayList<>();
        for (int i = 0; i < Math.min(node.size(), MAX_ITEMS); i++) {
            JsonNode item = node.get(i);
            String itemPath = path + "[" + i + "]";
            if (item == null || item.isNull() || item.isString() && item.stringValue().isBlank()) {
                v.add(itemPath, "REQUIRED", itemPath + " is empty");
                continue;
            }
            if (!item.isString()) {
                v.add(itemPath, "INVALID_TYPE", itemPath + " must be a string");
                continue;
            }
            String value = item.stringValue().strip();
            if (value.length() > maxLength) {
                v.add(itemPath, "TOO_LONG", itemPath + " is longer than " + maxLength + " characters");
                continue;
            }
            if (CONTROL.matcher(value).find()) {
                v.add(itemPath, "INVALID_CHARACTERS", itemPath + " contains control characters");
                continue;
            }
            values.add(value);
        }
        return values;
    }

    private LocalDate date(JsonNode parent, String name, String path, boolean required, boolean notInFuture) {
        String text = text(parent, name, path, required, 10);
        if (text == null) {
            return null;
        }
        LocalDate date;
        try {
            if (!DATE.matcher(text).matches()) {
                throw new DateTimeParseException("shape", text, 0);
            }
            date = LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            v.add(path, "INVALID_FORMAT", path + " is not a date of the form YYYY-MM-DD");
            return null;
        }
        if (notInFuture && date.isAfter(today)) {
            v.add(path, "INVALID_DATE", path + " lies in the future");
            return null;
        }
        return date;
    }

    private Boolean bool(JsonNode parent, String name, String path, boolean required) {
        JsonNode node = present(parent, name);
        if (node == null) {
            if (required) {
                v.add(path, "REQUIRED", path + " is required");
            }
            return null;
        }
        if (!node.isBoolean()) {
            v.add(path, "INVALID_TYPE", path + " must be true or false");
            return null;
        }
        return node.booleanValue();
    }

    private Integer integer(JsonNode parent, String name, String path, boolean required, int min, int max) {
        JsonNode node = present(parent, name);
        if (node == null) {
            if (required) {
                v.add(path, "REQUIRED", path + " is required");
            }
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            v.add(path, "INVALID_TYPE", path + " must be a whole number");
            return null;
        }
        int value = node.intValue();
        if (value < min || value > max) {
            v.add(path, "OUT_OF_RANGE", path + " must be between " + min + " and " + max);
            return null;
        }
        return value;
    }

    private <E extends Enum<E>> E enumValue(JsonNode parent, String name, String path, Class<E> type, boolean required) {
        String text = text(parent, name, path, required, 40);
        if (text == null) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(text)) {
                return constant;
            }
        }
        v.add(path, "INVALID_VALUE", path + " must be one of " + Arrays.toString(type.getEnumConstants()));
        return null;
    }

    private void country(String code, String path) {
        if (code != null && !COUNTRY.matcher(code).matches()) {
            v.add(path, "INVALID_FORMAT", path + " must be an ISO 3166 alpha-2 code such as US");
        }
    }
}
