package org.custodia.referral.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.custodia.common.ApiException;
import org.custodia.common.FieldProblem;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The CSV form of referrals (docs/referral-import.md): one row per conviction; rows with the same externalReference
 * form one referral, whose person and other referral-wide columns are given on its first row (later rows may repeat
 * them or leave them empty). Each referral becomes the JSON body the API takes, so that one validation serves both;
 * the problems found in that body are named back by CSV column and line.
 */
@Component
class CsvReferralFormat {

    /** RFC 4180 as the documentation describes it: comma separated, double quotes, no comments, every column text. */
    private static final CsvSchema RFC_4180 = CsvSchema.emptySchema().withColumnSeparator(',').withQuoteChar('"')
            .withoutEscapeChar().withoutComments().withoutArrayElementSeparator();

    private final JsonMapper json;
    private final CsvMapper csv = new CsvMapper();

    CsvReferralFormat(JsonMapper json) {
        this.json = json;
    }
    private static final Pattern CONVICTION_PATH = Pattern.compile("convictions\\[(\\d+)](?:\\.(.*))?");
    private static final Pattern INDEX = Pattern.compile("\\[\\d+]");

    /** The columns given once per referral, in the order of the documentation, with the body path each fills. */
    static final Map<String, String> REFERRAL_COLUMNS = columns(
            "externalReference", "externalReference",
            "agreementCode", "agreementCode",
            "givenNames", "person.givenNames",
            "familyNames", "person.familyNames",
            "aliases", "person.aliases",
            "dateOfBirth", "person.dateOfBirth",
            "sex", "person.sex",
            "nationalities", "person.nationalities",
            "identityDocuments", "person.identityDocuments",
            "biometricReference", "person.biometricReference",
            "commitmentOrderReference", "commitmentOrder.reference",
            "commitmentOrderAuthority", "commitmentOrder.issuingAuthority",
            "commitmentOrderIssuedOn", "commitmentOrder.issuedOn",
            "legalBasis", "legalBasis",
            "gangGroup", "gangAffiliation.group",
            "gangText", "gangAffiliation.text",
            "gangSource", "gangAffiliation.source",
            "gangVerified", "gangAffiliation.verified",
            "proposedSecurityLevel", "proposedSecurityLevel",
            "fitToTravel", "medical.fitToTravel",
            "medicalConditions", "medical.conditions",
            "medication", "medical.medication",
            "keepApart", "keepApart",
            "consent", "consent",
            "consularNotificationRequested", "consularNotificationRequested");

    /** The columns of each row: one conviction. */
    static final Map<String, String> CONVICTION_COLUMNS = columns(
            "court", "court",
            "convictionCountry", "country",
            "caseNumber", "caseNumber",
            "offences", "offences",
            "convictionDate", "convictionDate",
            "judgmentFinal", "judgmentFinal",
            "finalSince", "finalSince",
            "sentenceYears", "sentence.years",
            "sentenceMonths", "sentence.months",
            "sentenceDays", "sentence.days",
            "lifeSentence", "sentence.life",
            "relation", "relation",
            "sentenceStartDate", "sentenceStartDate",
            "jailCreditDays", "jailCreditDays");

    private static final Set<String> LISTS = Set.of("aliases", "nationalities", "medicalConditions", "medication");
    private static final Set<String> BOOLEANS = Set.of("gangVerified", "fitToTravel", "consularNotificationRequested",
            "judgmentFinal", "lifeSentence");
    private static final Set<String> NUMBERS = Set.of("sentenceYears", "sentenceMonths", "sentenceDays", "jailCreditDays");

    record Parsed(int rows, List<ImportCandidate> candidates) {
    }

    /** Reads the file; a file that cannot be read as a whole (no header, unknown columns, broken quotes) is a 400. */
    Parsed read(String text) {
        List<Record> records = records(text);
        if (records.isEmpty()) {
            throw ApiException.validation(List.of(new FieldProblem("header", "REQUIRED", "The file has no header line")));
        }
        List<String> header = records.get(0).fields().stream().map(String::strip).toList();
        List<FieldProblem> problems = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (String column : header) {
            if (!REFERRAL_COLUMNS.containsKey(column) && !CONVICTION_COLUMNS.containsKey(column)) {
                problems.add(new FieldProblem(column, "UNKNOWN_COLUMN", "Unknown column '" + column
                        + "'; see docs/referral-import.md"));
            } else if (!seen.add(column)) {
                problems.add(new FieldProblem(column, "DUPLICATE_COLUMN", "Column " + column + " appears twice"));
            }
        }
        if (!header.contains("externalReference")) {
            problems.add(new FieldProblem("externalReference", "REQUIRED", "The header needs an externalReference column"));
        }
        if (!problems.isEmpty()) {
            throw ApiException.validation(problems);
        }
        Map<String, List<Row>> groups = new LinkedHashMap<>();
        int rows = 0;
        int anonymous = 0;
        for (Record record : records.subList(1, records.size())) {
            if (record.isBlank()) {
                continue;
            }
            rows++;
            Map<String, String> values = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                values.put(header.get(i), i < record.fields().size() ? record.fields().get(i).strip() : "");
            }
            Row row = new Row(record.line(), values, record.fields().size() == header.size() ? null
                    : "The line has " + record.fields().size() + " fields, the header " + header.size());
            String reference = values.getOrDefault("externalReference", "");
            String key = reference.isEmpty() ? "\u0000" + anonymous++ : reference;
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(row);
        }
        List<ImportCandidate> candidates = new ArrayList<>();
        groups.values().forEach(group -> candidates.add(candidate(group)));
        return new Parsed(rows, candidates);
    }

    private record Row(int line, Map<String, String> values, String lengthProblem) {
        String get(String column) {
            return values.getOrDefault(column, "");
        }
    }

    /** One CSV record and the line it starts on (the header is line 1). */
    record Record(int line, List<String> fields) {
        boolean isBlank() {
            return fields.stream().allMatch(String::isBlank);
        }
    }

    /**
     * The records of the file, read by Jackson's CSV parser (RFC 4180: quoted fields may hold commas, quotes doubled
     * and line breaks; a leading byte order mark is ignored); a file it cannot read is a 400 MALFORMED_CSV naming the
     * line.
     */
    List<Record> records(String text) {
        String s = text.startsWith("\uFEFF") ? text.substring(1) : text;
        List<Record> records = new ArrayList<>();
        try (JsonParser parser = csv.reader(RFC_4180).createParser(s)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token != JsonToken.START_ARRAY) {
                    continue;
                }
                // the line of the record's first field (a START_ARRAY's own location lags behind)
                int line = -1;
                List<String> fields = new ArrayList<>();
                while ((token = parser.nextToken()) != JsonToken.END_ARRAY && token != null) {
                    if (line < 0) {
                        line = parser.currentTokenLocation().getLineNr();
                    }
                    String value = parser.getString();
                    fields.add(value == null ? "" : value);
                }
                if (line < 0) {
                    line = parser.currentLocation().getLineNr();
                }
                records.add(new Record(line, List.copyOf(fields)));
            }
        } catch (JacksonException e) {
            int line = e.getLocation() == null ? records.size() + 1 : e.getLocation().getLineNr();
            throw ApiException.validation(List.of(new FieldProblem("line " + line, "MALFORMED_CSV",
                    "The file cannot be read as CSV near line " + line + ": " + e.getOriginalMessage())));
        }
        return records;
    }

    private ImportCandidate candidate(List<Row> rows) {
        List<ImportCandidate.ImportError> problems = new ArrayList<>();
        List<Integer> lines = rows.stream().map(Row::line).toList();
        for (Row row : rows) {
            if (row.lengthProblem() != null) {
                problems.add(new ImportCandidate.ImportError("line", "COLUMN_COUNT", row.lengthProblem(), row.line()));
            }
        }
        ObjectNode body = json.createObjectNode();
        for (String column : REFERRAL_COLUMNS.keySet()) {
            String value = "";
            for (Row row : rows) {
                String v = row.get(column);
                if (v.isEmpty()) {
                    continue;
                }
                if (value.isEmpty()) {
                    value = v;
                } else if (!value.equals(v)) {
                    problems.add(new ImportCandidate.ImportError(column, "INCONSISTENT_VALUE", column
                            + " differs from the referral's first line: '" + v + "' against '" + value + "'", row.line()));
                }
            }
            if (!value.isEmpty()) {
                put(body, REFERRAL_COLUMNS.get(column), column, value, rows.get(0).line(), problems);
            }
        }
        ArrayNode convictions = body.putArray("convictions");
        for (Row row : rows) {
            ObjectNode conviction = json.createObjectNode();
            boolean any = false;
            for (String column : CONVICTION_COLUMNS.keySet()) {
                String value = row.get(column);
                if (!value.isEmpty()) {
                    any = true;
                    put(conviction, CONVICTION_COLUMNS.get(column), column, value, row.line(), problems);
                }
            }
            if (any) {
                convictions.add(conviction);
            }
        }
        String reference = rows.get(0).get("externalReference");
        List<Integer> convictionLines = new ArrayList<>();
        for (Row row : rows) {
            if (CONVICTION_COLUMNS.keySet().stream().anyMatch(c -> !row.get(c).isEmpty())) {
                convictionLines.add(row.line());
            }
        }
        int firstLine = rows.get(0).line();
        return new ImportCandidate(lines, null, reference.isEmpty() ? null : reference, body, problems,
                p -> translate(p, firstLine, convictionLines));
    }

    /** Puts a cell's value at its body path, splitting the multi-valued cells. */
    private static void put(ObjectNode target, String path, String column, String value, int line,
                            List<ImportCandidate.ImportError> problems) {
        String[] parts = path.split("\\.");
        ObjectNode node = target;
        for (int i = 0; i < parts.length - 1; i++) {
            node = node.has(parts[i]) ? (ObjectNode) node.get(parts[i]) : node.putObject(parts[i]);
        }
        String name = parts[parts.length - 1];
        if (LISTS.contains(column)) {
            ArrayNode array = node.putArray(name);
            split(value).forEach(array::add);
        } else if (BOOLEANS.contains(column)) {
            switch (value.toLowerCase(Locale.ROOT)) {
                case "true", "yes" -> node.put(name, true);
                case "false", "no" -> node.put(name, false);
                default -> node.put(name, value); // the validation names the type error
            }
        } else if (NUMBERS.contains(column) && value.matches("\\d{1,9}")) {
            node.put(name, Integer.parseInt(value));
        } else if (column.equals("identityDocuments")) {
            ArrayNode array = node.putArray(name);
            for (String item : split(value)) {
                int first = item.indexOf(':');
                int last = item.lastIndexOf(':');
                if (first <= 0 || last <= first + 1 || last == item.length() - 1) {
                    problems.add(new ImportCandidate.ImportError(column, "INVALID_FORMAT",
                            "A document is TYPE:NUMBER:COUNTRY, e.g. PASSPORT:V12345678:VE; got '" + item + "'", line));
                    continue;
                }
                ObjectNode document = array.addObject();
                document.put("type", item.substring(0, first).strip());
                document.put("number", item.substring(first + 1, last).strip());
                document.put("issuingCountry", item.substring(last + 1).strip());
            }
        } else if (column.equals("offences")) {
            ArrayNode array = node.putArray(name);
            for (String item : split(value)) {
                int colon = item.indexOf(':');
                ObjectNode offence = array.addObject();
                offence.put("code", (colon < 0 ? item : item.substring(0, colon)).strip());
                if (colon >= 0 && !item.substring(colon + 1).isBlank()) {
                    offence.put("description", item.substring(colon + 1).strip());
                }
            }
        } else if (column.equals("keepApart")) {
            ArrayNode array = node.putArray(name);
            for (String item : split(value)) {
                int first = item.indexOf(':');
                int last = item.lastIndexOf(':');
                String kind = first < 0 ? "" : item.substring(0, first).strip().toUpperCase(Locale.ROOT);
                if (first <= 0 || last <= first + 1 || !(kind.equals("EXT") || kind.equals("PN"))) {
                    problems.add(new ImportCandidate.ImportError(column, "INVALID_FORMAT",
                            "A keep-apart entry is EXT:<externalReference>:<REASON> or PN:<prisonerNumber>:<REASON>; got '"
                                    + item + "'", line));
                    continue;
                }
                ObjectNode entry = array.addObject();
                entry.put(kind.equals("EXT") ? "externalReference" : "prisonerNumber", item.substring(first + 1, last).strip());
                entry.put("reason", item.substring(last + 1).strip());
            }
        } else {
            node.put(name, value);
        }
    }

    private static List<String> split(String value) {
        List<String> items = new ArrayList<>();
        for (String item : value.split("\\|")) {
            if (!item.isBlank()) {
                items.add(item.strip());
            }
        }
        return items;
    }

    /** Names a problem of the body by the CSV column it came from and its line. */
    static ImportCandidate.ImportError translate(FieldProblem p, int firstLine, List<Integer> convictionLines) {
        Matcher m = CONVICTION_PATH.matcher(p.field());
        if (m.matches()) {
            int index = Integer.parseInt(m.group(1));
            Integer line = index < convictionLines.size() ? convictionLines.get(index) : firstLine;
            String rest = m.group(2) == null ? "" : INDEX.matcher(m.group(2)).replaceAll("");
            String column = columnFor(CONVICTION_COLUMNS, rest.startsWith("offences") ? "offences" : rest);
            if (column == null && rest.equals("sentence")) {
                column = "sentenceYears";
            }
            column = column == null ? p.field() : column;
            return new ImportCandidate.ImportError(column, p.code(), p.message().replace(p.field(), column), line);
        }
        String canonical = INDEX.matcher(p.field()).replaceAll("");
        String column = canonical.equals("convictions") ? "court" : columnFor(REFERRAL_COLUMNS, canonical);
        if (column == null && canonical.startsWith("person.identityDocuments")) {
            column = "identityDocuments";
        } else if (column == null && canonical.startsWith("keepApart")) {
            column = "keepApart";
        }
        column = column == null ? p.field() : column;
        return new ImportCandidate.ImportError(column, p.code(), p.message().replace(p.field(), column), firstLine);
    }

    private static String columnFor(Map<String, String> columns, String path) {
        for (Map.Entry<String, String> e : columns.entrySet()) {
            if (e.getValue().equals(path)) {
                return e.getKey();
            }
        }
        return null;
    }

    private static Map<String, String> columns(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(map);
    }
}
