package de.kontor.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.kontor.app.Workspace;
import de.kontor.domain.ContactKind;
import de.kontor.domain.EmailAddress;
import de.kontor.domain.KontorException;
import de.kontor.domain.Person;
import de.kontor.domain.PersonData;
import de.kontor.domain.PhoneNumber;
import de.kontor.domain.PostalAddress;
import de.kontor.domain.ProvenanceInput;
import de.kontor.domain.SourceKind;
import de.kontor.testing.ImportFixture;
import de.kontor.testing.TestWorkspaces;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** vCard files as Google Contacts, Outlook (Windows, Mac), Thunderbird and Apple Contacts write them. */
class VcardImportTest {
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

    static Path sample(Path dir, String name) throws Exception {
        return ImportFixture.sample(dir, "vcard/" + name);
    }

    private ImportResult run(Path f, ImportOptions o) {
        return w.imports().run(w.principal(), f, ImportFormat.VCARD, o, DuplicateMode.REPORT);
    }

    private Person person(String familyName) {
        return w.contacts().search(w.principal(), "", 1000).rows().stream()
                .map(s -> w.contacts().get(w.principal(), s.id()))
                .filter(p -> p.data().familyName().equals(familyName)).findFirst().orElseThrow();
    }

    private int count() {
        return w.contacts().count(w.principal());
    }

    @Test
    void googleContacts() throws Exception {
        ImportResult r = run(sample(dir, "google.vcf"), ImportOptions.defaults());

        assertThat(r.imported()).isEqualTo(2);
        assertThat(r.columnFields()).containsKeys("N", "EMAIL", "TEL", "ADR", "ORG", "TITLE", "BDAY", "NOTE",
                "CATEGORIES").doesNotContainKey("FN");
        assertThat(r.ignoredColumns()).contains("URL", "PHOTO", "BDAY (--MM-DD)");
        Person anna = person("Schäfer");
        PersonData a = anna.data();
        assertThat(a.givenName()).isEqualTo("Anna");
        assertThat(a.organisation()).isEqualTo("Beispiel GmbH");
        assertThat(a.jobTitle()).isEqualTo("Projektleiterin");
        assertThat(a.birthDate()).isEqualTo(LocalDate.of(1985, 7, 23));
        assertThat(a.emails()).extracting(EmailAddress::kind, EmailAddress::address).containsExactly(
                Tuple.tuple(ContactKind.PRIVATE, "anna.schaefer@example.de"),
                Tuple.tuple(ContactKind.WORK, "a.schaefer@beispiel-gmbh.example"));
        assertThat(a.phones()).extracting(PhoneNumber::kind, PhoneNumber::e164).containsExactly(
                Tuple.tuple(ContactKind.MOBILE, "+491719876543"), Tuple.tuple(ContactKind.WORK, "+493012345678"),
                Tuple.tuple(ContactKind.OTHER, "+49307654321"));
        assertThat(a.addresses()).extracting(PostalAddress::kind, PostalAddress::street, PostalAddress::houseNumber,
                PostalAddress::postcode, PostalAddress::city, PostalAddress::country).containsExactly(
                Tuple.tuple(ContactKind.PRIVATE, "Gneisenaustraße", "27", "10961", "Berlin", "DE"),
                Tuple.tuple(ContactKind.WORK, "Friedrichstraße", "100", "10117", "Berlin", "DE"));
        // Folded line joined, escaped comma read; Google's own group "myContacts" is no tag.
        assertThat(a.notes()).isEqualTo("Newsletter nur nach Double-Opt-in. Ansprechpartnerin für Ausschreibungen "
                + "im Bereich Hochbau, bitte immer in Kopie an die Zentrale.");
        assertThat(a.tags()).containsExactly("Kunden");
        assertThat(anna.provenance().kind()).isEqualTo(SourceKind.IMPORT);
        assertThat(anna.provenance().detail()).isEqualTo("vCard 3.0");
        assertThat(anna.provenance().fileName()).isEqualTo("google.vcf");
        assertThat(anna.provenance().sourceRecordId()).isEqualTo("1"); // no UID: the line the card starts on

        PersonData t = person("Weiß").data();
        assertThat(t.birthDate()).as("a birthday without a year is no birth date").isNull();
        assertThat(t.addresses().get(0).country()).isEqualTo("AT");
        assertThat(t.addresses().get(0).houseNumber()).isEqualTo("3a");
        assertThat(t.phones().get(0).e164()).isEqualTo("+4315123456");
        assertThat(t.tags()).isEmpty();
        assertThat(person("Weiß").provenance().sourceRecordId()).isEqualTo("23");
        assertThat(w.audit().verify(w.principal()).ok()).isTrue();
    }

    @Test
    void outlookForWindowsVcard21WithQuotedPrintableWindows1252() throws Exception {
        ImportResult r = run(sample(dir, "outlook.vcf"), ImportOptions.defaults());

        assertThat(r.imported()).isEqualTo(2);
        assertThat(r.ignoredColumns()).contains("TEL;TYPE=FAX", "PHOTO", "X-MS-OL-DEFAULT-POSTAL-ADDRESS");
        Person j = person("Müller");
        PersonData d = j.data();
        assertThat(d.givenName()).isEqualTo("Jürgen Hans");
        assertThat(d.title()).isEqualTo("Dr.");
        assertThat(d.salutation()).isNull();
        assertThat(d.organisation()).isEqualTo("Rheinland Logistik GmbH");
        assertThat(d.jobTitle()).isEqualTo("Leiter Einkauf");
        assertThat(d.birthDate()).isEqualTo(LocalDate.of(1970, 4, 12));
        assertThat(d.notes()).isEqualTo("Kennengelernt auf der Messe in Köln.\r\nRuft lieber vormittags an.");
        assertThat(d.phones()).extracting(PhoneNumber::kind, PhoneNumber::e164).containsExactly(
                Tuple.tuple(ContactKind.WORK, "+492211234567"), Tuple.tuple(ContactKind.MOBILE, "+491712345678"));
        assertThat(d.addresses()).extracting(PostalAddress::street, PostalAddress::houseNumber, PostalAddress::city)
                .containsExactly(Tuple.tuple("Hohenzollernring", "12a", "Köln"));
        assertThat(d.emails()).extracting(EmailAddress::address).containsExactly("j.mueller@rheinland-logistik.example");
        assertThat(j.provenance().detail()).isEqualTo("vCard 2.1");

        PersonData e = person("Schäfer").data();
        assertThat(e.salutation()).isEqualTo("Frau");
        assertThat(e.addresses()).extracting(PostalAddress::kind, PostalAddress::street, PostalAddress::houseNumber,
                PostalAddress::city, PostalAddress::region).containsExactly(Tuple.tuple(ContactKind.PRIVATE,
                "Grünwälderstraße", "8", "Freiburg im Breisgau", "Baden-Württemberg"));
        assertThat(e.phones().get(0).kind()).isEqualTo(ContactKind.PRIVATE);
    }

    @Test
    void outlookForMacVcard30WithQuotedPrintableAndCharset() throws Exception {
        ImportResult r = run(sample(dir, "outlook-mac.vcf"), ImportOptions.defaults());

        assertThat(r.imported()).isEqualTo(1);
        PersonData d = person("Bäcker").data();
        assertThat(d.salutation()).isEqualTo("Frau");
        assertThat(d.givenName()).isEqualTo("Lena");
        assertThat(d.organisation()).isEqualTo("Bäckerei Bäcker");
        assertThat(d.jobTitle()).isEqualTo("Inhaberin");
        assertThat(d.notes()).isEqualTo("Liefert Brötchen für Veranstaltungen.\r\nAnsprechpartnerin für Catering.");
        assertThat(d.birthDate()).isEqualTo(LocalDate.of(1979, 11, 2));
        assertThat(d.phones()).extracting(PhoneNumber::kind).containsExactly(ContactKind.WORK, ContactKind.MOBILE);
        assertThat(d.addresses().get(0).street()).isEqualTo("Lister Meile");
        assertThat(d.addresses().get(0).houseNumber()).isEqualTo("33");
    }

    @Test
    void thunderbirdVcard40() throws Exception {
        ImportResult r = run(sample(dir, "thunderbird.vcf"), ImportOptions.defaults());

        assertThat(r.imported()).isEqualTo(2);
        assertThat(r.ignoredColumns()).contains("URL", "NICKNAME", "BDAY (--MM-DD)");
        Person jan = person("Koch");
        PersonData d = jan.data();
        assertThat(d.salutation()).isEqualTo("Herr");
        assertThat(d.title()).isEqualTo("M.A.");
        assertThat(d.organisation()).isEqualTo("Koch & Partner Steuerberatung");
        assertThat(d.jobTitle()).isEqualTo("Geschäftsführer");
        assertThat(d.birthDate()).isEqualTo(LocalDate.of(1980, 5, 17));
        assertThat(d.emails()).extracting(EmailAddress::kind).containsExactly(ContactKind.OTHER, ContactKind.PRIVATE);
        assertThat(d.phones()).extracting(PhoneNumber::kind, PhoneNumber::e164).containsExactly(
                Tuple.tuple(ContactKind.WORK, "+49891234567"), Tuple.tuple(ContactKind.MOBILE, "+491701112223"));
        assertThat(d.addresses()).extracting(PostalAddress::street, PostalAddress::houseNumber, PostalAddress::region,
                PostalAddress::country).containsExactly(Tuple.tuple("Leopoldstraße", "244", "Bayern", "DE"));
        assertThat(jan.provenance().detail()).isEqualTo("vCard 4.0");
        assertThat(jan.provenance().sourceRecordId()).isEqualTo("2b6d2e5c-9b0f-4d4c-8a6c-3f4e1b9a7d21");

        PersonData petra = person("Schulz").data();
        assertThat(petra.givenName()).isEqualTo("Petra Maria");
        assertThat(petra.birthDate()).isNull();
    }

    @Test
    void appleContacts() throws Exception {
        ImportResult r = run(sample(dir, "apple.vcf"), ImportOptions.defaults());

        assertThat(r.imported()).isEqualTo(2);
        assertThat(r.ignoredColumns()).contains("PHOTO", "X-ABUID", "X-ABADR", "X-ABDATE", "X-SOCIALPROFILE",
                "BDAY (--MM-DD)").doesNotContain("X-ABLABEL", "PRODID");
        Person j = person("Größmann");
        PersonData d = j.data();
        assertThat(d.givenName()).isEqualTo("Jördis");
        assertThat(d.title()).isEqualTo("Prof. Dr.");
        assertThat(d.organisation()).isEqualTo("Universitätsklinikum Düsseldorf");
        assertThat(d.jobTitle()).isEqualTo("Oberärztin");
        assertThat(d.birthDate()).as("X-APPLE-OMIT-YEAR: no year known").isNull();
        assertThat(d.emails()).extracting(EmailAddress::kind, EmailAddress::address).containsExactly(
                Tuple.tuple(ContactKind.WORK, "joerdis.groessmann@ukd.example"),
                Tuple.tuple(ContactKind.PRIVATE, "jg@privat.example"));
        assertThat(d.phones()).extracting(PhoneNumber::kind, PhoneNumber::e164).containsExactly(
                Tuple.tuple(ContactKind.MOBILE, "+491723456789"), Tuple.tuple(ContactKind.WORK, "+492118112345"),
                Tuple.tuple(ContactKind.OTHER, "+492114445566"));
        assertThat(d.addresses()).extracting(PostalAddress::kind, PostalAddress::street, PostalAddress::houseNumber,
                PostalAddress::addressLine2, PostalAddress::region).containsExactly(
                Tuple.tuple(ContactKind.WORK, "Moorenstraße", "5", "Gebäude 13", null),
                Tuple.tuple(ContactKind.PRIVATE, "Königsallee", "12", null, "NRW"));
        assertThat(j.provenance().sourceRecordId()).isEqualTo("2C8B8F5D-7F4A-4E8C-9D3B-1A2B3C4D5E6F");

        PersonData k = person("Weber").data();
        assertThat(k.salutation()).isEqualTo("Herr");
        assertThat(k.emails().get(0).kind()).isEqualTo(ContactKind.WORK);
        assertThat(k.phones().get(0).kind()).isEqualTo(ContactKind.MOBILE);
        assertThat(k.addresses().get(0).street()).isEqualTo("Hauptstr.");
        assertThat(k.birthDate()).isEqualTo(LocalDate.of(1975, 2, 28));
    }

    @Test
    void aTruncatedFileNamesTheCutOffCardAndWritesNothing() throws Exception {
        String full = Files.readString(sample(dir, "thunderbird.vcf"));
        Path cut = dir.resolve("cut.vcf");
        Files.writeString(cut, full.substring(0, full.lastIndexOf("NICKNAME")));

        assertThatThrownBy(() -> run(cut, ImportOptions.defaults()))
                .isInstanceOfSatisfying(ImportRefusedException.class, e -> assertThat(e.problems())
                        .extracting(LineProblem::line, LineProblem::messageKey)
                        .containsExactly(Tuple.tuple(18L, "import.vcard.truncated")));
        assertThat(count()).isZero();

        ImportResult skipped = run(cut, ImportOptions.defaults().withSkipInvalid(true));
        assertThat(skipped.imported()).isEqualTo(1);
        assertThat(skipped.skippedLines()).isEqualTo(1);
    }

    @Test
    void binaryEmptyAndOtherFilesAreRefusedWithAClearMessage() throws Exception {
        Path png = dir.resolve("bild.vcf");
        Files.write(png, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'});
        assertThatThrownBy(() -> run(png, ImportOptions.defaults())).isInstanceOfSatisfying(KontorException.class,
                e -> assertThat(e.messageKey()).isEqualTo("import.binary"));

        Path empty = dir.resolve("leer.vcf");
        Files.writeString(empty, "\r\n  \r\n");
        assertThatThrownBy(() -> run(empty, ImportOptions.defaults())).isInstanceOfSatisfying(KontorException.class,
                e -> assertThat(e.messageKey()).isEqualTo("import.empty"));

        Path csv = dir.resolve("kunden.vcf");
        Files.writeString(csv, "Vorname;Nachname\nEva;Schäfer\n");
        assertThatThrownBy(() -> run(csv, ImportOptions.defaults())).isInstanceOfSatisfying(KontorException.class,
                e -> {
                    assertThat(e.messageKey()).isEqualTo("import.vcard.notVcard");
                    assertThat(e.args()).containsExactly("kunden.vcf", "1");
                });

        Path latin = dir.resolve("latin.vcf");
        Files.write(latin, "BEGIN:VCARD\nVERSION:3.0\nN:Köhler;Jan;;;\nEND:VCARD\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> run(latin, ImportOptions.defaults()))
                .isInstanceOfSatisfying(ImportRefusedException.class, e -> assertThat(e.problems())
                        .extracting(LineProblem::line, LineProblem::messageKey)
                        .containsExactly(Tuple.tuple(3L, "import.encoding")));
        assertThat(run(latin, ImportOptions.defaults().withEncoding(StandardCharsets.ISO_8859_1)).imported()).isEqualTo(1);
        assertThat(person("Köhler").data().givenName()).isEqualTo("Jan");
    }

    @Test
    void invalidValuesAreNamedPerFieldAndTheCardByItsLine() throws Exception {
        Path f = dir.resolve("bad.vcf");
        Files.writeString(f, "BEGIN:VCARD\nVERSION:3.0\nN:Lang;Ute;;;\nEMAIL:ute@beispiel\n"
                + "ADR;TYPE=HOME:;;Weg 1;Wien;;12345;AT\nEND:VCARD\n"
                + "BEGIN:VCARD\nVERSION:3.0\nFN:\nORG:Nur eine Firma\nEND:VCARD\n");
        assertThatThrownBy(() -> run(f, ImportOptions.defaults()))
                .isInstanceOfSatisfying(ImportRefusedException.class, e -> assertThat(e.problems())
                        .extracting(LineProblem::line, LineProblem::field).containsExactly(
                                Tuple.tuple(1L, "email"), Tuple.tuple(1L, "postcode")));
        assertThat(count()).isZero();
        // The second card, only an organisation, is a person of its own.
        assertThat(run(f, ImportOptions.defaults().withSkipInvalid(true)).imported()).isEqualTo(1);
    }

    @Test
    void suppressionAndDuplicatesWorkAsForCsv() throws Exception {
        Person existing = w.contacts().create(w.principal(), new PersonData(null, null, "Jan", "Koch",
                LocalDate.of(1980, 5, 17), null, null, null, List.of(new EmailAddress(ContactKind.WORK,
                        "jan.koch@koch-partner.example")), List.of(), List.of(), List.of(), null),
                ProvenanceInput.manual());
        Path f = sample(dir, "thunderbird.vcf");

        ImportResult merged = w.imports().run(w.principal(), f, ImportFormat.VCARD, ImportOptions.defaults(),
                DuplicateMode.MERGE);
        assertThat(merged.imported()).isEqualTo(1);
        assertThat(merged.duplicatesMerged()).isEqualTo(1);
        assertThat(count()).isEqualTo(2);
        assertThat(w.contacts().get(w.principal(), existing.id()).data().phones()).hasSize(2);

        Person petra = person("Schulz");
        w.erasure().erase(w.principal(), petra.id(), false, null, java.util.Locale.GERMAN);
        assertThatThrownBy(() -> run(f, ImportOptions.defaults()))
                .isInstanceOfSatisfying(ImportRefusedException.class, e -> assertThat(e.problems())
                        .extracting(LineProblem::line, LineProblem::messageKey)
                        .containsExactly(Tuple.tuple(18L, "suppression.blocked")));
    }
}
