package org.custodia.referral.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV: comma separated, fields optionally in double quotes (a quote inside doubled), quoted fields may hold
 * commas and line breaks, lines end with CRLF or LF. A leading byte order mark is ignored.
 */
final class CsvReader {

    /** One record and the number of the line it starts on (1 for the header). */
    record Record(int line, List<String> fields) {
        boolean isBlank() {
            return fields.stream().allMatch(String::isBlank);
        }
    }

    static final class MalformedCsv extends RuntimeException {
        final int line;

        MalformedCsv(int line, String message) {
            super(message);
            this.line = line;
        }
    }

    private CsvReader() {
    }

    static List<Record> read(String text) {
        String s = text.startsWith("\uFEFF") ? text.substring(1) : text;
        List<Record> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int line = 1;
        int recordLine = 1;
        boolean quoted = false;
        boolean afterQuote = false;
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < s.length() && s.charAt(i + 1) == '"') {
                        field.append('"');
                        i += 2;
                        continue;
                    }
                    quoted = false;
                    afterQuote = true;
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
                i++;
                continue;
            }
            switch (c) {
                case '"' -> {
                    if (field.length() > 0 || afterQuote) {
                        throw new MalformedCsv(line, "A quote inside an unquoted field on line " + line);
                    }
                    quoted = true;
                }
                case ',' -> {
                    fields.add(field.toString());
                    field.setLength(0);
                    afterQuote = false;
                }
                case '\r' -> {
                    // part of CRLF; a lone CR is dropped
                }
                case '\n' -> {
                    fields.add(field.toString());
                    field.setLength(0);
                    afterQuote = false;
                    records.add(new Record(recordLine, List.copyOf(fields)));
                    fields.clear();
                    line++;
                    recordLine = line;
                }
                default -> {
                    if (afterQuote) {
                        throw new MalformedCsv(line, "Text after a closing quote on line " + line);
                    }
                    field.append(c);
                }
            }
            i++;
        }
        if (quoted) {
            throw new MalformedCsv(recordLine, "A quoted field opened on line " + recordLine + " is never closed");
        }
        if (field.length() > 0 || !fields.isEmpty() || afterQuote) {
            fields.add(field.toString());
            records.add(new Record(recordLine, List.copyOf(fields)));
        }
        return records;
    }
}
