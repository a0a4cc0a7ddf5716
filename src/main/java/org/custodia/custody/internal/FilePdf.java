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

    FilePdf(MessageSource messages, CustodyTime time) {
        this.messages = messages;
        this.time = time;
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

            w.heading(t(locale, "custody.section.identity"));
            w.field(t(locale, "custody.field.number"), p.number());
            w.field(t(locale, "custody.field.name"), p.fullName());
            w.field(t(locale, "custody.field.aliases"), String.join(", ", p.person().aliases()));
            w.field(t(locale, "custody.field.dateOfBirth"), String.valueOf(p.person().dateOfBirth()));
            w.field(t(locale, "custody.field.sex"), t(locale, "custody.sex." + p.person().sex()));
            if (p.person().selfPerceivedGender() != null) {
                w.field(t(locale, "custody.field.gender"), p.person().selfPerceivedGender());
            }
            w.field(t(locale, "custody.field.nationalities"), String.join(", ", p.nationalities()));
            w.field(t(locale, "custody.field.documents"), p.person().identityDocuments().stream()
                    .map(d -> d.type() + " " + d.number() + " (" + d.issuingCountry() + ")").collect(Collectors.joining("; ")));
            w.field(t(locale, "custody.field.biometric"), p.person().biometricReference());

            w.heading(t(locale, "custody.section.custody"));
            w.field(t(locale, "custody.field.status"), t(locale, "custody.status." + p.status().name()));
            w.field(t(locale, "custody.field.legalCustodian"), p.legalCustodian());
            w.field(t(locale, "custody.field.physicalCustodian"), p.physicalCustodian());
            w.field(t(locale, "custody.field.agreement"), p.agreementCode());
            w.field(t(locale, "custody.field.cell"), p.cell() == null ? t(locale, "custody.unhoused") : p.cell());
            w.field(t(locale, "custody.field.securityLevel"), t(locale, "custody.level." + p.securityLevel()));
            w.field(t(locale, "custody.field.affiliation"), p.gangGroup() == null ? "-" : p.gangGroup() + " (" + p.gangSource() + ")");
            w.field(t(locale, "custody.field.admittedAt"), at(p.admittedAt(), zone));

            w.heading(t(locale, "custody.section.commitment"));
            w.field(t(locale, "custody.field.commitmentOrder"), p.commitmentOrder().reference() + ", "
                    + p.commitmentOrder().issuingAuthority() + ", " + p.commitmentOrder().issuedOn());
            w.field(t(locale, "custody.field.responsibleAuthority"), p.responsibleAuthority());
            if (p.arrest() != null) {
                w.field(t(locale, "custody.field.arrest"), p.arrest().date() + (p.arrest().time() == null ? "" : " " + p.arrest().time())
                        + ", " + p.arrest().place());
            }
            for (var c : p.convictions()) {
                w.field(t(locale, "custody.field.conviction"), c.court() + ", " + c.caseNumber() + ": "
                        + c.offences().stream().map(o -> o.code() + " " + o.description()).collect(Collectors.joining("; ")));
            }

            w.heading(t(locale, "custody.section.sentence"));
            if (sentence.life()) {
                w.line(false, t(locale, "custody.sentence.life"));
            } else {
                w.field(t(locale, "custody.field.fullTermDate"), String.valueOf(sentence.fullTermDate()));
                w.field(t(locale, "custody.field.gct"), String.valueOf(sentence.goodConductTimeDays()));
                w.field(t(locale, "custody.field.gctForfeited"), String.valueOf(sentence.gctForfeitedDays()));
                w.field(t(locale, "custody.field.projectedReleaseDate"), String.valueOf(sentence.projectedReleaseDate()));
                w.field(t(locale, "custody.field.releaseDate"), String.valueOf(sentence.releaseDate()));
            }
            for (var step : sentence.breakdown()) {
                w.line(false, step.step() + ". " + step.description());
            }

            var h = p.handover();
            w.heading(t(locale, "custody.section.handover"));
            w.field(t(locale, "custody.field.identityVerified"), String.valueOf(h.verificationMethod()));
            w.field(t(locale, "custody.field.condition"), h.conditionOnArrival());
            w.field(t(locale, "custody.field.injuries"), h.injuriesObserved());
            w.field(t(locale, "custody.field.illTreatment"), h.complains()
                    ? t(locale, "custody.yes") + ": " + h.illTreatmentDetails() : t(locale, "custody.no"));
            w.field(t(locale, "custody.field.property"), h.property() == null ? "-" : h.property().stream()
                    .map(i -> i.quantity() + " x " + i.description()).collect(Collectors.joining("; ")));
            w.field(t(locale, "custody.field.family"), h.familyMembers() == null ? "-" : h.familyMembers().stream()
                    .map(m -> m.name() + " (" + m.relationship() + (m.age() == null ? "" : ", " + m.age())
                            + (m.location() == null ? "" : ", " + m.location())
                            + (m.custodyStatus() == null ? "" : ", " + m.custodyStatus()) + ")")
                    .collect(Collectors.joining("; ")));
            if (h.emergencyContact() != null) {
                w.field(t(locale, "custody.field.emergencyContact"), h.emergencyContact().name()
                        + (h.emergencyContact().phone() == null ? "" : ", " + h.emergencyContact().phone()));
            }
            if (h.nextOfKin() != null) {
                w.field(t(locale, "custody.field.nextOfKin"), h.nextOfKin().name());
            }
            w.field(t(locale, "custody.field.consularRights"), (Boolean.TRUE.equals(h.informedOfConsularRights()) ? t(locale, "custody.yes") : t(locale, "custody.no"))
                    + " / " + (h.wantsConsulNotified() ? t(locale, "custody.yes") : t(locale, "custody.no")));

            w.heading(t(locale, "custody.section.timeline"));
            for (FileEvent e : events) {
                Map<String, Object> details = CustodyViews.Event.of(e, reader).details();
                w.line(true, at(e.occurredAt(), zone) + "  " + t(locale, "custody.event." + e.type()));
                w.line(false, "   " + t(locale, "custody.timeline.recorded", at(e.recordedAt(), zone), e.recordedBy()));
                String text = details.entrySet().stream().filter(d -> d.getValue() != null)
                        .map(d -> d.getKey() + ": " + d.getValue()).collect(Collectors.joining("; "));
                if (!text.isEmpty()) {
                    w.line(false, "   " + text);
                }
            }

            if (!notifications.isEmpty()) {
                w.heading(t(locale, "custody.section.notifications"));
                for (CustodyViews.Notification n : notifications) {
                    w.line(false, at(n.createdAt(), zone) + "  " + n.subject() + " -> " + n.recipient()
                            + " (" + n.channel() + ", " + n.status() + ")");
                }
            }
            if (p.isReleased()) {
                w.heading(t(locale, "custody.section.release"));
                w.field(t(locale, "custody.field.releaseType"), t(locale, "custody.release." + p.releaseType()));
                w.field(t(locale, "custody.field.effectiveAt"), at(p.releasedAt(), zone));
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
