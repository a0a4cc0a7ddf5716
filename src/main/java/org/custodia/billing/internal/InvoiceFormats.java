package org.custodia.billing.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.custodia.billing.internal.BillingViews.InvoiceView;
import org.custodia.billing.internal.BillingViews.LineView;
import org.custodia.billing.internal.BillingViews.RosterLine;
import org.custodia.common.ApiException;
import org.custodia.common.FieldProblem;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;

/** The invoice as CSV (one row per line) and as a bilingual PDF (Spanish / English, DejaVu Sans embedded); rosters from CSV. */
@Component
class InvoiceFormats {

    private static final CsvMapper CSV = CsvMapper.builder().build();

    /** One row of the invoice's CSV. */
    @com.fasterxml.jackson.annotation.JsonPropertyOrder({"line", "kind", "prisonerNumber", "externalReference",
            "securityLevel", "firstDay", "lastDay", "days", "rate", "amount", "correctsInvoice", "correctsLine", "reason"})
    record CsvLine(int line, String kind, String prisonerNumber, String externalReference, String securityLevel,
                   String firstDay, String lastDay, Integer days, String rate, String amount, String correctsInvoice,
                   Integer correctsLine, String reason) {
    }

    /** One row of a roster CSV: {@code externalReference,days}. */
    record RosterCsv(String externalReference, String days) {
    }

    String csv(InvoiceView invoice) {
        List<CsvLine> rows = new ArrayList<>();
        for (LineView l : invoice.lines()) {
            rows.add(new CsvLine(l.line(), l.kind(), l.prisonerNumber(), l.externalReference(), l.securityLevel(),
                    str(l.firstDay()), str(l.lastDay()), l.days(), l.rate() == null ? null : l.rate().toPlainString(),
                    l.amount().toPlainString(), l.corrects() == null ? null : l.corrects().invoice(),
                    l.corrects() == null ? null : l.corrects().line(), l.reason()));
        }
        CsvSchema schema = CSV.schemaFor(CsvLine.class).withHeader();
        return CSV.writer(schema).writeValueAsString(rows);
    }

    List<RosterLine> roster(String text) {
        List<RosterLine> lines = new ArrayList<>();
        List<FieldProblem> problems = new ArrayList<>();
        CsvSchema schema = CsvSchema.emptySchema().withHeader();
        try (MappingIterator<RosterCsv> rows = CSV.readerFor(RosterCsv.class).with(schema).readValues(text)) {
            int row = 1;
            while (rows.hasNextValue()) {
                RosterCsv r = rows.nextValue();
                row++;
                Integer days = null;
                try {
                    days = r.days() == null ? null : Integer.valueOf(r.days().strip());
                } catch (NumberFormatException e) {
                    problems.add(new FieldProblem("row " + row + ".days", "INVALID_VALUE", "days is a whole number"));
                }
                lines.add(new RosterLine(r.externalReference(), days));
            }
        } catch (JacksonException e) {
            throw ApiException.validation(List.of(new FieldProblem("", "INVALID_CSV",
                    "A CSV with the header externalReference,days: " + e.getOriginalMessage())));
        }
        if (!problems.isEmpty()) {
            throw ApiException.validation(problems);
        }
        return lines;
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }

    // --- PDF

    byte[] pdf(InvoiceView invoice, String sendingParty, String receivingParty) {
        try (PDDocument doc = new PDDocument()) {
            PDFont regular = font(doc, "/fonts/DejaVuSans.ttf");
            PDFont bold = font(doc, "/fonts/DejaVuSans-Bold.ttf");
            Writer w = new Writer(doc, regular, bold);
            w.text(bold, 14, "Factura / Invoice " + invoice.number());
            w.text(regular, 9, "Convenio / Agreement: " + invoice.agreementCode() + "    Periodo / Period: "
                    + invoice.period() + " (" + invoice.firstDay() + " – " + invoice.lastDay() + ")");
            w.text(regular, 9, "Estado remitente / Sending state: " + sendingParty + "    Estado receptor / Receiving state: "
                    + receivingParty);
            w.text(regular, 9, "Estado / Status: " + invoice.status() + "    Emitida / Issued: " + invoice.issuedAt()
                    + "    Moneda / Currency: " + invoice.currency());
            w.gap();
            float[] cols = {40, 60, 118, 200, 290, 340, 392, 420, 470};
            w.row(bold, 7, cols, new String[] {"N.º", "Concepto", "Recluso", "Referencia", "Desde", "Hasta", "Días",
                    "Tarifa", "Importe"});
            w.row(bold, 7, cols, new String[] {"No.", "Kind", "Prisoner", "Reference", "From", "To", "Days", "Rate",
                    "Amount"});
            for (LineView l : invoice.lines()) {
                w.row(regular, 7, cols, new String[] {Integer.toString(l.line()), kind(l.kind()),
                        nz(l.prisonerNumber()), nz(l.externalReference()), str(l.firstDay()), str(l.lastDay()),
                        l.days() == null ? "" : l.days().toString(), l.rate() == null ? "" : l.rate().toPlainString(),
                        l.amount().toPlainString()});
                if (l.corrects() != null) {
                    w.text(regular, 6, "    corrige / corrects " + l.corrects().invoice() + " #" + l.corrects().line()
                            + ": " + nz(l.reason()));
                }
            }
            w.gap();
            w.text(bold, 11, "Total: " + money(invoice.total()) + " " + invoice.currency());
            w.text(regular, 7, "Redondeo: cada línea es tarifa × días redondeada al centavo (mitad al par); el total suma "
                    + "las líneas. / " + BillingViews.ROUNDING + ".");
            w.close();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String kind(String kind) {
        return switch (kind) {
            case "CUSTODY_DAYS" -> "Días / Days";
            case "INTAKE_FEE" -> "Ingreso / Intake";
            default -> "Ajuste / Adjust.";
        };
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String money(BigDecimal b) {
        return b == null ? "" : b.toPlainString();
    }

    private static PDFont font(PDDocument doc, String path) throws IOException {
        try (InputStream in = InvoiceFormats.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IOException("font " + path + " missing");
            }
            return PDType0Font.load(doc, in);
        }
    }

    /** Writes lines down A4 pages, starting a new page when one is full. */
    private static final class Writer {
        private final PDDocument doc;
        private PDPageContentStream stream;
        private float y;

        Writer(PDDocument doc, PDFont regular, PDFont bold) throws IOException {
            this.doc = doc;
            newPage();
        }

        private void newPage() throws IOException {
            if (stream != null) {
                stream.close();
            }
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            stream = new PDPageContentStream(doc, page);
            y = PDRectangle.A4.getHeight() - 40;
        }

        private void room(float height) throws IOException {
            if (y - height < 40) {
                newPage();
            }
        }

        void text(PDFont font, float size, String text) throws IOException {
            room(size + 4);
            stream.beginText();
            stream.setFont(font, size);
            stream.newLineAtOffset(40, y);
            stream.showText(text);
            stream.endText();
            y -= size + 4;
        }

        void row(PDFont font, float size, float[] cols, String[] cells) throws IOException {
            room(size + 3);
            for (int i = 0; i < cells.length && i < cols.length; i++) {
                if (cells[i] == null || cells[i].isEmpty()) {
                    continue;
                }
                stream.beginText();
                stream.setFont(font, size);
                stream.newLineAtOffset(cols[i], y);
                stream.showText(cells[i]);
                stream.endText();
            }
            y -= size + 3;
        }

        void gap() {
            y -= 6;
        }

        void close() throws IOException {
            stream.close();
        }
    }
}
