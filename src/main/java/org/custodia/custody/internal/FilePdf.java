package org.custodia.custody.internal;

import org.custodia.identity.LanguageResolver;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.text.Bidi;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.custodia.identity.CurrentUser;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The official copy of a prisoner file (Mandela Rule 9), in Spanish or English. The text is set in DejaVu Sans, shipped
 * in the jar ({@code fonts/}, from Debian's fonts-dejavu-core, licence beside it) and embedded as a subset, so that
 * every name prints as written: Latin with diacritics, Cyrillic, Greek, Arabic, Hebrew. Right-to-left runs are laid
 * out in visual order (java.text.Bidi); a glyph the font lacks becomes '?'.
 */
@Component
class FilePdf {

    private static final float MARGIN = 50;
    private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final MessageSource messages;
    private final CustodyTime time;
    private final FileView view;

    FilePdf(MessageSource messages, CustodyTime time, FileView view) {
        this.messages = messages;
        this.time = time;
        this.view = view;
    }

    /** {@code ?lang=}, else Accept-Language, else the reader's own language (the one resolver's rules). */
    static Locale locale(String lang, String acceptLanguage, String userLocale) {
        return LanguageResolver.parse(lang).orElseGet(() -> LanguageResolver.fromAcceptLanguage(acceptLanguage,
                LanguageResolver.parse(userLocale).orElse(LanguageResolver.CONSOLE_DEFAULT)));
    }

    byte[] render(PrisonerRecord p, SentenceDates sentence, List<FileEvent> events, List<CustodyViews.Notification> notifications,
                  CurrentUser reader, Locale locale) {
        ZoneId zone = time.zoneOf(p.facilityCode());
        try (PDDocument document = new PDDocument(); Writer w = new Writer(document)) {
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle(t(locale, "custody.pdf.title") + " " + p.number());
            info.setAuthor("Custodia");
            w.title(t(locale, "custody.pdf.title"));
            w.line(true, p.number() + " - " + p.fullName());
            w.line(false, t(locale, "custody.pdf.issued", TIME.format(time.now().atZone(zone)) + " " + zone.getId(),
                    reader.displayName() + " (" + reader.username() + ")"));
            w.gap();

            // the same facts, with the same words, as the console's page: one model for both
            FileView.File file = view.of(p, sentence, events, notifications, reader, locale);
            for (FileView.Section section : file.sections()) {
                w.heading(section.heading());
                for (FileView.Field field : section.fields()) {
                    w.field(field.label(), field.value());
                }
                if ("sentence".equals(section.id())) {
                    for (String step : file.breakdown()) {
                        w.line(false, step);
                    }
                }
            }
            w.heading(t(locale, "custody.section.timeline"));
            if (file.timeline().isEmpty()) {
                w.line(false, t(locale, "custody.timeline.none"));
            }
            for (FileView.Entry e : file.timeline()) {
                w.line(true, e.when() + "  " + e.title());
                w.line(false, "   " + e.recorded());
                for (FileView.Field field : e.fields()) {
                    w.line(false, "   " + field.label() + ": " + (field.value() == null || field.value().isBlank()
                            ? "-" : field.value()));
                }
            }
            if (!file.notifications().isEmpty()) {
                w.heading(t(locale, "custody.section.notifications"));
                for (String line : file.notifications()) {
                    w.line(false, line);
                }
            }
            w.close();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String t(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    private static String at(Instant instant, ZoneId zone) {
        return instant == null ? "-" : TIME.format(instant.atZone(zone));
    }

    /** Lays out lines top to bottom, wrapping and opening pages as needed. */
    private static final class Writer implements AutoCloseable {
        private final PDDocument document;
        private final PDFont regular;
        private final PDFont bold;
        private PDPageContentStream stream;
        private float y;

        Writer(PDDocument document) throws IOException {
            this.document = document;
            this.regular = font(document, "fonts/DejaVuSans.ttf");
            this.bold = font(document, "fonts/DejaVuSans-Bold.ttf");
        }

        private static PDFont font(PDDocument document, String resource) throws IOException {
            try (InputStream in = FilePdf.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IOException("The font " + resource + " is missing from the jar");
                }
                return PDType0Font.load(document, in);
            }
        }

        void title(String text) throws IOException {
            write(bold, 16, text);
        }

        void heading(String text) throws IOException {
            gap();
            write(bold, 12, text);
        }

        void field(String label, String value) throws IOException {
            write(regular, 10, label + ": " + (value == null || value.isBlank() ? "-" : value));
        }

        void line(boolean strong, String text) throws IOException {
            write(strong ? bold : regular, 10, text);
        }

        void gap() {
            y -= 8;
        }

        private void write(PDFont font, float size, String raw) throws IOException {
            String text = safe(font, raw);
            for (String line : wrap(font, size, text)) {
                float leading = size * 1.35f;
                if (stream == null || y - leading < MARGIN) {
                    newPage();
                }
                y -= leading;
                stream.beginText();
                stream.setFont(font, size);
                stream.newLineAtOffset(MARGIN, y);
                stream.showText(line);
                stream.endText();
            }
        }

        private void newPage() throws IOException {
            if (stream != null) {
                stream.close();
            }
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            stream = new PDPageContentStream(document, page);
            y = PDRectangle.A4.getHeight() - MARGIN;
        }

        private static List<String> wrap(PDFont font, float size, String text) throws IOException {
            List<String> lines = new ArrayList<>();
            StringBuilder current = new StringBuilder();
            for (String word : text.split(" ")) {
                String candidate = current.isEmpty() ? word : current + " " + word;
                if (font.getStringWidth(candidate) / 1000 * size <= WIDTH || current.isEmpty()) {
                    current.setLength(0);
                    current.append(candidate);
                } else {
                    lines.add(current.toString());
                    current.setLength(0);
                    current.append(word);
                }
            }
            lines.add(current.toString());
            return lines;
        }

        /**
         * In visual order (right-to-left runs reversed, as PDF text is drawn left to right); what the font cannot
         * encode becomes '?'; control characters become spaces.
         */
        static String safe(PDFont font, String raw) {
            String text = visual(Normalizer.normalize(raw == null ? "" : raw, Normalizer.Form.NFC));
            StringBuilder out = new StringBuilder(text.length());
            text.codePoints().forEach(cp -> {
                if (Character.isISOControl(cp) || Character.isWhitespace(cp)) {
                    out.append(' ');
                    return;
                }
                String ch = new String(Character.toChars(cp));
                try {
                    font.encode(ch);
                    out.append(ch);
                } catch (IOException | IllegalArgumentException e) {
                    out.append('?');
                }
            });
            return out.toString();
        }

        static String visual(String text) {
            if (!Bidi.requiresBidi(text.toCharArray(), 0, text.length())) {
                return text;
            }
            Bidi bidi = new Bidi(text, Bidi.DIRECTION_DEFAULT_LEFT_TO_RIGHT);
            int runs = bidi.getRunCount();
            byte[] levels = new byte[runs];
            String[] parts = new String[runs];
            for (int i = 0; i < runs; i++) {
                levels[i] = (byte) bidi.getRunLevel(i);
                String run = text.substring(bidi.getRunStart(i), bidi.getRunLimit(i));
                parts[i] = levels[i] % 2 == 1 ? new StringBuilder(run).reverse().toString() : run;
            }
            Bidi.reorderVisually(levels, 0, parts, 0, runs);
            return String.join("", parts);
        }

        @Override
        public void close() throws IOException {
            if (stream != null) {
                stream.close();
                stream = null;
            }
        }
    }
}
