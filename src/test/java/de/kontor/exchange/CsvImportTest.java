package de.kontor.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.kontor.app.Workspace;
import de.kontor.domain.ContactKind;
import de.kontor.domain.KontorException;
import de.kontor.domain.Person;
import de.kontor.domain.SourceKind;
import de.kontor.testing.TestWorkspaces;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvImportTest {
    @TempDir
    Path dir;

    private Workspace w;

    @BeforeEach
    void open() {
        w = TestWorkspaces.create(dir.resolve("db"));
    }

    @AfterEach
    void close() {
        w.close();
    }

    private Path file(String name, String content) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, content, StandardCharsets.UTF_8);
        return f;
    }

    private ImportResult run(Path f, ImportOptions o) {
        return new FileImport(w.contacts(), null, null).run(w.principal(), f, ImportFormat.CSV, o, DuplicateMode.REPORT);
    }

    private List<Person> all() {
        return w.contacts().search(w.principal(), "", 1000).rows().stream()
                .map(s -> w.contacts().get(w.principal(), s.id())).toList();
    }

    private int count() {
        return w.contacts().count(w.principal());
    }

    @Test
    void importsGermanHeadersWithSemicolonsAndUmlautsAndListsIgnoredColumns() throws Exception {
        Path f = file("kunden.csv", "\uFEFFAnrede;Vorname;Nachname;E-Mail;Telefon;Straße;Hausnummer;PLZ;Ort;Land;"
                + "Geburtsdatum;Lieblingsfarbe\n"
                + "Frau;Jördis;Größmann;joerdis@beispiel.de;030 1234567;Königsallee;12;40212;Düsseldorf;Deutschland;"
                + "17.05.1980;grün\n"
                + "Herr;Jürgen;Weiß;juergen.weiss@beispiel.at;+43 1 5123456;Mariahilfer Straße;3a;1070;Wien;AT;"
                + "1975-02-28;blau\n");
        ImportResult r = run(f, ImportOptions.defaults());

        assertThat(r.imported()).isEqualTo(2);
        assertThat(r.skipped()).isEmpty();
        assertThat(r.ignoredColumns()).containsExactly("Lieblingsfarbe");
        assertThat(count()).isEqualTo(2);
        Person p = all().stream().filter(x -> x.data().familyName().equals("Größmann")).findFirst().orElseThrow();
        assertThat(p.data().givenName()).isEqualTo("Jördis");
        assertThat(p.data().salutation()).isEqualTo("Frau");
        assertThat(p.data().birthDate()).isEqualTo(LocalDate.of(1980, 5, 17));
        assertThat(p.data().phones().get(0).e164()).isEqualTo("+49301234567");
        assertThat(p.data().addresses().get(0).street()).isEqualTo("Königsallee");
        assertThat(p.data().addresses().get(0).country()).isEqualTo("DE");
        assertThat(p.provenance().kind()).isEqualTo(SourceKind.IMPORT);
        assertThat(p.provenance().fileName()).isEqualTo("kunden.csv");
        assertThat(p.provenance().sourceRecordId()).isEqualTo("2");
        assertThat(w.contacts().search(w.principal(), "weiss wien", 10).total()).isEqualTo(1);
        assertThat(w.audit().verify(w.principal()).ok()).isTrue();
    }

    @Test
    void importsOutlookExportWithSeveralEmailsAndPhones() throws Exception {
        Path f = file("outlook.csv", "First Name,Last Name,Company,E-mail Address,E-mail 2 Address,Mobile Phone,"
                + "Business Phone,Business Street,Business City,Business Postal Code,Business Country/Region,Categories\n"
                + "Anna,Müller,Alpen Logistik AG,anna@alpen.ch,anna.privat@gmx.ch,079 123 45 67,+41 44 123 45 67,"
                + "Seestrasse 5,Zürich,8001,Schweiz,Kunde;VIP\n");
        ImportResult r = run(f, ImportOptions.defaults());

        assertThat(r.imported()).isEqualTo(1);
        assertThat(r.ignoredColumns()).isEmpty();
        Person p = all().get(0);
        assertThat(p.data().emails()).extracting(e -> e.address()).containsExactly("anna@alpen.ch", "anna.privat@gmx.ch");
        assertThat(p.data().phones()).extracting(ph -> ph.kind()).containsExactly(ContactKind.MOBILE, ContactKind.WORK);
        assertThat(p.data().phones()).extracting(ph -> ph.e164()).containsExactly("+41791234567", "+41441234567");
        assertThat(p.data().addresses().get(0).country()).isEqualTo("CH");
        assertThat(p.data().organisation()).isEqualTo("Alpen Logistik AG");
        assertThat(p.data().tags()).containsExactly("Kunde", "VIP");
    }

    @Test
    void germanPhoneAndMailColumnVariants() throws Exception {
        Path f = file("de.csv", "Nachname;Telefon geschäftlich;Handy privat;E-Mail-Adresse 2;Telefax\n"
                + "Koch;0221 1234567;0171 2345678;koch@beispiel.de;0221 1234568\n");
        ImportResult r = run(f, ImportOptions.defaults());
        assertThat(r.ignoredColumns()).containsExactly("Telefax");
        Person p = all().get(0);
        assertThat(p.data().phones()).extracting(ph -> ph.kind()).containsExactly(ContactKind.WORK, ContactKind.MOBILE);
        assertThat(p.data().emails()).extracting(e -> e.address()).containsExactly("koch@beispiel.de");
    }

    @Test
    void mappingNamesColumnsAndTheSourceRecordId() throws Exception {
        Path f = file("alt.csv", "Kdnr,VN,NN,Mail,Intern\nK-17,Eva,Schäfer,eva@beispiel.de,geheim\n");
        Map<String, String> map = new LinkedHashMap<>();
        map.put("Kdnr", "sourceRecordId");
        map.put("VN", "givenName");
        map.put("nn", "FAMILYNAME");
        map.put("Mail", "email");
        ImportResult r = run(f, ImportOptions.defaults().withMapping(map));

        assertThat(r.imported()).isEqualTo(1);
        assertThat(r.ignoredColumns()).containsExactly("Intern");
        Person p = all().get(0);
        assertThat(p.data().familyName()).isEqualTo("Schäfer");
        assertThat(p.data().emails().get(0).address()).isEqualTo("eva@beispiel.de");
        assertThat(p.provenance().fileName()).isEqualTo("alt.csv");
        assertThat(p.provenance().sourceRecordId()).isEqualTo("K-17");
        assertThat(p.data().notes()).isNull();
    }

    @Test
    void unknownMappingFieldIsRefusedWithTheValidFields() throws Exception {
        Path f = file("a.csv", "Vorname,Nachname,Mail\nEva,Schäfer,eva@beispiel.de\n");
        assertThatThrownBy(() -> run(f, ImportOptions.defaults().withMapping(Map.of("Mail", "emial"))))
                .isInstanceOfSatisfying(KontorException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("import.unknownField");
                    assertThat(e.args()).contains("emial");
                    assertThat(e.args().get(1).toString()).contains("email", "givenName", "sourceRecordId");
                });
        assertThat(count()).isZero();
    }

    @Test
    void wrongColumnCountRefusesTheFile() throws Exception {
        Path f = file("a.csv", "Vorname,Nachname\nEva,Schäfer\nJan,Koch,zu viel\nTom\n");
        assertThatThrownBy(() -> run(f, ImportOptions.defaults()))
                .isInstanceOfSatisfying(ImportRefusedException.class, e -> assertThat(e.problems())
                        .extracting(LineProblem::line, LineProblem::messageKey)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple(3L, "import.columnCount"),
                                org.assertj.core.groups.Tuple.tuple(4L, "import.columnCount")));
        assertThat(count()).isZero();
    }

    @Test
    void brokenQuotingRefusesTheFileNamingTheLine() throws Exception {
        Path f = file("a.csv", "Vorname,Nachname,Notizen\nEva,Schäfer,ok\nJan,Koch,\"offen\"x\nTom,Bauer,ok\n");
        assertThatThrownBy(() -> run(f, ImportOptions.defaults().withSkipInvalid(true)))
                .isInstanceOfSatisfying(ImportRefusedException.class, e -> {
                    assertThat(e.problems()).extracting(LineProblem::messageKey).containsExactly("import.quoting");
                    assertThat(e.problems().get(0).line()).isEqualTo(3L);
                });
        assertThat(count()).isZero();
    }

    @Test
    void invalidUtf8IsRefusedByLineNeverStoredAsMojibake() throws Exception {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes("Vorname,Nachname\nEva,Schäfer\n".getBytes(StandardCharsets.UTF_8));
        b.writeBytes(new byte[] {'J', 'a', 'n', ',', 'K', (byte) 0xF6, 'h', 'l', 'e', 'r', '\n'}); // Latin-1 "ö"
        b.writeBytes("Tom,Bauer\n".getBytes(StandardCharsets.UTF_8));
        Path f = dir.resolve("latin.csv");
        Files.write(f, b.toByteArray());

        assertThatThrownBy(() -> run(f, ImportOptions.defaults()))
                .isInstanceOfSatisfying(ImportRefusedException.class, e -> assertThat(e.problems())
                        .extracting(LineProblem::line, LineProblem::messageKey)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple(3L, "import.encoding")));
        assertThat(count()).isZero();

        ImportResult skipped = run(f, ImportOptions.defaults().withSkipInvalid(true));
        assertThat(skipped.imported()).isEqualTo(2);
        assertThat(skipped.skipped()).extracting(LineProblem::line).containsExactly(3L);
        assertThat(all()).extracting(p -> p.data().familyName()).containsExactlyInAnyOrder("Schäfer", "Bauer");

        ImportResult latin = run(f, ImportOptions.defaults().withEncoding(StandardCharsets.ISO_8859_1).withDryRun(true));
        assertThat(latin.imported()).isEqualTo(3);
    }

    @Test
    void invalidValuesAbortWithEveryBadLineAndNothingIsWritten() throws Exception {
        Path f = file("a.csv", "Vorname;Nachname;E-Mail;PLZ;Land;Geburtsdatum\n"
                + "Eva;Schäfer;eva@beispiel.de;10115;DE;\n"
                + "Jan;Koch;kein-at-zeichen;10115;DE;\n"
                + "Tom;Bauer;tom@beispiel.de;10115;DE;\n"
                + "Ute;Lang;ute@beispiel;1234;DE;31.02.1980\n"
                + "Ina;;ina@beispiel.de;;;\n");
        assertThatThrownBy(() -> run(f, ImportOptions.defaults()))
                .isInstanceOfSatisfying(ImportRefusedException.class, e -> {
                    // Line 6 (given name and e-mail, no family name) is a person too.
                    assertThat(e.problems()).extracting(LineProblem::line).containsExactly(3L, 5L);
                    assertThat(e.problems()).extracting(LineProblem::field)
                            .containsExactly("email", "birthDate");
                    assertThat(e.problems().get(0).messageKey()).isEqualTo("validation.email");
                    assertThat(e.problems().get(0).args()).containsExactly("kein-at-zeichen");
                    assertThat(e.args()).containsExactly(2L);
                });
        assertThat(count()).isZero();
        assertThat(w.audit().log(w.principal(), null, 10)).isEmpty();
    }

    @Test
    void invalidPostcodeAndEmailOnOneLineAreBothNamed() throws Exception {
        Path f = file("a.csv", "Vorname,Nachname,E-Mail,PLZ,Land\nUte,Lang,ute@beispiel,1234,DE\n");
        assertThatThrownBy(() -> run(f, ImportOptions.defaults()))
                .isInstanceOfSatisfying(ImportRefusedException.class, e -> assertThat(e.problems())
                        .extracting(LineProblem::field).containsExactly("email", "postcode"));
    }

    @Test
    void skipInvalidImportsTheGoodLinesAndListsTheBadOnes() throws Exception {
        Path f = file("a.csv", "Vorname,Nachname,E-Mail\nEva,Schäfer,eva@beispiel.de\nJan,Koch,kaputt\n"
                + "Tom,Bauer,tom@beispiel.de\n");
        ImportResult r = run(f, ImportOptions.defaults().withSkipInvalid(true));
        assertThat(r.imported()).isEqualTo(2);
        assertThat(r.skippedLines()).isEqualTo(1);
        assertThat(r.skipped().get(0).line()).isEqualTo(3L);
        assertThat(r.skipped().get(0).field()).isEqualTo("email");
        assertThat(count()).isEqualTo(2);
    }

    @Test
    void dryRunWritesNothing() throws Exception {
        Path f = file("a.csv", "Vorname,Nachname,E-Mail\nEva,Schäfer,eva@beispiel.de\nJan,Koch,kaputt\n");
        ImportResult r = run(f, ImportOptions.defaults().withDryRun(true).withSkipInvalid(true));
        assertThat(r.dryRun()).isTrue();
        assertThat(r.imported()).isEqualTo(1);
        assertThat(r.skippedLines()).isEqualTo(1);
        assertThat(count()).isZero();
        assertThat(w.audit().log(w.principal(), null, 10)).isEmpty();
    }

    @Test
    void customDatePatternAndExplicitDelimiter() throws Exception {
        Path f = file("a.csv", "givenName|familyName|birthDate\nEva|Schäfer|05/17/1980\n");
        ImportResult r = run(f, ImportOptions.defaults().withDelimiter('|').withDatePattern("MM/dd/yyyy"));
        assertThat(r.imported()).isEqualTo(1);
        assertThat(all().get(0).data().birthDate()).isEqualTo(LocalDate.of(1980, 5, 17));
    }

    @Test
    void lastLineWithoutLineBreakAndCrLfKeepTheirLineNumbers() throws Exception {
        Path f = file("a.csv", "Vorname,Nachname,E-Mail\r\nEva,Schäfer,eva@beispiel.de\r\n\r\nJan,Koch,kaputt");
        assertThatThrownBy(() -> run(f, ImportOptions.defaults()))
                .isInstanceOfSatisfying(ImportRefusedException.class, e -> assertThat(e.problems())
                        .extracting(LineProblem::line).containsExactly(4L));
    }

    @Test
    void multiLineQuotedNotesKeepTheLineNumbersRight() throws Exception {
        Path f = file("a.csv", "Vorname,Nachname,Notizen,E-Mail\n"
                + "Eva,Schäfer,\"erste Zeile\nzweite Zeile\",eva@beispiel.de\n"
                + "Jan,Koch,kurz,kaputt\n");
        assertThatThrownBy(() -> run(f, ImportOptions.defaults()))
                .isInstanceOfSatisfying(ImportRefusedException.class, e -> assertThat(e.problems())
                        .extracting(LineProblem::line).containsExactly(4L));
    }
}
