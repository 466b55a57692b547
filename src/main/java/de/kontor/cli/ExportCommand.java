package de.kontor.cli;

import de.kontor.app.Workspace;
import de.kontor.exchange.ExportFormat;
import de.kontor.exchange.SubjectDataService;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Art. 20 exports: one person or everyone (restricted people left out) as JSON, CSV or vCard 4.0. */
@Command(name = "export", description = "Export one person or everyone as JSON, CSV (UTF-8 with BOM) or vCard 4.0.")
final class ExportCommand implements Callable<Integer> {
    private final CliContext context;

    static final class Who {
        @Option(names = "--person", required = true, paramLabel = "ID") Long person;
        @Option(names = "--all", required = true, description = "Everyone except restricted people.") boolean all;
    }

    @ArgGroup(exclusive = true, multiplicity = "1") Who who;
    @Option(names = "--format", required = true, paramLabel = "json|csv|vcard") String format;
    @Option(names = "--out", required = true, paramLabel = "FILE") Path out;
    @Option(names = "--request", paramLabel = "REQ", description = "The request this answers; the file's SHA-256 is recorded on it.")
    Long request;
    @Option(names = "--delimiter", defaultValue = "comma", paramLabel = "comma|semicolon",
            description = "CSV separator (semicolon for German Excel; default ${DEFAULT-VALUE}).") String delimiter;

    ExportCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        ExportFormat f = CliValues.keyed(ExportFormat.class, format, "cli.unknownValue");
        char sep = switch (delimiter.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "comma", "," -> ',';
            case "semicolon", ";" -> ';';
            default -> throw new de.kontor.domain.KontorException("cli.unknownValue", delimiter, "comma, semicolon");
        };
        SubjectDataService.requireFolder(out);
        try (Workspace w = context.open()) {
            SubjectDataService.Result r = w.subjectData().export(w.principal(), who.all ? null : who.person, f, sep,
                    request, out);
            context.out().println(context.messages().get("cli.export.written", r.people(), r.file().toString(), r.sha256()));
            if (r.requestId() != null) {
                context.out().println(context.messages().get("cli.export.recorded", r.requestId()));
            }
        }
        return KontorCli.OK;
    }
}
