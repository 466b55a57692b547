package de.kontor.cli;

import de.kontor.app.Workspace;
import de.kontor.app.Logs;
import de.kontor.domain.KontorException;
import de.kontor.dedupe.Match;
import de.kontor.exchange.DuplicateMode;
import de.kontor.exchange.ImportDuplicate;
import de.kontor.exchange.ImportFormat;
import de.kontor.exchange.ImportOptions;
import de.kontor.exchange.ImportRefusedException;
import de.kontor.exchange.ImportResult;
import de.kontor.exchange.LineProblem;
import de.kontor.i18n.Messages;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code kontor import csv FILE [--map COLUMN=field,...] [--delimiter C] [--encoding E]
 * [--date-format PATTERN] [--skip-invalid] [--dry-run] [--duplicates report|skip|merge]},
 * {@code kontor import vcard FILE [--encoding E] [--skip-invalid] [--dry-run] [--duplicates ...]}
 * and {@code kontor import json FILE}. Prints {@code imported N, skipped M}
 * (a fixed, untranslated line for scripts), then the ignored columns and skipped lines. A
 * refused file gives one line per problem on stderr and exit code 1; nothing is written.
 */
@Command(name = "import", description = "Import people from a file (all or nothing).")
public final class ImportCommand implements Callable<Integer> {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ImportCommand.class);
    private static final String DUPLICATES_HELP = "Rows that duplicate people in the database: report (default; "
            + "import all), skip (leave out certain duplicates) or merge (add their e-mails, phones and addresses to the "
            + "existing person).";
    private final WorkspaceProvider workspaces;
    private final Messages messages;
    private final PrintWriter out;
    private final PrintWriter err;

    @Spec
    CommandSpec spec;

    public ImportCommand(WorkspaceProvider workspaces, Messages messages, PrintWriter out, PrintWriter err) {
        this.workspaces = workspaces;
        this.messages = messages;
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), messages.get("import.subcommand"));
    }

    @Command(name = "json", description = "Restore a Kontor JSON export (with ids) into a database without people.")
    int json(@Parameters(paramLabel = "FILE", description = "A file written by kontor export --format json.") Path file) {
        try {
            if (!java.nio.file.Files.exists(file)) {
                throw new KontorException("import.fileMissing", file.toString());
            }
            Workspace w = workspaces.workspace();
            var summary = w.subjectData().importJson(w.principal(), file, file.getFileName().toString(), null);
            out.println("imported " + summary.people() + ", skipped 0");
            out.println(messages.get("import.json.done", summary.people(), summary.activities(), summary.consents(),
                    summary.skippedDocuments()));
            return 0;
        } catch (KontorException e) {
            LOG.info("import refused: {}", Logs.describe(e));
            err.println(messages.describe(e));
            return 1;
        }
    }

    @Command(name = "csv", description = "Import people from a CSV file (UTF-8 unless --encoding).")
    int csv(
            @Parameters(paramLabel = "FILE", description = "The CSV file; the first line names the columns.") Path file,
            @Option(names = "--map", split = ",", paramLabel = "COLUMN=field",
                    description = "Which column holds which field, e.g. Mail=email,Kdnr=sourceRecordId.")
            LinkedHashMap<String, String> map,
            @Option(names = "--delimiter", paramLabel = "C", description = "Column delimiter (default: detect , or ;).")
            String delimiter,
            @Option(names = "--encoding", paramLabel = "E", defaultValue = "UTF-8",
                    description = "Text encoding (default UTF-8), e.g. windows-1252.") String encoding,
            @Option(names = "--date-format", paramLabel = "PATTERN",
                    description = "Date pattern (default yyyy-MM-dd or dd.MM.yyyy).") String datePattern,
            @Option(names = "--skip-invalid", description = "Skip and list bad lines instead of refusing the file.")
            boolean skipInvalid,
            @Option(names = "--dry-run", description = "Check and report only; write nothing.") boolean dryRun,
            @Option(names = "--duplicates", paramLabel = "MODE", defaultValue = "report",
                    description = DUPLICATES_HELP) String duplicates) {
        return run(file, ImportFormat.CSV, () -> new ImportOptions(map == null ? Map.of() : map, delimiter(delimiter),
                charset(encoding), datePattern, skipInvalid, dryRun), duplicates);
    }

    @Command(name = "vcard", description = "Import people from a vCard file (2.1, 3.0 or 4.0; Google, Outlook, "
            + "Thunderbird, Apple Contacts).")
    int vcard(
            @Parameters(paramLabel = "FILE", description = "The .vcf file, one or more cards.") Path file,
            @Option(names = "--encoding", paramLabel = "E", defaultValue = "UTF-8",
                    description = "Text encoding (default UTF-8), e.g. windows-1252 for old Outlook cards.")
            String encoding,
            @Option(names = "--skip-invalid", description = "Skip and list bad cards instead of refusing the file.")
            boolean skipInvalid,
            @Option(names = "--dry-run", description = "Check and report only; write nothing.") boolean dryRun,
            @Option(names = "--duplicates", paramLabel = "MODE", defaultValue = "report",
                    description = DUPLICATES_HELP) String duplicates) {
        return run(file, ImportFormat.VCARD, () -> ImportOptions.defaults().withEncoding(charset(encoding))
                .withSkipInvalid(skipInvalid).withDryRun(dryRun), duplicates);
    }

    /**
     * Prints {@code imported N, skipped M} (a fixed, untranslated line for scripts), then the
     * ignored columns, skipped lines and duplicates; a refused file gives one line per problem
     * on stderr and exit code 1.
     */
    private int run(Path file, ImportFormat format, java.util.function.Supplier<ImportOptions> read, String duplicates) {
        try {
            ImportOptions options = read.get(); // refuses an unknown encoding or a bad delimiter
            DuplicateMode mode = DuplicateMode.parse(duplicates);
            Workspace w = workspaces.workspace();
            ImportResult r = w.imports().run(w.principal(), file, format, options, mode);
            // A dry run imports nothing; what it would import follows on the next line.
            out.println("imported " + (r.dryRun() ? 0 : r.imported()) + ", skipped "
                    + (r.skippedLines() + r.duplicatesSkipped()));
            if (r.dryRun()) {
                out.println(messages.get("import.dryRun", r.imported()));
            }
            if (!r.ignoredColumns().isEmpty()) {
                out.println(messages.get("import.ignoredColumns", String.join(", ", r.ignoredColumns())));
            }
            for (LineProblem p : r.skipped()) {
                out.println(messages.get("import.skipped", CliText.problem(messages, p)));
            }
            for (LineProblem p : r.notes()) {
                out.println(messages.get("import.note", CliText.problem(messages, p)));
            }
            printDuplicates(r);
            // Every record of the file is accounted for: imported + merged + skipped + invalid + blocked = records.
            out.println(messages.get(r.dryRun() ? "import.counts.dryRun" : "import.counts", r.rows(), r.imported(),
                    r.duplicatesMerged(), r.duplicatesSkipped(), r.invalidLines(), r.blockedLines(), r.notes().size()));
            out.flush();
            return 0;
        } catch (ImportRefusedException e) {
            LOG.info("import refused: {}", Logs.describe(e));
            for (LineProblem p : e.problems()) {
                err.println(CliText.problem(messages, p));
            }
            err.println(messages.describe(e));
            err.flush();
            return 1;
        } catch (KontorException e) {
            LOG.info("import refused: {}", Logs.describe(e));
            err.println(messages.describe(e));
            err.flush();
            return 1;
        }
    }

    /** One line per duplicate (line, matched id or line, score), then a summary when there were any. */
    private void printDuplicates(ImportResult r) {
        if (r.duplicates().isEmpty()) {
            return;
        }
        long inDb = 0;
        for (ImportDuplicate d : r.duplicates()) {
            String score = String.format(java.util.Locale.ROOT, "%.1f", d.score());
            String level = messages.get(d.level() == Match.Level.CERTAIN ? "ui.dedupe.certain" : "ui.dedupe.possible");
            if (d.inDatabase()) {
                inDb++;
            }
            String line = switch (d.action()) {
                case SKIPPED -> d.inDatabase()
                        ? messages.get("import.duplicates.skipped", Long.toString(d.line()), Long.toString(d.personId()),
                                score)
                        : messages.get("import.duplicates.skippedInFile", Long.toString(d.line()),
                                Long.toString(d.otherLine()), score);
                case MERGED -> d.inDatabase()
                        ? messages.get("import.duplicates.merged", Long.toString(d.line()), Long.toString(d.personId()),
                                score)
                        : messages.get("import.duplicates.mergedInFile", Long.toString(d.line()),
                                Long.toString(d.otherLine()), score);
                case REPORTED -> d.inDatabase()
                        ? messages.get("import.duplicates.inDatabase", Long.toString(d.line()),
                                Long.toString(d.personId()), score, level)
                        : messages.get("import.duplicates.inFile", Long.toString(d.line()),
                                Long.toString(d.otherLine()), score, level);
            };
            out.println(line);
        }
        out.println(messages.get("import.duplicates.summary", inDb, r.duplicates().size() - inDb,
                r.duplicatesSkipped(), r.duplicatesMerged()));
    }

    private static Character delimiter(String d) {
        if (d == null) {
            return null;
        }
        if (d.equals("\\t") || d.equalsIgnoreCase("tab")) {
            return '\t';
        }
        if (d.length() != 1) {
            throw new KontorException("import.delimiter", d);
        }
        return d.charAt(0);
    }

    private static Charset charset(String name) {
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new KontorException("import.encodingUnknown", name);
        }
    }
}
