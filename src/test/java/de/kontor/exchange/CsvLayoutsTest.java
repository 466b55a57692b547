package de.kontor.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import de.kontor.app.Workspace;
import de.kontor.domain.ContactKind;
import de.kontor.domain.EmailAddress;
import de.kontor.domain.Person;
import de.kontor.domain.PersonData;
import de.kontor.domain.PhoneNumber;
import de.kontor.domain.PostalAddress;
import de.kontor.testing.ImportFixture;
import de.kontor.testing.TestWorkspaces;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.LocalDate;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CSV exports of Outlook (English and German) and Google Contacts (old and new layout), as they are. */
class CsvLayoutsTest {
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

    private ImportResult run(String sample, ImportOptions o) throws Exception {
        Path f = ImportFixture.sample(dir, "csv/" + sample);
        return w.imports().run(w.principal(), f, ImportFormat.CSV, o, DuplicateMode.REPORT);
    }

    private PersonData person(String familyName) {
        return w.contacts().search(w.principal(), "", 1000).rows().stream()
                .map(s -> w.contacts().get(w.principal(), s.id())).map(Person::data)
                .filter(p -> p.familyName().equals(familyName)).findFirst().orElseThrow();
    }

    @Test
    void outlookEnglish() throws Exception {
        ImportResult r = run("outlook-en.csv", ImportOptions.defaults());

        assertThat(r.imported()).isEqualTo(2);
        assertThat(r.skipped()).isEmpty();
        assertThat(r.ignoredColumns()).contains("Department", "Business Street 3", "Business Fax", "Assistant's Phone",
                "Car Phone", "E-mail Type", "E-mail Display Name", "Business Address PO Box", "Anniversary", "Gender",
                "Initials", "Web Page", "User 1", "Sensitivity", "Private")
                .doesNotContain("E-mail Address", "E-mail 2 Address", "Business Street", "Business Street 2",
                        "Mobile Phone", "Home Phone", "Title", "Middle Name", "Suffix");
        assertThat(r.ignoredColumns()).hasSize(92 - r.columnFields().size());
        assertThat(r.columnFields()).containsEntry("E-mail 2 Address", "email").containsEntry("Business Street 2",
                "addressLine2").containsEntry("Middle Name", "givenName").containsEntry("Suffix", "title")
                .containsEntry("Business Country/Region", "country").containsEntry("Home State", "region");

        PersonData a = person("Müller");
        assertThat(a.title()).isEqualTo("Dr., MBA");
        assertThat(a.salutation()).isNull();
        assertThat(a.givenName()).isEqualTo("Anna Louise");
        assertThat(a.organisation()).isEqualTo("Alpen Logistik AG");
        assertThat(a.jobTitle()).isEqualTo("Head of Purchasing");
        assertThat(a.birthDate()).as("Outlook (English) writes M/d/yyyy").isEqualTo(LocalDate.of(1970, 4, 12));
        assertThat(a.emails()).extracting(EmailAddress::address).containsExactly(
                "anna.mueller@alpen-logistik.example", "anna@gmx.example");
        assertThat(a.phones()).extracting(PhoneNumber::kind, PhoneNumber::e164).containsExactly(
                Tuple.tuple(ContactKind.WORK, "+41441234567"), Tuple.tuple(ContactKind.MOBILE, "+41791234567"));
        assertThat(a.addresses()).extracting(PostalAddress::kind, PostalAddress::street, PostalAddress::houseNumber,
                PostalAddress::addressLine2, PostalAddress::postcode, PostalAddress::city, PostalAddress::country)
                .containsExactly(Tuple.tuple(ContactKind.WORK, "Seestrasse", "5", "Postfach 12", "8001", "Zürich", "CH"));
        assertThat(a.tags()).containsExactly("Customer", "VIP");
        assertThat(a.notes()).isEqualTo("Met at the trade fair in Basel.");

        PersonData j = person("Smith");
        assertThat(j.salutation()).isEqualTo("Mr.");
        assertThat(j.title()).isNull();
        assertThat(j.birthDate()).as("0/0/00 is Outlook's empty date").isNull();
        assertThat(j.language()).isEqualTo("en");
        assertThat(j.addresses()).extracting(PostalAddress::kind, PostalAddress::street, PostalAddress::houseNumber,
                PostalAddress::country).containsExactly(Tuple.tuple(ContactKind.PRIVATE, "221B Baker Street", null, "GB"));
        assertThat(j.phones()).extracting(PhoneNumber::kind).containsExactly(ContactKind.PRIVATE);
    }

    @Test
    void outlookGermanInWindows1252() throws Exception {
        ImportResult r = run("outlook-de.csv", ImportOptions.defaults().withEncoding(Charset.forName("windows-1252")));

        assertThat(r.imported()).isEqualTo(2);
        assertThat(r.ignoredColumns()).contains("Abteilung", "Straße geschäftlich 3", "Fax geschäftlich",
                "Telefon Assistent", "E-Mail-Typ", "E-Mail: Angezeigter Name", "Postfach geschäftlich", "Privat",
                "Initialen", "Jahrestag", "Telefon Firma", "Weiteres Postfach")
                .doesNotContain("E-Mail-Adresse", "E-Mail 2: Adresse", "Mobiltelefon 2", "Weitere Straße");
        assertThat(r.columnFields()).containsEntry("Straße geschäftlich 2", "addressLine2")
                .containsEntry("Land/Region privat", "country").containsEntry("Weiteres/r Bundesland/Kanton", "region")
                .containsEntry("Anrede", "salutation").containsEntry("Weitere Vornamen", "givenName");

        PersonData j = person("Weiß");
        assertThat(j.salutation()).isEqualTo("Herr");
        assertThat(j.title()).isEqualTo("Dr.");
        assertThat(j.organisation()).isEqualTo("Weiß & Söhne GmbH");
        assertThat(j.jobTitle()).isEqualTo("Vertriebsleiter");
        assertThat(j.birthDate()).isEqualTo(LocalDate.of(1968, 5, 17));
        assertThat(j.language()).isEqualTo("de");
        assertThat(j.notes()).isEqualTo("Bevorzugt Termine vormittags.\r\nParkplatz im Hof.");
        assertThat(j.tags()).containsExactly("Kunde", "Messe 2024");
        assertThat(j.phones()).extracting(PhoneNumber::kind, PhoneNumber::e164).containsExactly(
                Tuple.tuple(ContactKind.WORK, "+492111234567"), Tuple.tuple(ContactKind.MOBILE, "+491712345678"));
        assertThat(j.addresses()).extracting(PostalAddress::kind, PostalAddress::street, PostalAddress::houseNumber,
                PostalAddress::addressLine2, PostalAddress::postcode, PostalAddress::city, PostalAddress::region)
                .containsExactly(
                        Tuple.tuple(ContactKind.WORK, "Königsallee", "12", "3. OG", "40212", "Düsseldorf",
                                "Nordrhein-Westfalen"),
                        Tuple.tuple(ContactKind.PRIVATE, "Am Mühlenbach", "3a", null, "41460", "Neuss", null));

        PersonData g = person("Öztürk");
        assertThat(g.salutation()).isEqualTo("Frau");
        assertThat(g.givenName()).isEqualTo("Grete Maria");
        assertThat(g.addresses()).extracting(PostalAddress::kind, PostalAddress::street, PostalAddress::houseNumber)
                .containsExactly(Tuple.tuple(ContactKind.OTHER, "Schloßstraße", "1"));
        assertThat(g.phones()).extracting(PhoneNumber::kind).containsExactly(ContactKind.OTHER);
    }

    @Test
    void googleContacts() throws Exception {
        ImportResult r = run("google.csv", ImportOptions.defaults());

        assertThat(r.imported()).isEqualTo(2);
        assertThat(r.ignoredColumns()).contains("Name", "Yomi Name", "Nickname", "Photo", "Address 1 - Formatted",
                "Organization 1 - Department", "Website 1 - Value", "Phone 3 - Value (Work Fax)", "Birthday (--MM-DD)")
                .doesNotContain("E-mail 1 - Type", "E-mail 1 - Value", "Address 2 - Street", "Organization 1 - Title");
        assertThat(r.columnFields()).containsEntry("E-mail 1 - Type", "email (kind)")
                .containsEntry("Address 2 - Postal Code", "postcode").containsEntry("Group Membership", "tags");

        PersonData a = person("Schäfer");
        assertThat(a.organisation()).isEqualTo("Beispiel GmbH");
        assertThat(a.jobTitle()).isEqualTo("Projektleiterin");
        assertThat(a.birthDate()).isEqualTo(LocalDate.of(1985, 7, 23));
        assertThat(a.tags()).containsExactly("Ausschreibungen", "Kunden");
        assertThat(a.emails()).extracting(EmailAddress::kind, EmailAddress::address).containsExactly(
                Tuple.tuple(ContactKind.PRIVATE, "anna.schaefer@example.de"),
                Tuple.tuple(ContactKind.WORK, "a.schaefer@beispiel-gmbh.example"),
                Tuple.tuple(ContactKind.WORK, "einkauf@beispiel-gmbh.example"));
        assertThat(a.phones()).extracting(PhoneNumber::kind, PhoneNumber::e164).containsExactly(
                Tuple.tuple(ContactKind.MOBILE, "+491719876543"), Tuple.tuple(ContactKind.WORK, "+493012345678"));
        assertThat(a.addresses()).extracting(PostalAddress::kind, PostalAddress::street, PostalAddress::houseNumber,
                PostalAddress::addressLine2, PostalAddress::postcode, PostalAddress::country).containsExactly(
                Tuple.tuple(ContactKind.PRIVATE, "Gneisenaustraße", "27", null, "10961", "DE"),
                Tuple.tuple(ContactKind.WORK, "Friedrichstraße", "100", "Aufgang B", "10117", "DE"));

        PersonData t = person("Weiß");
        assertThat(t.title()).isEqualTo("Prof. Dr.");
        assertThat(t.birthDate()).isNull();
        assertThat(t.tags()).isEmpty();
        assertThat(t.emails().get(0).kind()).isEqualTo(ContactKind.OTHER);
        assertThat(t.addresses().get(0).country()).isEqualTo("AT");
    }

    @Test
    void googleContactsNewLayout() throws Exception {
        ImportResult r = run("google-new.csv", ImportOptions.defaults());

        assertThat(r.imported()).isEqualTo(2);
        assertThat(r.ignoredColumns()).contains("Phonetic First Name", "Nickname", "File As", "Photo",
                "Organization Department", "Address 1 - Formatted", "Website 1 - Label", "Website 1 - Value")
                .doesNotContain("Labels", "E-mail 1 - Label", "Organization Title");
        PersonData l = person("Bäcker");
        assertThat(l.salutation()).isEqualTo("Frau");
        assertThat(l.organisation()).isEqualTo("Bäckerei Bäcker");
        assertThat(l.jobTitle()).isEqualTo("Inhaberin");
        assertThat(l.tags()).containsExactly("Lieferanten");
        assertThat(l.emails()).extracting(EmailAddress::kind).containsExactly(ContactKind.WORK);
        assertThat(l.phones()).extracting(PhoneNumber::kind).containsExactly(ContactKind.WORK, ContactKind.MOBILE);
        assertThat(l.addresses()).extracting(PostalAddress::kind, PostalAddress::street, PostalAddress::houseNumber,
                PostalAddress::country).containsExactly(Tuple.tuple(ContactKind.WORK, "Lister Meile", "33", "DE"));

        PersonData j = person("Koch");
        assertThat(j.givenName()).isEqualTo("Jan Peter");
        assertThat(j.title()).isEqualTo("M.A.");
        assertThat(j.tags()).isEmpty();
        assertThat(j.emails()).extracting(EmailAddress::kind).containsExactly(ContactKind.PRIVATE);
        assertThat(j.phones()).extracting(PhoneNumber::kind).containsExactly(ContactKind.OTHER);
    }

    @Test
    void kontorsOwnCsvExportImportsAgainWithEveryEmailAndPhone() throws Exception {
        w.contacts().create(w.principal(), new PersonData("Frau", "Dr.", "Jördis", "Größmann", LocalDate.of(1980, 5, 17),
                "de", "Klinik Nord", "Oberärztin", java.util.List.of(new EmailAddress(ContactKind.WORK, "jg@klinik.example"),
                        new EmailAddress(ContactKind.PRIVATE, "joerdis@privat.example")),
                java.util.List.of(PhoneNumber.of(ContactKind.WORK, "0211 8112345"),
                        PhoneNumber.of(ContactKind.MOBILE, "0172 3456789")),
                java.util.List.of(new PostalAddress(ContactKind.WORK, "Moorenstraße", "5", "Gebäude 13", "40225",
                        "Düsseldorf", null, "DE")), java.util.List.of("Kundin", "Messe"), "Notiz"),
                de.kontor.domain.ProvenanceInput.manual());
        Path csv = dir.resolve("export.csv");
        w.subjectData().export(w.principal(), null, ExportFormat.CSV, ';', null, csv);
        try (Workspace other = TestWorkspaces.create(dir.resolve("other"))) {
            ImportResult r = other.imports().run(other.principal(), csv, ImportFormat.CSV, ImportOptions.defaults(),
                    DuplicateMode.REPORT);
            assertThat(r.imported()).isEqualTo(1);
            assertThat(r.ignoredColumns()).containsExactly("category", "source", "sourceDetail", "capturedAt",
                    "createdAt", "updatedAt");
            PersonData d = other.contacts().get(other.principal(), other.contacts().search(other.principal(), "", 10)
                    .rows().get(0).id()).data();
            assertThat(d.salutation()).isEqualTo("Frau");
            assertThat(d.title()).isEqualTo("Dr.");
            assertThat(d.emails()).extracting(EmailAddress::address).containsExactly("jg@klinik.example",
                    "joerdis@privat.example");
            assertThat(d.phones()).extracting(PhoneNumber::e164).containsExactly("+492118112345", "+491723456789");
            assertThat(d.addresses()).extracting(PostalAddress::street, PostalAddress::houseNumber,
                    PostalAddress::addressLine2).containsExactly(Tuple.tuple("Moorenstraße", "5", "Gebäude 13"));
            assertThat(d.tags()).containsExactly("Kundin", "Messe");
            assertThat(d.birthDate()).isEqualTo(LocalDate.of(1980, 5, 17));
        }
    }
}
