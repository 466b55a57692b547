package de.kontor.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.verapdf.pdfa.flavours.PDFAFlavour;

class PdfDocumentTest {
    @Test
    void taggedPdfA3WithAttachmentPassesPdfAAndPdfUa() throws Exception {
        byte[] pdf;
        try (PdfDocument d = new PdfDocument("Auskunft für Jörg Müller", Instant.parse("2026-03-10T09:00:00Z"),
                Locale.GERMAN, 3)) {
            d.footer("Seite {0} von {1}");
            d.heading("Auskunft nach Art. 15 DSGVO");
            d.paragraph("Sehr geehrter Herr Müller,\n\nÄrger über Öl und Straße: ß, €, „Zitat“.");
            d.subheading("Zwecke");
            d.row("Name", "Jörg Müller");
            List<List<String>> rows = new ArrayList<>();
            for (int i = 0; i < 120; i++) {
                rows.add(List.of("2026-01-" + (i % 28 + 1), "Anruf", "Betreff " + i + " mit längerem Text, der umbricht und umbricht"));
            }
            d.table(List.of("Datum", "Art", "Betreff"), new float[] {1, 1, 3}, rows);
            d.attach("daten.json", "application/json", "Ihre Daten", "{\"a\":1}".getBytes(StandardCharsets.UTF_8));
            pdf = d.toBytes();
        }
        assertThat(PdfValidation.failures(pdf, PDFAFlavour.PDFA_3_B)).isEmpty();
        assertThat(PdfValidation.failures(pdf, PDFAFlavour.PDFUA_1)).isEmpty();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("Jörg Müller").contains("Seite 1 von " + doc.getNumberOfPages()).contains("Betreff 119");
        }
    }

    @Test
    void simpleDocumentStaysPdfA2() throws Exception {
        byte[] pdf;
        try (PdfDocument d = new PdfDocument("Deletion concept", Instant.now())) {
            d.heading("Deletion concept").paragraph("Text").row("Period", "1 year");
            pdf = d.toBytes();
        }
        assertThat(PdfValidation.failures(pdf, PDFAFlavour.PDFA_2_B)).isEmpty();
    }
}
