package de.kontor.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import de.kontor.app.Workspace;
import de.kontor.dedupe.Match;
import de.kontor.domain.ContactKind;
import de.kontor.domain.EmailAddress;
import de.kontor.domain.KontorException;
import de.kontor.domain.Person;
import de.kontor.domain.PersonData;
import de.kontor.domain.PhoneNumber;
import de.kontor.domain.PostalAddress;
import de.kontor.exchange.SafeCsv;
import de.kontor.security.OwnerOnlyFiles;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "dedupe", description = "Find, review and merge duplicates.",
        subcommands = {DedupeCommand.Scan.class, DedupeCommand.Check.class, DedupeCommand.Merge.class,
                DedupeCommand.Distinct.class})
final class DedupeCommand {

    static void print(CliContext context, List<Match> matches, ListCommand.Format format, Writer target) throws Exception {
        if (format == ListCommand.Format.json) {
            ArrayNode arr = PurposesCommand.JSON.createArrayNode();
            for (Match m : matches) {
                var o = arr.addObject().put("score", m.score()).put("level", m.level().name().toLowerCase())
                        .put("id_a", m.a().key()).put("id_b", m.b().key())
                        .put("source_record_id_a", m.a().sourceRecordId()).put("source_record_id_b", m.b().sourceRecordId());
                ArrayNode reasons = o.putArray("reasons");
                m.reasons().forEach(reasons::add);
            }
            target.write(PurposesCommand.JSON.writeValueAsString(arr));
            target.write(System.lineSeparator());
        } else {
            SafeCsv csv = new SafeCsv(target, CSVFormat.DEFAULT.builder()
                    .setHeader("score", "id_a", "id_b", "source_record_id_a", "source_record_id_b", "reasons").get());
            for (Match m : matches) {
                csv.record(m.score(), m.a().key(), m.b().key(), m.a().sourceRecordId(), m.b().sourceRecordId(),
                        String.join("; ", m.reasons()));
            }
            csv.flush();
        }
        target.flush();
    }

    @Command(name = "scan", description = "Scan the whole database; one row per pair.")
    static final class Scan implements Callable<Integer> {
        private final CliContext context;
        @Option(names = "--threshold", paramLabel = "T", description = "Minimum score (default: the 'certain' threshold).")
        Double threshold;
        @Option(names = "--format", defaultValue = "csv") ListCommand.Format format;
        @Option(names = "--out", paramLabel = "FILE") Path out;

        Scan(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws Exception {
            try (Workspace w = context.open()) {
                double t = threshold == null ? w.dedupe().settings().certain() : threshold;
                List<Match> matches = w.dedupe().scan(w.principal(), t, p -> { }, () -> false);
                if (out == null) {
                    print(context, matches, format, context.out());
                } else {
                    Path tmp = out.toAbsolutePath().resolveSibling(out.getFileName() + ".part");
                    try (Writer wr = new java.io.BufferedWriter(new java.io.OutputStreamWriter(OwnerOnlyFiles.newOutputStream(tmp),
                            StandardCharsets.UTF_8))) {
                        print(context, matches, format, wr);
                    } catch (java.io.IOException e) {
                        throw new KontorException(e, "error.io", out.toString(), e.getMessage());
                    }
                    Files.move(tmp, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
                context.err().println(context.messages().get("cli.dedupe.pairs", matches.size(), t));
            }
            return KontorCli.OK;
        }
    }

    @Command(name = "check", description = "Possible duplicates of a person not yet saved.")
    static final class Check implements Callable<Integer> {
        private final CliContext context;
        @Option(names = "--given", paramLabel = "G") String given;
        @Option(names = "--family", required = true, paramLabel = "F") String family;
        @Option(names = "--email", paramLabel = "E") List<String> emails;
        @Option(names = "--phone", paramLabel = "P") List<String> phones;
        @Option(names = "--birth-date", paramLabel = "D") String birth;
        @Option(names = "--postcode", paramLabel = "P") String postcode;
        @Option(names = "--street") String street;
        @Option(names = "--city") String city;

        Check(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws Exception {
            var rules = new de.kontor.domain.ContactRules();
            PersonData d = rules.normalise(PersonData.named(given, family).withBirthDate(CliValues.date("birthDate", birth))
                    .withEmails(emails == null ? List.of() : emails.stream().map(EmailAddress::work).toList())
                    .withPhones(phones == null ? List.of() : phones.stream().map(p -> PhoneNumber.of(ContactKind.WORK, p)).toList())
                    .withAddresses(postcode == null && street == null && city == null ? List.of()
                            : List.of(new PostalAddress(ContactKind.WORK, street, null, null, postcode, city, null, null))));
            try (Workspace w = context.open()) {
                List<Match> matches = w.dedupe().check(w.principal(), d, null);
                if (matches.isEmpty()) {
                    context.err().println(context.messages().get("cli.dedupe.none"));
                }
                for (Match m : matches) {
                    Person p = w.contacts().get(w.principal(), m.b().key());
                    context.out().printf("%s\t%d\t%s\t%s\t%s%n", m.score(), p.id(), p.displayName(),
                            m.level().name().toLowerCase(), String.join("; ", m.reasons()));
                }
            }
            return KontorCli.OK;
        }
    }

    @Command(name = "merge", description = "Merge one person into another; the merged id redirects to the survivor.")
    static final class Merge implements Callable<Integer> {
        private final CliContext context;
        @Option(names = "--keep", required = true, paramLabel = "ID") long keep;
        @Option(names = "--merge", required = true, paramLabel = "ID") long merge;
        @Option(names = "--prefer", split = ",", paramLabel = "FIELD=ID",
                description = "Take these fields from the given id (default: from --keep).") List<String> prefer;

        Merge(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            Map<String, Long> choices = new HashMap<>();
            if (prefer != null) {
                for (String p : prefer) {
                    int eq = p.indexOf('=');
                    long id;
                    try {
                        id = eq < 0 ? -1 : Long.parseLong(p.substring(eq + 1).strip());
                    } catch (NumberFormatException e) {
                        id = -1;
                    }
                    if (id != keep && id != merge) {
                        throw new KontorException("cli.dedupe.prefer", p);
                    }
                    choices.put(p.substring(0, eq).strip(), id);
                }
            }
            try (Workspace w = context.open()) {
                Person k = w.contacts().get(w.principal(), keep);
                Person m = w.contacts().get(w.principal(), merge);
                if (k.id() == m.id()) {
                    throw new KontorException("dedupe.samePerson", keep);
                }
                w.dedupe().merge(w.principal(), keep, k.version(), merge, m.version(), choices);
                context.out().println(context.messages().get("cli.dedupe.merged", merge, keep));
            }
            return KontorCli.OK;
        }
    }

    @Command(name = "distinct", description = "Remember that two people are not the same.")
    static final class Distinct implements Callable<Integer> {
        private final CliContext context;
        @Parameters(arity = "2", paramLabel = "ID") List<Long> ids;

        Distinct(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            try (Workspace w = context.open()) {
                w.dedupe().distinct(w.principal(), ids.get(0), ids.get(1));
                context.out().println(context.messages().get("cli.dedupe.distinct", ids.get(0), ids.get(1)));
            }
            return KontorCli.OK;
        }
    }
}
