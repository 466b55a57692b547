package de.kontor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import de.kontor.app.Workspace;
import de.kontor.i18n.Messages;
import de.kontor.testing.TestWorkspaces;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Runs the exchange commands the way the root command will: constructed, then executed by picocli. */
class ExchangeCommandsTest {
    @TempDir
    Path dir;

    private Workspace w;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void open() {
        w = TestWorkspaces.create(dir.resolve("db"));
    }

    @AfterEach
    void close() {
        w.close();
    }

    /** The harness: a command built with a workspace provider, messages and writers, run by picocli. */
    private int run(Locale locale, Function<Messages, Callable<Integer>> factory, String... args) {
        Messages m = new Messages(locale);
        CommandLine cl = new CommandLine(factory.apply(m));
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    private int importCsv(Locale locale, String... args) {
        return run(locale, m -> new ImportCommand(() -> w, m, new PrintWriter(out, true), new PrintWriter(err, true)),
                args);
    }

    private Path csv(String content) throws Exception {
        Path f = dir.resolve("kontakte.csv");
        Files.writeString(f, content, StandardCharsets.UTF_8);
        return f;
    }

    @Test
    void importPrintsCountsAndIgnoredColumns() throws Exception {
        Path f = csv("Vorname;Nachname;E-Mail;Hobby\nEva;Schäfer;eva@beispiel.de;Segeln\nJan;Koch;jan@beispiel.de;\n");
        int code = importCsv(Locale.ENGLISH, "csv", f.toString());
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).startsWith("imported 2, skipped 0").contains("Ignored columns").contains("Hobby");
        assertThat(w.contacts().count(w.principal())).isEqualTo(2);
    }

    @Test
    void refusedImportListsEveryBadLineOnStderrAndExitsWithOne() throws Exception {
        Path f = csv("Vorname,Nachname,E-Mail\nEva,Schäfer,kaputt\nJan,Koch,jan@beispiel.de\nTom,Bauer,auch@kaputt\n");
        int code = importCsv(Locale.GERMAN, "csv", f.toString());
        assertThat(code).isEqualTo(1);
        List<String> lines = err.toString().lines().toList();
        assertThat(lines.get(0)).startsWith("Zeile 2, email: ").contains("kaputt");
        assertThat(lines.get(1)).startsWith("Zeile 4, email: ");
        assertThat(lines.get(2)).contains("nicht importiert").contains("2 Zeilen");
        assertThat(out.toString()).isEmpty();
        assertThat(w.contacts().count(w.principal())).isZero();
    }

    @Test
    void skipInvalidDryRunAndMappingOptions() throws Exception {
        Path f = csv("Kdnr|VN|NN|Mail\nK1|Eva|Schäfer|eva@beispiel.de\nK2|Jan|Koch|kaputt\n");
        int code = importCsv(Locale.ENGLISH, "csv", f.toString(), "--map", "Kdnr=sourceRecordId,VN=givenName,NN=familyName,Mail=email",
                "--delimiter", "|", "--skip-invalid", "--dry-run");
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).startsWith("imported 0, skipped 1").contains("Dry run: 1 people")
                .contains("Skipped: Line 3, email:");
        assertThat(w.contacts().count(w.principal())).isZero();
    }

    @Test
    void unknownMappingFieldAndEncodingAreRefused() throws Exception {
        Path f = csv("Vorname,Nachname\nEva,Schäfer\n");
        assertThat(importCsv(Locale.ENGLISH, "csv", f.toString(), "--map", "Vorname=vorname")).isEqualTo(1);
        assertThat(err.toString()).contains("Unknown field 'vorname'").contains("givenName, familyName");
        assertThat(importCsv(Locale.ENGLISH, "csv", f.toString(), "--encoding", "klingonisch")).isEqualTo(1);
        assertThat(err.toString()).contains("Unknown encoding 'klingonisch'");
        assertThat(w.contacts().count(w.principal())).isZero();
    }

    @Test
    void importWithoutWhatIsAUsageError() {
        assertThat(importCsv(Locale.ENGLISH)).isEqualTo(2);
        assertThat(err.toString()).contains("import csv FILE");
    }

    @Test
    void demoFillsTheDatabase() {
        int code = run(Locale.ENGLISH, m -> new DemoCommand(() -> w, m, new PrintWriter(out, true),
                new PrintWriter(err, true)), "--contacts", "60", "--duplicate-rate", "0.1", "--seed", "9");
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).startsWith("generated 60 people (6 near-duplicates");
        assertThat(w.contacts().count(w.principal())).isEqualTo(60);
        assertThat(run(Locale.ENGLISH, m -> new DemoCommand(() -> w, m, new PrintWriter(out, true),
                new PrintWriter(err, true)), "--contacts", "5", "--duplicate-rate", "2")).isEqualTo(1);
    }

    @Test
    void benchDedupeMillionScansGeneratedPeopleInMemory() {
        int code = run(Locale.ENGLISH, m -> new BenchCommand(m, new PrintWriter(out, true), new PrintWriter(err, true),
                TestWorkspaces.CHEAP), "--dedupe-million", "--contacts", "3000");
        assertThat(code).as(err.toString()).isZero();
        assertThat(err.toString()).contains("3,000 generated people held in memory");
        List<String> lines = out.toString().lines().toList();
        assertThat(lines).allMatch(l -> l.matches("[a-z0-9_]+ [0-9]+(\\.[0-9]+)? [A-Za-z/]+"));
        assertThat(lines).contains("dedupe_mem_people 3000 count", "dedupe_mem_recall 1.0000 ratio");
        assertThat(lines.stream().map(l -> l.split(" ")[0]).toList()).contains("dedupe_mem_index_s",
                "dedupe_mem_scan_s", "dedupe_mem_pairs", "dedupe_mem_precision", "peak_heap_mb");
    }

    @Test
    void benchPrintsEveryFigureAsNameValueUnit() {
        Path work = dir.resolve("bench");
        int code = run(Locale.ENGLISH, m -> new BenchCommand(m, new PrintWriter(out, true), new PrintWriter(err, true),
                TestWorkspaces.CHEAP), "--contacts", "300", "--work-dir", work.toString());
        assertThat(code).as(err.toString()).isZero();
        // a "# ..." line says what was skipped (the labelled sets of ../shared/data may be absent)
        List<String> lines = out.toString().lines().filter(l -> !l.startsWith("# ")).toList();
        assertThat(lines).allMatch(l -> l.matches("[a-z0-9_]+ [0-9]+(\\.[0-9]+)? [A-Za-z/]+"));
        assertThat(lines.stream().map(l -> l.split(" ")[0]).toList()).contains("open_ms", "index_build_ms",
                "search_p50_ms", "search_p99_ms", "csv_import_100k_s", "db_file_mb", "peak_heap_mb",
                "erase_one_after_bulk_fill_ms", "erase_one_with_compaction_ms");
        assertThat(lines).contains("csv_import_rows 300 count");
        assertThat(Arrays.asList(work.toFile().list())).isEmpty();
    }
}
