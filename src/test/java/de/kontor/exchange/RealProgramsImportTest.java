package de.kontor.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import de.kontor.app.Workspace;
import de.kontor.domain.ContactKind;
import de.kontor.domain.EmailAddress;
import de.kontor.domain.PersonData;
import de.kontor.domain.PhoneNumber;
import de.kontor.domain.PostalAddress;
import de.kontor.testing.ImportFixture;
import de.kontor.testing.TestWorkspaces;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * vCards and CSVs shaped like the exports of real programs (Outlook 2003/2007, BlackBerry, Lotus
 * Notes, Evolution, iPhone, Mac Address Book, Gmail, Android): every person of every file
 * arrives, without skip-invalid, with the fields they had. A phone number that cannot be read
 * for the person's country is kept as written and noted, placeholders are left out with a
 * note, and a person needs only one of family name, given name, organisation or e-mail.
 */
class RealProgramsImportTest {
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

    private ImportResult vcard(String name) throws Exception {
        Path f = ImportFixture.sample(dir, "vcard/programs/" + name);
        return w.imports().run(w.principal(), f, ImportFormat.VCARD, ImportOptions.defaults(), DuplicateMode.REPORT);
    }

    private ImportResult csv(String name, String text) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return w.imports().run(w.principal(), f, ImportFormat.CSV, ImportOptions.defaults(), DuplicateMode.REPORT);
    }

    private List<PersonData> people() {
        return w.contacts().search(w.principal(), "", 1000).rows().stream()
                .map(s -> w.contacts().get(w.principal(), s.id()).data()).toList();
    }

    private PersonData person(String displayName) {
        return people().stream().filter(p -> p.displayName().equals(displayName)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + displayName + " in " + people().stream()
                        .map(PersonData::displayName).toList()));
    }

    private static List<Tuple> notes(ImportResult r) {
        return r.notes().stream().map(n -> Tuple.tuple(n.line(), n.field(), n.messageKey(), n.args().get(0))).toList();
    }

    @Test
    void outlook2003PlaceholdersAreLeftOutWithANoteAndTheAddressCountryIsThePhoneRegion() throws Exception {
        ImportResult r = vcard("outlook-2003.vcf");

        assertThat(r.imported()).isEqualTo(2);
        assertThat(r.skipped()).isEmpty();
        PersonData holger = person("Holger Brandt");
        assertThat(holger.organisation()).isEqualTo("Brandt Montage");
        assertThat(holger.jobTitle()).isEqualTo("Inhaber");
        assertThat(holger.birthDate()).isEqualTo(LocalDate.of(1970, 3, 21));
        assertThat(holger.phones()).extracting(PhoneNumber::kind, PhoneNumber::e164)
                .containsExactly(Tuple.tuple(ContactKind.MOBILE, "+491712345678"));
        assertThat(holger.addresses()).extracting(PostalAddress::street, PostalAddress::houseNumber,
                PostalAddress::postcode, PostalAddress::city, PostalAddress::country)
                .containsExactly(Tuple.tuple("Industriestr.", "12", "34117", "Kassel", "DE"));
        assertThat(holger.emails()).extracting(EmailAddress::address).containsExactly("holger@brandt-montage.example");
        assertThat(holger.notes()).contains("Erste Zeile", "Zweite Zeile");
        // Grace's office is in Canada: her number is read for Canada and checked.
        PersonData grace = person("Grace Okafor");
        assertThat(grace.phones()).extracting(PhoneNumber::raw, PhoneNumber::e164)
                .containsExactly(Tuple.tuple("(506) 234-5678", "+15062345678"));
        assertThat(grace.addresses()).extracting(PostalAddress::country, PostalAddress::postcode)
                .containsExactly(Tuple.tuple("CA", "M5H 3T4"));
        assertThat(notes(r)).containsExactly(
                Tuple.tuple(1L, "country", "import.note.placeholder", "HOMECOUNTRY"),
                Tuple.tuple(1L, "phone", "import.note.placeholder", "BusinessPhone"),
                Tuple.tuple(1L, "phone", "import.note.placeholder", "HomePhone"),
                Tuple.tuple(27L, "phone", "import.note.placeholder", "HomePhone"),
                Tuple.tuple(27L, "phone", "import.note.placeholder", "MobilePhone"));
    }

    @Test
    void outlook2007ForeignNumbersAreKeptAsWrittenAndNotedAsNotChecked() throws Exception {
        ImportResult r = vcard("outlook-2007.vcf");

        assertThat(r.imported()).isEqualTo(1);
        PersonData sabine = person("Sabine Wagner");
        assertThat(sabine.salutation()).isEqualTo("Frau");
        assertThat(sabine.organisation()).isEqualTo("Wagner & Söhne");
        assertThat(sabine.birthDate()).isEqualTo(LocalDate.of(1975, 6, 10));
        assertThat(sabine.phones()).extracting(PhoneNumber::kind, PhoneNumber::raw, PhoneNumber::e164).containsExactly(
                Tuple.tuple(ContactKind.WORK, "(905) 555-1234", ""),
                Tuple.tuple(ContactKind.PRIVATE, "+1 (212) 204-34456", ""),
                Tuple.tuple(ContactKind.MOBILE, "0151 23456789", "+4915123456789"));
        assertThat(sabine.phones().get(0).checked()).isFalse();
        assertThat(sabine.addresses()).extracting(PostalAddress::street, PostalAddress::addressLine2,
                PostalAddress::city).containsExactly(Tuple.tuple("Hafenstr.", "Haus B", "Bremen"));
        assertThat(notes(r)).containsExactly(
                Tuple.tuple(1L, "phone", "import.note.unchecked", "(905) 555-1234"),
                Tuple.tuple(1L, "phone", "import.note.unchecked", "+1 (212) 204-34456"));
        assertThat(r.notes().get(0).args()).containsExactly("(905) 555-1234", "DE");
    }

    @Test
    void blackBerryCardsWithEmptyNotesAndOnlyAGivenName() throws Exception {
        ImportResult r = vcard("blackberry.vcf");

        assertThat(r.imported()).isEqualTo(2);
        PersonData jonas = person("Jonas Vogt");
        assertThat(jonas.organisation()).isEqualTo("Vogt Elektro");
        assertThat(jonas.phones()).extracting(PhoneNumber::raw).containsExactly("+96123456789", "0621 1234567");
        assertThat(jonas.notes()).isNull();
        PersonData mira = person("Mira");
        assertThat(mira.givenName()).isEqualTo("Mira");
        assertThat(mira.familyName()).isEmpty();
        assertThat(mira.phones()).extracting(PhoneNumber::e164).containsExactly("+4917698765432");
    }

    @Test
    void lotusNotesWithAnAmericanAddress() throws Exception {
        ImportResult r = vcard("lotus-notes.vcf");

        assertThat(r.imported()).isEqualTo(1);
        PersonData thomas = person("Dr. Thomas Maria Keller");
        assertThat(thomas.organisation()).isEqualTo("Keller Consulting");
        assertThat(thomas.emails()).extracting(EmailAddress::kind, EmailAddress::address).containsExactly(
                Tuple.tuple(ContactKind.WORK, "t.keller@keller-consulting.example"),
                Tuple.tuple(ContactKind.PRIVATE, "tom.keller@mail.example"));
        assertThat(thomas.phones()).extracting(PhoneNumber::raw, PhoneNumber::e164)
                .containsExactly(Tuple.tuple("+1 (212) 204-34456", ""));
        assertThat(thomas.addresses()).extracting(PostalAddress::city, PostalAddress::region, PostalAddress::postcode,
                PostalAddress::country).containsExactly(Tuple.tuple("New York", "New York", "NY10010", "US"));
        assertThat(thomas.birthDate()).isEqualTo(LocalDate.of(1968, 11, 2));
        assertThat(notes(r)).containsExactly(Tuple.tuple(1L, "phone", "import.note.unchecked", "+1 (212) 204-34456"));
        assertThat(r.notes().get(0).args()).containsExactly("+1 (212) 204-34456", "US");
    }

    @Test
    void evolutionWithAnAustrianAddressReadsNumbersForAustria() throws Exception {
        ImportResult r = vcard("evolution.vcf");

        assertThat(r.imported()).isEqualTo(1);
        PersonData petra = person("Mag. Petra Lorenz");
        assertThat(petra.organisation()).isEqualTo("Lorenz Reisen");
        assertThat(petra.tags()).containsExactly("VIP");
        assertThat(petra.addresses()).extracting(PostalAddress::street, PostalAddress::postcode, PostalAddress::country)
                .containsExactly(Tuple.tuple("Kärntner Str.", "1010", "AT"));
        assertThat(petra.phones()).extracting(PhoneNumber::raw, PhoneNumber::e164).containsExactly(
                Tuple.tuple("905-666-1234", ""),
                Tuple.tuple("+43 1 5123456", "+4315123456"),
                Tuple.tuple("01 5123457", "+4315123457"));
        assertThat(notes(r)).containsExactly(Tuple.tuple(1L, "phone", "import.note.unchecked", "905-666-1234"));
        assertThat(r.ignoredColumns()).contains("X-EVOLUTION-FILE-AS", "X-AIM");
    }

    @Test
    void iPhoneWithItemGroupsAndACompanyCard() throws Exception {
        ImportResult r = vcard("iphone.vcf");

        assertThat(r.imported()).isEqualTo(2);
        PersonData lena = person("Lena Nowak");
        assertThat(lena.emails()).extracting(EmailAddress::address).containsExactly("lena@nowak-design.example");
        // Her address is in Canada: Canadian numbers are checked, the German one with its own format too.
        assertThat(lena.phones()).extracting(PhoneNumber::kind, PhoneNumber::raw).containsExactly(
                Tuple.tuple(ContactKind.MOBILE, "905-555-1234"),
                Tuple.tuple(ContactKind.PRIVATE, "(506) 234-5678"),
                Tuple.tuple(ContactKind.OTHER, "905-111-1234"),
                Tuple.tuple(ContactKind.OTHER, "0171 5556667"));
        assertThat(lena.phones().get(1).e164()).isEqualTo("+15062345678");
        assertThat(lena.addresses()).extracting(PostalAddress::country).containsExactly("CA");
        // Apple's company card: no person's name, the organisation is the name shown.
        PersonData bakery = person("Bäckerei Sonnenschein");
        assertThat(bakery.givenName()).isEmpty();
        assertThat(bakery.familyName()).isEmpty();
        assertThat(bakery.organisation()).isEqualTo("Bäckerei Sonnenschein");
        assertThat(bakery.phones()).extracting(PhoneNumber::e164).containsExactly("+496214445556");
        assertThat(r.skipped()).isEmpty();
    }

    @Test
    void macAddressBookWithLabelsAndTwoCountries() throws Exception {
        ImportResult r = vcard("mac-address-book.vcf");

        assertThat(r.imported()).isEqualTo(1);
        PersonData anke = person("Anke Schulte");
        assertThat(anke.emails()).extracting(EmailAddress::kind).containsExactly(ContactKind.OTHER);
        assertThat(anke.phones()).extracting(PhoneNumber::raw, PhoneNumber::e164).containsExactly(
                Tuple.tuple("+49 211 1234567", "+492111234567"),
                Tuple.tuple("+1 (212) 204-34456", ""));
        assertThat(anke.addresses()).extracting(PostalAddress::city, PostalAddress::country).containsExactly(
                Tuple.tuple("Düsseldorf", "DE"), Tuple.tuple("New York", "US"));
        assertThat(anke.notes()).isEqualTo("Kennt den Markt in NRW");
        assertThat(notes(r)).hasSize(1);
    }

    @Test
    void gmailWithAContactThatIsOnlyAnEmailAddress() throws Exception {
        ImportResult r = vcard("gmail.vcf");

        assertThat(r.imported()).isEqualTo(2);
        PersonData carla = person("Carla Romano");
        assertThat(carla.organisation()).isEqualTo("Romano Feinkost");
        assertThat(carla.birthDate()).isEqualTo(LocalDate.of(1982, 3, 22));
        assertThat(carla.phones()).extracting(PhoneNumber::raw).containsExactly("905-555-1234", "030 1234567");
        assertThat(carla.addresses()).extracting(PostalAddress::street, PostalAddress::city, PostalAddress::postcode)
                .containsExactly(Tuple.tuple("Kastanienallee", "Berlin", "10435"));
        PersonData winery = person("info@weingut-berg.example");
        assertThat(winery.familyName()).isEmpty();
        assertThat(winery.emails()).extracting(EmailAddress::address).containsExactly("info@weingut-berg.example");
    }

    @Test
    void androidQuotedPrintableWithOnlyAnEmailOnlyAGivenNameOrOnlyAnOrganisation() throws Exception {
        ImportResult r = vcard("android.vcf");

        assertThat(r.imported()).isEqualTo(4);
        assertThat(r.skipped()).isEmpty();
        assertThat(person("kontakt@hofladen-meier.example").emails()).hasSize(1);
        PersonData juergen = person("Jürgen");
        assertThat(juergen.phones()).extracting(PhoneNumber::raw).containsExactly("123456789");
        PersonData garden = person("Grün & Grün Gartenbau");
        assertThat(garden.phones()).extracting(PhoneNumber::e164).containsExactly("+497121345678");
        PersonData bjoern = person("Björn Weiß");
        assertThat(bjoern.notes()).isEqualTo("Grüße an die Familie, später anrufen und den Termin für März bestätigen");
        assertThat(bjoern.phones()).extracting(PhoneNumber::raw).containsExactly("0160 1234567", "234567");
        assertThat(r.ignoredColumns()).contains("X-ANDROID-CUSTOM");
        assertThat(r.rows()).isEqualTo(4);
    }

    @Test
    void csvWithForeignNumbersCountryNamesAndPlaceholders() throws Exception {
        ImportResult r = csv("kontakte.csv", "First Name,Last Name,Company,E-mail Address,Business Phone,Home Phone,"
                + "Business Street,Business City,Business Postal Code,Business Country/Region\n"
                + "Grace,Okafor,,grace@maple.example,(506) 234-5678,,200 King St W,Toronto,M5H 3T4,Canada\n"
                + "Sabine,Wagner,,,(905) 555-1234,HomePhone,Hafenstr. 7,Bremen,28195,Deutschland\n"
                + ",,Nur Firma GmbH,,0621 4445556,,,,,\n"
                + "Ina,,,,,,,,,USA\n"
                + ",,,info@nur-mail.example,,,,,,Neverland\n");

        assertThat(r.imported()).isEqualTo(5);
        assertThat(person("Grace Okafor").phones()).extracting(PhoneNumber::e164).containsExactly("+15062345678");
        assertThat(person("Sabine Wagner").phones()).extracting(PhoneNumber::raw, PhoneNumber::e164)
                .containsExactly(Tuple.tuple("(905) 555-1234", ""));
        assertThat(person("Nur Firma GmbH").phones()).hasSize(1);
        assertThat(person("Ina").addresses()).extracting(PostalAddress::country).containsExactly("US");
        assertThat(person("info@nur-mail.example").addresses()).extracting(PostalAddress::region,
                PostalAddress::country).containsExactly(Tuple.tuple("Neverland", null));
        assertThat(notes(r)).containsExactly(
                Tuple.tuple(3L, "phone", "import.note.unchecked", "(905) 555-1234"),
                Tuple.tuple(3L, "phone", "import.note.placeholder", "HomePhone"),
                Tuple.tuple(6L, "country", "import.note.countryInRegion", "Neverland"));
    }

    @Test
    void aPersonWithoutAnyNameOrganisationOrEmailIsStillInvalidAndTheCountsAddUp() throws Exception {
        Path f = dir.resolve("leer.csv");
        Files.writeString(f, "Vorname;Nachname;Telefon;Notizen\nEva;Schäfer;;\n;;0171 2345678;nur Telefon\n");
        ImportResult r = w.imports().run(w.principal(), f, ImportFormat.CSV,
                ImportOptions.defaults().withSkipInvalid(true), DuplicateMode.REPORT);

        assertThat(r.imported()).isEqualTo(1);
        assertThat(r.skipped()).extracting(LineProblem::line, LineProblem::messageKey)
                .containsExactly(Tuple.tuple(3L, "validation.identity"));
        assertThat(r.imported() + r.invalidLines() + r.blockedLines() + r.duplicatesSkipped()).isEqualTo(r.rows());
    }

    @Test
    void thePreviewListsTheNotes() throws Exception {
        Path f = ImportFixture.sample(dir, "vcard/programs/outlook-2007.vcf");
        ImportPreview p = w.imports().preview(w.principal(), f, ImportFormat.VCARD, ImportOptions.defaults());

        assertThat(p.valid()).isTrue();
        assertThat(p.importable()).isEqualTo(1);
        assertThat(p.notes()).extracting(LineProblem::messageKey)
                .containsExactly("import.note.unchecked", "import.note.unchecked");
    }

    @Test
    void peopleWithoutANameAreFoundAsDuplicatesOnlyByWhatTheyShare() throws Exception {
        vcard("android.vcf");
        vcard("gmail.vcf");
        vcard("iphone.vcf");
        // Nameless contacts (only an e-mail, only an organisation) are not duplicates of each other ...
        assertThat(w.dedupe().scan(w.principal(), w.dedupe().settings().possible(), p -> { }, () -> false)).isEmpty();
        // ... but the same e-mail address again is found, and named by it.
        PersonData again = new PersonData(null, null, null, null, null, null, null, null,
                List.of(EmailAddress.work("kontakt@hofladen-meier.example")), List.of(), List.of(), List.of(), null);
        var found = w.dedupe().check(w.principal(), again, null);
        assertThat(found).isNotEmpty();
        assertThat(found.get(0).b().displayName()).isEqualTo("kontakt@hofladen-meier.example");
        ImportResult r = csv("again.csv", "E-Mail;Firma\nkontakt@hofladen-meier.example;\n");
        assertThat(r.duplicates()).hasSize(1);
    }

    @Test
    void namelessContactsSurviveAJsonExportAndRestore() throws Exception {
        vcard("android.vcf");
        Path json = dir.resolve("alle.json");
        w.subjectData().export(w.principal(), null, ExportFormat.JSON, ',', null, json);
        try (Workspace empty = TestWorkspaces.create(dir.resolve("empty"))) {
            ImportPreview p = empty.imports().preview(empty.principal(), json, ImportFormat.JSON,
                    ImportOptions.defaults());
            assertThat(empty.imports().run(empty.principal(), p, false, java.util.Map.of()).imported()).isEqualTo(4);
            assertThat(empty.contacts().search(empty.principal(), "", 10).rows())
                    .extracting(de.kontor.domain.PersonSummary::displayName).containsExactlyInAnyOrder(
                            "kontakt@hofladen-meier.example", "Jürgen", "Grün & Grün Gartenbau", "Björn Weiß");
        }
    }

    private ImportResult csvSample(String name) throws Exception {
        Path f = ImportFixture.sample(dir, "csv/programs/" + name);
        return w.imports().run(w.principal(), f, ImportFormat.CSV, ImportOptions.defaults(), DuplicateMode.REPORT);
    }

    @Test
    void googleCsvWithForeignContactsAndContactsWithoutAName() throws Exception {
        ImportResult r = csvSample("google-foreign.csv");

        assertThat(r.imported()).isEqualTo(5);
        assertThat(r.rows()).isEqualTo(5);
        PersonData grace = person("Grace Okafor");
        assertThat(grace.phones()).extracting(PhoneNumber::kind, PhoneNumber::e164)
                .contains(Tuple.tuple(ContactKind.WORK, "+15062345678"));
        assertThat(grace.phones()).extracting(PhoneNumber::raw).containsExactly("(506) 234-5678", "905-555-1234");
        assertThat(grace.addresses()).extracting(PostalAddress::country, PostalAddress::postcode, PostalAddress::region)
                .containsExactly(Tuple.tuple("CA", "M5H 3T4", "ON"));
        assertThat(person("Tom Keller").phones()).extracting(PhoneNumber::raw, PhoneNumber::e164)
                .containsExactly(Tuple.tuple("+1 (212) 204-34456", ""));
        assertThat(person("Tom Keller").addresses()).extracting(PostalAddress::country).containsExactly("US");
        assertThat(person("Bäckerei Sonnenschein").phones()).extracting(PhoneNumber::e164)
                .containsExactly("+496214445556");
        assertThat(person("info@weingut-berg.example").emails()).hasSize(1);
        assertThat(person("Mira").addresses()).extracting(PostalAddress::country).containsExactly("AT");
        assertThat(person("Mira").phones()).extracting(PhoneNumber::raw).containsExactly("0176 98765432");
        assertThat(r.notes()).extracting(LineProblem::line, LineProblem::messageKey)
                .contains(Tuple.tuple(4L, "import.note.unchecked"));
    }

    @Test
    void outlookCsvPlaceholdersAreLeftOut() throws Exception {
        ImportResult r = csvSample("outlook-placeholders.csv");

        assertThat(r.imported()).isEqualTo(2);
        PersonData holger = person("Holger Brandt");
        assertThat(holger.phones()).extracting(PhoneNumber::e164).containsExactly("+491712345678");
        assertThat(holger.addresses()).extracting(PostalAddress::city, PostalAddress::country)
                .containsExactly(Tuple.tuple("Kassel", "DE"));
        assertThat(person("Grace Okafor").phones()).extracting(PhoneNumber::e164).containsExactly("+15062345678");
        assertThat(notes(r)).containsExactly(
                Tuple.tuple(2L, "country", "import.note.placeholder", "HOMECOUNTRY"),
                Tuple.tuple(2L, "phone", "import.note.placeholder", "BusinessPhone"),
                Tuple.tuple(2L, "phone", "import.note.placeholder", "HomePhone"),
                Tuple.tuple(3L, "phone", "import.note.placeholder", "HomePhone"));
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"USA,US", "U.S.A.,US", "United States,US",
        "United States of America,US", "Vereinigte Staaten,US", "Kanada,CA", "Canada,CA", "CA,CA", "ca,CA",
        "Deutschland,DE", "Germany,DE", "D,DE", "Österreich,AT", "Oesterreich,AT", "A,AT", "Schweiz,CH",
        "Suisse,CH"})
    void countryNamesAndCodesBecomeTheRegionOfTheAddress(String written, String code) {
        assertThat(ImportText.country(written)).isEqualTo(code);
    }

    @Test
    void everyRecordIsAccountedFor() throws Exception {
        ImportFixture.prepare(w);
        Path f = dir.resolve("kontakte.csv");
        Files.writeString(f, ImportFixture.FILE);
        for (DuplicateMode mode : DuplicateMode.values()) {
            ImportResult r = w.imports().run(w.principal(), f, ImportFormat.CSV,
                    ImportOptions.defaults().withSkipInvalid(true).withDryRun(true), mode);
            assertThat(r.invalidLines()).as(mode.name()).isEqualTo(1);
            assertThat(r.blockedLines()).as(mode.name()).isEqualTo(1);
            assertThat(r.imported() + r.duplicatesMerged() + r.duplicatesSkipped() + r.invalidLines()
                    + r.blockedLines()).as(mode.name()).isEqualTo(r.rows()).isEqualTo(4);
        }
    }
}
