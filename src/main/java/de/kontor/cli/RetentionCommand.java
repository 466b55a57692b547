package de.kontor.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import de.kontor.app.Workspace;
import de.kontor.domain.retention.DataCategory;
import de.kontor.domain.retention.DueItem;
import de.kontor.exchange.SafeCsv;
import de.kontor.privacy.RetentionService;
import de.kontor.security.OwnerOnlyFiles;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "retention", description = "The deletion concept: rules, due list, apply.",
        subcommands = {RetentionCommand.Rules.class, RetentionCommand.Due.class, RetentionCommand.Apply.class,
                RetentionCommand.SetRule.class, RetentionCommand.Assign.class, RetentionCommand.Postpone.class})
final class RetentionCommand {

    @Command(name = "rules", description = "The data categories with their deletion rules.")
    static final class Rules implements Callable<Integer> {
        private final CliContext context;
        @Option(names = "--format", defaultValue = "table") ContactsCommand.Format format;
        @Option(names = "--pdf", paramLabel = "FILE", description = "Also write the deletion concept as PDF/A.")
        java.nio.file.Path pdf;

        Rules(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws Exception {
            try (Workspace w = context.open()) {
                List<DataCategory> rules = w.retention().rules(w.principal());
                if (pdf != null) {
                    try {
                        OwnerOnlyFiles.write(pdf, w.retention().conceptPdf(w.principal(), context.messages().locale()));
                    } catch (java.io.IOException e) {
                        throw new de.kontor.domain.KontorException(e, "error.io", pdf.toString(), e.getMessage());
                    }
                }
                if (format == ContactsCommand.Format.json) {
                    ArrayNode arr = PurposesCommand.JSON.createArrayNode();
                    for (DataCategory c : rules) {
                        arr.addObject().put("key", c.key()).put("nameDe", c.nameDe()).put("nameEn", c.nameEn())
                                .put("period", c.period().key()).put("startEvent", c.startEvent().key())
                                .put("fromYearEnd", c.fromYearEnd()).put("action", c.action().key())
                                .put("statutory", c.statutory());
                    }
                    context.out().println(PurposesCommand.JSON.writeValueAsString(arr));
                } else {
                    String fmt = "%-18s %-34s %-6s %-17s %-9s %-10s %s%n";
                    context.out().printf(fmt, "KEY", context.messages().get("cli.col.name"), "PERIOD", "START", "YEAR-END",
                            "ACTION", "STATUTORY");
                    for (DataCategory c : rules) {
                        context.out().printf(fmt, c.key(), c.name(context.messages().locale()), c.period().key(),
                                c.startEvent().key(), c.fromYearEnd() ? "x" : "", c.action().key(),
                                c.statutory() == null ? "" : c.statutory());
                    }
                }
            }
            return KontorCli.OK;
        }
    }

    @Command(name = "due", description = "What is due on a day (default today): delete, anonymise or review.")
    static final class Due implements Callable<Integer> {
        private final CliContext context;
        @Option(names = "--as-of", paramLabel = "DATE") String asOf;
        @Option(names = "--format", defaultValue = "csv", description = "csv or json") ListCommand.Format format;

        Due(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws Exception {
            LocalDate day = asOf == null ? LocalDate.now(context.options().clock()) : CliValues.date("asOf", asOf);
            try (Workspace w = context.open()) {
                List<DueItem> due = w.retention().due(w.principal(), day);
                if (format == ListCommand.Format.json) {
                    ArrayNode arr = PurposesCommand.JSON.createArrayNode();
                    for (DueItem i : due) {
                        arr.addObject().put("type", i.type().key()).put("id", i.itemId()).put("personId", i.personId())
                                .put("category", i.category()).put("start", i.start().toString())
                                .put("due", i.due().toString()).put("action", i.action().key())
                                .put("postponed", i.postponedReason());
                    }
                    context.out().println(PurposesCommand.JSON.writeValueAsString(arr));
                } else {
                    try (SafeCsv csv = new SafeCsv(context.out(), CSVFormat.DEFAULT.builder()
                            .setHeader("type", "id", "personId", "category", "start", "due", "action", "postponed").get())) {
                        for (DueItem i : due) {
                            csv.record(i.type().key(), i.itemId(), i.personId(), i.category(), i.start(), i.due(),
                                    i.action().key(), i.postponedReason());
                        }
                    }
                }
                context.err().println(context.messages().get("cli.retention.dueCount", due.size(), day));
            }
            return KontorCli.OK;
        }
    }

    @Command(name = "apply", description = "Delete or anonymise what is due; items to review are listed.")
    static final class Apply implements Callable<Integer> {
        private final CliContext context;
        @Option(names = "--as-of", paramLabel = "DATE") String asOf;
        @Option(names = "--dry-run") boolean dryRun;
        @Option(names = "--item", paramLabel = "TYPE:ID", split = ",",
                description = "Only these due items, e.g. person:12,activity:7 (as `retention due` lists them).")
        List<String> items;

        Apply(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            LocalDate day = asOf == null ? LocalDate.now(context.options().clock()) : CliValues.date("asOf", asOf);
            try (Workspace w = context.open()) {
                RetentionService.ApplyResult r = w.retention().apply(w.principal(), day, dryRun,
                        context.messages().locale(), items == null ? null : itemKeys(items));
                context.out().println(context.messages().get(dryRun ? "cli.retention.wouldApply" : "cli.retention.applied",
                        day, r.deleted().getOrDefault(de.kontor.domain.retention.ItemType.PERSON, 0),
                        r.deleted().getOrDefault(de.kontor.domain.retention.ItemType.ACTIVITY, 0),
                        r.deleted().getOrDefault(de.kontor.domain.retention.ItemType.CONSENT, 0),
                        r.deleted().getOrDefault(de.kontor.domain.retention.ItemType.DOCUMENT, 0), r.anonymised(),
                        r.restrictedForRetention(), r.review().size()));
            }
            return KontorCli.OK;
        }
    }

    /** "person:12" → the due-item key; the type must be known and the id a number. */
    static java.util.Set<String> itemKeys(List<String> items) {
        java.util.Set<String> keys = new java.util.HashSet<>();
        for (String item : items) {
            String[] parts = item.strip().split(":", 2);
            var type = CliValues.keyed(de.kontor.domain.retention.ItemType.class, parts[0], "cli.unknownValue");
            try {
                keys.add(de.kontor.domain.retention.RetentionFacts.key(type, Long.parseLong(parts.length > 1 ? parts[1] : "")));
            } catch (NumberFormatException e) {
                throw new de.kontor.domain.KontorException("cli.retention.itemId", item);
            }
        }
        return keys;
    }

    @Command(name = "set-rule", description = "Change the deletion rule of a data category.")
    static final class SetRule implements Callable<Integer> {
        private final CliContext context;
        @picocli.CommandLine.Parameters(paramLabel = "CATEGORY") String category;
        @Option(names = "--period", required = true, description = "0, 1m, 3m, 6m, 1y, 2y, 3y, 6y, 10y") String period;
        @Option(names = "--start", required = true, description = "collection, process-end, relationship-end") String start;
        @Option(names = "--action", required = true, description = "delete, anonymise, review") String action;
        @Option(names = "--year-end", description = "Count from the end of the calendar year.") boolean yearEnd;

        SetRule(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            var p = CliValues.keyed(de.kontor.domain.retention.RetentionPeriod.class, period, "cli.unknownValue");
            var s = CliValues.keyed(de.kontor.domain.retention.StartEvent.class, start, "cli.unknownValue");
            var a = CliValues.keyed(de.kontor.domain.retention.DueAction.class, action, "cli.unknownValue");
            try (Workspace w = context.open()) {
                DataCategory c = w.retention().updateRule(w.principal(), category, p, s, a, yearEnd);
                context.out().println(c.key() + ": " + c.period().key() + " " + c.startEvent().key() + " "
                        + c.action().key());
            }
            return KontorCli.OK;
        }
    }

    @Command(name = "assign", description = "Put a person into a data category; record when the relationship ended.")
    static final class Assign implements Callable<Integer> {
        private final CliContext context;
        @Option(names = "--person", required = true, paramLabel = "ID") long person;
        @Option(names = "--category", required = true, paramLabel = "KEY") String category;
        @Option(names = "--relationship-ended", paramLabel = "DATE") String ended;

        Assign(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            try (Workspace w = context.open()) {
                w.retention().assign(w.principal(), person, category, CliValues.date("relationshipEnded", ended));
                context.out().println(person + ": " + category);
            }
            return KontorCli.OK;
        }
    }

    @Command(name = "postpone", description = "Postpone a due item with a documented reason and a new date.")
    static final class Postpone implements Callable<Integer> {
        private final CliContext context;
        @Option(names = "--type", required = true, description = "person, activity, consent, document") String type;
        @Option(names = "--id", required = true) long id;
        @Option(names = "--until", required = true, paramLabel = "DATE") String until;
        @Option(names = "--reason", required = true) String reason;

        Postpone(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            var t = CliValues.keyed(de.kontor.domain.retention.ItemType.class, type, "cli.unknownValue");
            try (Workspace w = context.open()) {
                w.retention().postpone(w.principal(), t, id, CliValues.date("until", until), reason);
                context.out().println(t.key() + " " + id + " -> " + until);
            }
            return KontorCli.OK;
        }
    }
}
