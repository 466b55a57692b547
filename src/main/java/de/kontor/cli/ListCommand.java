package de.kontor.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import de.kontor.app.Workspace;
import de.kontor.domain.PersonSummary;
import de.kontor.domain.privacy.Exclusion;
import de.kontor.exchange.SafeCsv;
import de.kontor.privacy.ContactList;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "list", description = "People who may be processed for a purpose today; exclusions go to stderr.")
final class ListCommand implements Callable<Integer> {
    enum Format { csv, json }

    private final CliContext context;
    @Option(names = "--purpose", required = true, paramLabel = "K") String purpose;
    @Option(names = "--format", defaultValue = "csv", description = "csv or json (default ${DEFAULT-VALUE}).") Format format;

    ListCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        try (Workspace w = context.open()) {
            ContactList list = w.contactLists().export(w.principal(), purpose, format.name());
            if (format == Format.json) {
                ArrayNode arr = PurposesCommand.JSON.createArrayNode();
                list.people().forEach(p -> arr.add(PurposesCommand.JSON.valueToTree(p)));
                context.out().println(PurposesCommand.JSON.writeValueAsString(arr));
            } else {
                try (SafeCsv csv = new SafeCsv(context.out(), CSVFormat.DEFAULT.builder()
                        .setHeader(SafeCsv.LIST_COLUMNS.toArray(String[]::new)).get())) {
                    for (PersonSummary r : list.people()) {
                        csv.record(r.id(), r.givenName(), r.familyName(), r.email(), r.phone(), r.organisation(), r.city());
                    }
                }
            }
            context.err().println(context.messages().get("cli.list.summary", list.people().size(), list.excludedTotal()));
            for (Map.Entry<Exclusion, Integer> e : list.excluded().entrySet()) {
                context.err().println("  " + context.messages().get("exclusion." + e.getKey().key()) + ": " + e.getValue());
            }
        }
        return KontorCli.OK;
    }
}
