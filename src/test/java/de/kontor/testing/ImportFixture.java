package de.kontor.testing;

import de.kontor.app.Workspace;
import de.kontor.domain.ContactKind;
import de.kontor.domain.EmailAddress;
import de.kontor.domain.Person;
import de.kontor.domain.PersonData;
import de.kontor.domain.ProvenanceInput;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * A database with Jürgen Müller and an erased Petra Schulz (on the suppression list), and a
 * CSV file whose line 2 duplicates Jürgen, line 3 is Petra (blocked), line 4 is new and
 * line 5 is invalid: for the import screen's tests.
 */
public final class ImportFixture {
    public static final String FILE = "Vorname;Nachname;Geburtsdatum;E-Mail;Telefon;Lieblingsfarbe\n"
            + "Juergen;Mueller;12.04.1970;j.mueller@example.de;0221 999888;blau\n"
            + "Petra;Schulz;;petra.schulz@example.com;;grün\n"
            + "Tom;Bauer;;tom@example.de;;\n"
            + "Ute;Lang;;ute@beispiel;;\n";

    private ImportFixture() {}

    /**
     * Copies a sample export from src/test/resources/de/kontor/exchange ({@code "vcard/apple.vcf"},
     * {@code "csv/google.csv"}) into {@code dir} under its own name (the provenance records it).
     */
    public static Path sample(Path dir, String resource) throws IOException {
        Path f = dir.resolve(Path.of(resource).getFileName().toString());
        try (InputStream in = ImportFixture.class.getResourceAsStream("/de/kontor/exchange/" + resource)) {
            Files.copy(in, f);
        }
        return f;
    }

    /** Adds Jürgen and Petra, erases Petra; returns Jürgen. */
    public static Person prepare(Workspace w) {
        Person jürgen = person(w, "Jürgen", "Müller", LocalDate.of(1970, 4, 12), "j.mueller@example.de");
        Person petra = person(w, "Petra", "Schulz", null, "petra.schulz@example.com");
        w.erasure().erase(w.principal(), petra.id(), false, null, Locale.ENGLISH);
        return jürgen;
    }

    private static Person person(Workspace w, String given, String family, LocalDate birth, String email) {
        return w.contacts().create(w.principal(), new PersonData(null, null, given, family, birth, null, null, null,
                List.of(new EmailAddress(ContactKind.WORK, email)), List.of(), List.of(), List.of(), null),
                ProvenanceInput.manual());
    }
}
