package de.kontor.cli;

import de.kontor.app.Workspace;
import de.kontor.domain.KontorException;
import de.kontor.exchange.SubjectDataService;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Reports as PDF: the Art. 15 access report. */
@Command(name = "report", description = "Reports as archival, accessible PDF.", subcommands = {ReportCommand.Access.class, ReportCommand.Ropa.class})
final class ReportCommand {

    @Command(name = "access", description = "The Art. 15 access report of a person (PDF/A-3 with the JSON export embedded).")
    static final class Access implements Callable<Integer> {
        private final CliContext context;
        @Option(names = "--person", required = true, paramLabel = "ID") long person;
        @Option(names = "--out", required = true, paramLabel = "FILE.pdf") Path out;
        @Option(names = "--language", paramLabel = "de|en", description = "Language of the letter (default: the person's).")
        String language;
        @Option(names = "--request", paramLabel = "REQ", description = "The request this answers; the file's SHA-256 is recorded on it.")
        Long request;

        Access(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            Locale locale = language(language);
            SubjectDataService.requireFolder(out);
            try (Workspace w = context.open()) {
                SubjectDataService.Result r = w.subjectData().accessReport(w.principal(), person, locale, request, out);
                context.out().println(context.messages().get("cli.report.access", person, r.file().toString(), r.sha256()));
                if (r.requestId() != null) {
                    context.out().println(context.messages().get("cli.export.recorded", r.requestId()));
                }
            }
            return KontorCli.OK;
        }
    }

    static Locale language(String language) {
        return language == null ? null : switch (language.strip().toLowerCase(Locale.ROOT)) {
            case "de" -> Locale.GERMAN;
            case "en" -> Locale.ENGLISH;
            default -> throw new KontorException("cli.unknownValue", language, "de, en");
        };
    }

    @Command(name = "ropa", description = "The records of processing activities (Art. 30) as PDF/A, from the purposes and the deletion concept.")
    static final class Ropa implements Callable<Integer> {
        private final CliContext context;
        @Option(names = "--out", required = true, paramLabel = "FILE.pdf") Path out;
        @Option(names = "--language", paramLabel = "de|en", description = "Language (default: the command line's).")
        String language;

        Ropa(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            Locale locale = language == null ? context.messages().locale() : language(language);
            SubjectDataService.requireFolder(out);
            try (Workspace w = context.open()) {
                SubjectDataService.Result r = w.subjectData().processingRecords(w.principal(), locale, out);
                context.out().println(context.messages().get("cli.report.ropa", r.file().toString(), r.sha256()));
            }
            return KontorCli.OK;
        }
    }
}
