package de.kontor.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.kontor.app.Workspace;
import de.kontor.domain.ActivityData;
import de.kontor.domain.ActivityKind;
import de.kontor.domain.ContactKind;
import de.kontor.domain.EmailAddress;
import de.kontor.domain.KontorException;
import de.kontor.domain.NotFoundException;
import de.kontor.domain.Person;
import de.kontor.domain.PersonData;
import de.kontor.domain.PhoneNumber;
import de.kontor.domain.PostalAddress;
import de.kontor.domain.ProvenanceInput;
import de.kontor.domain.SourceKind;
import de.kontor.domain.audit.AuditAction;
import de.kontor.domain.privacy.ConsentMethod;
import de.kontor.domain.privacy.LawfulBasis;
import de.kontor.domain.request.ControllerDetails;
import de.kontor.domain.request.RequestType;
import de.kontor.domain.request.SubjectRequest;
import de.kontor.privacy.RequestService;
import de.kontor.report.PdfValidation;
import de.kontor.testing.TestWorkspaces;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verapdf.pdfa.flavours.PDFAFlavour;

class AccessReportTest {
    private static final List<String> HEADINGS = List.of("access.h.purposes", "access.h.categories",
            "access.h.recipients", "access.h.storage", "access.h.rights", "access.h.complaint", "access.h.source",
            "access.h.automated", "access.h.transfers", "access.h.copy", "access.copy.master", "access.copy.contact",
            "access.copy.consents", "access.copy.bases", "access.copy.activities", "access.copy.documents",
            "access.copy.audit");

    @TempDir
    Path dir;
    @TempDir
    Path files;
    Workspace w;
    Person joerg;

    @BeforeEach
    void setUp() {
        w = TestWorkspaces.create(dir);
        PersonData d = new PersonData("Herr", "Dr.", "Jörg", "Müller-Lüdenscheidt", LocalDate.of(1971, 5, 17), "de",
                "Bäckerei Größe GmbH", "Geschäftsführer",
                List.of(EmailAddress.work("joerg@baeckerei-groesse.de"), new EmailAddress(ContactKind.PRIVATE, "jm@example.de")),
                List.of(PhoneNumber.of(ContactKind.MOBILE, "0171 2345678")),
                List.of(new PostalAddress(ContactKind.WORK, "Hauptstraße", "5", null, "50667", "Köln", null, "DE")),
                List.of("Stammkunde", "Brötchen"), "Mag Roggenbrötchen; ruft lieber vormittags an.");
        joerg = w.contacts().create(w.principal(), d, ProvenanceInput.of(SourceKind.BUSINESS_CARD, "Messe Köln 2026"));
        w.purposes().addText(w.principal(), "newsletter", "2026-1", "Ja, ich möchte den Newsletter per E-Mail erhalten. "
                + "Abmeldung jederzeit möglich.");
        w.consents().grant(w.principal(), joerg.id(), "newsletter", ConsentMethod.WRITTEN_FORM, "2026-1", null, null, null);
        w.consents().withdraw(w.principal(), joerg.id(), "newsletter", "Telefon");
        w.consents().grant(w.principal(), joerg.id(), "newsletter", ConsentMethod.EMAIL, "2026-1", null, null, null);
        w.consents().setBasis(w.principal(), joerg.id(), "customer-service", LawfulBasis.CONTRACT, null, null,
                "Auftrag 4711", null);
        Instant t = Instant.now().minus(300, ChronoUnit.DAYS);
        for (int i = 0; i < 150; i++) {
            w.activities().add(w.principal(), joerg.id(), new ActivityData(i % 3 == 0 ? ActivityKind.CALL : ActivityKind.EMAIL,
                    t.plus(i, ChronoUnit.DAYS), "Rückfrage Nr. " + i, "Gespräch über Größe der Brötchenlieferung " + i));
        }
        w.restrictions().restrict(w.principal(), joerg.id(), "Richtigkeit bestritten (Art. 18 Abs. 1 lit. a)", null);
        w.subjectData().setController(w.principal(), new ControllerDetails("Bäckerei Sonnenschein", "Marktplatz 1, 50667 Köln",
                "datenschutz@sonnenschein.de", "Frau Özdemir, datenschutz@sonnenschein.de",
                "Landesbeauftragte für Datenschutz und Informationsfreiheit Nordrhein-Westfalen"));
    }

    @AfterEach
    void tearDown() {
        w.close();
    }

    @Test
    void germanReportIsPdfA3AndPdfUaWithEveryArticle15ItemAndTheEmbeddedExport() throws Exception {
        SubjectRequest req = w.requests().register(w.principal(), new RequestService.NewRequest(RequestType.ACCESS,
                joerg.id(), null, null, "E-Mail", "Antwort von bekannter Adresse"));
        Path out = files.resolve("auskunft.pdf");
        var r = w.subjectData().accessReport(w.principal(), joerg.id(), null, req.id(), out);
        byte[] pdf = Files.readAllBytes(out);
        assertThat(r.sha256()).isEqualTo(OutputFile.sha256(pdf));
        assertThat(PdfValidation.failures(pdf, PDFAFlavour.PDFA_3_B)).isEmpty();
        assertThat(PdfValidation.failures(pdf, PDFAFlavour.PDFUA_1)).isEmpty();
        String text = text(pdf);
        var de = new de.kontor.i18n.Messages(Locale.GERMAN);
        for (String h : HEADINGS) {
            assertThat(text).as(h).contains(de.get(h));
        }
        assertThat(text).contains("Jörg", "Müller-Lüdenscheidt", "joerg@baeckerei-groesse.de", "0171 2345678",
                "Hauptstraße", "Köln", "Bäckerei Größe GmbH", "Rückfrage Nr. 0", "Rückfrage Nr. 149",
                "Ja, ich möchte den Newsletter", "widerrufen", "Richtigkeit bestritten", "Auftrag 4711",
                "Messe Köln 2026", "Landesbeauftragte für Datenschutz", "Frau Özdemir", "Seite 1 von",
                "Antrag Nr. " + req.id(), "nicht statt");
        byte[] json = embedded(pdf);
        assertThat(ExportSchema.errors(json)).isEmpty();
        assertThat(new String(json, java.nio.charset.StandardCharsets.UTF_8)).contains("Müller-Lüdenscheidt");

        SubjectRequest after = w.requests().get(w.principal(), req.id());
        assertThat(after.files()).singleElement().satisfies(f -> {
            assertThat(f.fileName()).isEqualTo("auskunft.pdf");
            assertThat(f.sha256()).isEqualTo(r.sha256());
        });
        assertThat(w.audit().log(w.principal(), joerg.id(), 20)).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo(AuditAction.EXPORT);
            assertThat(e.field()).isEqualTo("accessReport");
            assertThat(e.newValue()).contains(r.sha256());
        });
        assertThat(w.audit().verify(w.principal()).ok()).isTrue();
    }

    @Test
    void englishReportPassesToo() throws Exception {
        Path out = files.resolve("access.pdf");
        w.subjectData().accessReport(w.principal(), joerg.id(), Locale.ENGLISH, null, out);
        byte[] pdf = Files.readAllBytes(out);
        assertThat(PdfValidation.failures(pdf, PDFAFlavour.PDFA_3_B)).isEmpty();
        assertThat(PdfValidation.failures(pdf, PDFAFlavour.PDFUA_1)).isEmpty();
        String text = text(pdf);
        var en = new de.kontor.i18n.Messages(Locale.ENGLISH);
        for (String h : HEADINGS) {
            assertThat(text).as(h).contains(en.get(h));
        }
        assertThat(text).contains("Page 1 of", "Müller-Lüdenscheidt", "There is no automated decision-making");
    }

    @Test
    void badInputLeavesNothingBehind() {
        assertThatThrownBy(() -> w.subjectData().accessReport(w.principal(), 4711, null, null, files.resolve("x.pdf")))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> w.subjectData().accessReport(w.principal(), joerg.id(), null, null,
                files.resolve("missing/x.pdf"))).isInstanceOf(KontorException.class)
                .extracting("messageKey").isEqualTo("export.folderMissing");
        assertThatThrownBy(() -> w.subjectData().accessReport(w.principal(), joerg.id(), null, 999L, files.resolve("x.pdf")))
                .isInstanceOf(NotFoundException.class);
        assertThat(files.toFile().list()).isEmpty();
    }

    private static String text(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            // lines wrap anywhere: compare with single spaces
            return new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        }
    }

    private static byte[] embedded(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDDocumentNameDictionary names = doc.getDocumentCatalog().getNames();
            Map<String, PDComplexFileSpecification> files = names.getEmbeddedFiles().getNames();
            assertThat(files).hasSize(1);
            PDComplexFileSpecification fs = files.values().iterator().next();
            assertThat(fs.getCOSObject().getNameAsString("AFRelationship")).isEqualTo("Data");
            return fs.getEmbeddedFile().toByteArray();
        }
    }
}
