package de.kontor.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import de.kontor.app.Workspace;
import de.kontor.domain.request.ControllerDetails;
import de.kontor.i18n.Messages;
import de.kontor.report.PdfValidation;
import de.kontor.testing.TestWorkspaces;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verapdf.pdfa.flavours.PDFAFlavour;

class RopaReportTest {
    @TempDir
    Path dir;
    @TempDir
    Path files;

    @Test
    void registerIsPdfA3AndPdfUaInBothLanguages() throws Exception {
        try (Workspace w = TestWorkspaces.create(dir)) {
            w.subjectData().setController(w.principal(), new ControllerDetails("Bäckerei Sonnenschein",
                    "Marktplatz 1, 50667 Köln", "info@sonnenschein.de", "Frau Özdemir", "LDI NRW"));
            for (Locale locale : List.of(Locale.GERMAN, Locale.ENGLISH)) {
                Path out = files.resolve("vvt-" + locale.getLanguage() + ".pdf");
                w.subjectData().processingRecords(w.principal(), locale, out);
                byte[] pdf = Files.readAllBytes(out);
                assertThat(PdfValidation.failures(pdf, PDFAFlavour.PDFA_3_B)).isEmpty();
                assertThat(PdfValidation.failures(pdf, PDFAFlavour.PDFUA_1)).isEmpty();
                String text;
                try (PDDocument doc = Loader.loadPDF(pdf)) {
                    text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
                }
                Messages m = new Messages(locale);
                for (String key : List.of("ropa.title", "ropa.h.controller", "ropa.h.activities", "ropa.h.deletion",
                        "ropa.h.security")) {
                    assertThat(text).as(key).contains(m.get(key));
                }
                assertThat(text).contains("Bäckerei Sonnenschein", "LDI NRW", "AO § 147");
            }
            assertThat(w.audit().log(w.principal(), null, 3)).anySatisfy(e -> assertThat(e.field()).isEqualTo("ropa"));
        }
    }
}
