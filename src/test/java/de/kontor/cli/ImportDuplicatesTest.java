package de.kontor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import de.kontor.app.Workspace;
import de.kontor.domain.Person;
import de.kontor.domain.PersonData;
import de.kontor.domain.EmailAddress;
import de.kontor.domain.ContactKind;
import de.kontor.domain.ProvenanceInput;
import de.kontor.domain.SourceKind;
import de.kontor.i18n.Messages;
import de.kontor.testing.TestWorkspaces;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code kontor import csv --duplicates report|skip|merge}: checked against the database and within the file. */
class ImportDuplicatesTest {
    /** Line 2 is a certain duplicate of Jürgen Müller; lines 3 and 4 are the same new person. */
    private static final String FILE = "Vorname;Nachname;Geburtsdatum;E-Mail;Telefon\n"
            + "Juergen;Mueller;12.04.1970;j.mueller@example.de;0221 999888\n"
            + "Anna;Schäfer;03.03.1990;anna@example.de;\n"
            + "Anna;Schaefer;03.03.1990;anna@example.de;\n";

    @TempDir
    Path dir;
    private Workspace w;
    private Person existing;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void open() {
        w = TestWorkspaces.create(dir.resolve("db"));
        existing = w.contacts().create(w.principal(), new PersonData(null, null, "Jürgen", "Müller",
                LocalDate.of(1970, 4, 12), null, null, null, List.of(new EmailAddress(ContactKind.WORK,
                        "j.mueller@example.de")), List.of(), List.of(), List.of(), null),
                ProvenanceInput.of(SourceKind.MANUAL, ""));
    }

    @AfterEach
    void close() {
        w.close();
    }

    private int importCsv(String... args) throws Exception {
        Path f = dir.resolve("kontakte.csv");
        Files.writeString(f, FILE, StandardCharsets.UTF_8);
        Messages m = new Messages(Locale.ENGLISH);
        CommandLine cl = new CommandLine(new ImportCommand(() -> w, m, new PrintWriter(out, true),
                new PrintWriter(err, true)));
        String[] all = new String[args.length + 2];
        all[0] = "csv";
        all[1] = f.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return cl.execute(all);
    }

    @Test
    void reportListsDuplicatesInTheDatabaseAndInTheFileAndImportsEverything() throws Exception {
        assertThat(importCsv()).as(err.toString()).isZero();
        String o = out.toString();
        assertThat(o).startsWith("imported 3, skipped 0");
        assertThat(o).contains("Line 2: possible duplicate of person " + existing.id() + " (score ");
        assertThat(o).contains("Line 4: possible duplicate of line 3 in this file");
        assertThat(o).contains("Duplicates: 1 in the database, 1 within the file; 0 line(s) skipped, 0 merged.");
        assertThat(w.contacts().count(w.principal())).isEqualTo(4);
    }

    @Test
    void skipLeavesOutRowsWithACertainDuplicateInTheDatabase() throws Exception {
        assertThat(importCsv("--duplicates", "skip")).as(err.toString()).isZero();
        assertThat(out.toString()).startsWith("imported 2, skipped 1")
                .contains("Line 2: skipped, duplicate of person " + existing.id());
        assertThat(w.contacts().count(w.principal())).isEqualTo(3);
        assertThat(w.contacts().get(w.principal(), existing.id()).version()).isEqualTo(existing.version());
    }

    @Test
    void mergeAddsTheRowsContactsToTheExistingPersonInsteadOfCreatingIt() throws Exception {
        assertThat(importCsv("--duplicates", "merge")).as(err.toString()).isZero();
        assertThat(out.toString()).startsWith("imported 2, skipped 0")
                .contains("Line 2: merged into person " + existing.id());
        assertThat(w.contacts().count(w.principal())).isEqualTo(3);
        Person merged = w.contacts().get(w.principal(), existing.id());
        assertThat(merged.data().givenName()).isEqualTo("Jürgen");
        assertThat(merged.data().emails()).hasSize(1);
        assertThat(merged.data().phones()).extracting(p -> p.e164()).containsExactly("+49221999888");
    }

    @Test
    void mergeIsAllOrNothingWhenTheExistingPersonChangedMeanwhileOrTheFileIsBad() throws Exception {
        Path f = dir.resolve("bad.csv");
        Files.writeString(f, FILE + "Tom;Bauer;;kaputt;\n", StandardCharsets.UTF_8);
        CommandLine cl = new CommandLine(new ImportCommand(() -> w, new Messages(Locale.ENGLISH),
                new PrintWriter(out, true), new PrintWriter(err, true)));
        assertThat(cl.execute("csv", f.toString(), "--duplicates", "merge")).isEqualTo(1);
        assertThat(w.contacts().count(w.principal())).isEqualTo(1);
        assertThat(w.contacts().get(w.principal(), existing.id()).data().phones()).isEmpty();
    }

    @Test
    void anUnknownModeIsRefused() throws Exception {
        assertThat(importCsv("--duplicates", "maybe")).isEqualTo(1);
        assertThat(err.toString()).contains("maybe").contains("report, skip or merge");
        assertThat(w.contacts().count(w.principal())).isEqualTo(1);
    }
}
