package de.kontor.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.kontor.app.Workspace;
import de.kontor.domain.privacy.LawfulBasis;
import de.kontor.domain.privacy.Purpose;
import de.kontor.domain.privacy.PurposeData;
import java.nio.charset.StandardCharsets;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "purposes", description = "The catalogue of processing purposes.",
        subcommands = {PurposesCommand.ListPurposes.class, PurposesCommand.Add.class, PurposesCommand.Retire.class})
final class PurposesCommand {
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Command(name = "list", description = "List the purposes with their default basis.")
    static final class ListPurposes implements Callable<Integer> {
        private final CliContext context;
        @Option(names = "--format", defaultValue = "table", description = "table or json (default ${DEFAULT-VALUE}).")
        ContactsCommand.Format format;

        ListPurposes(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws Exception {
            try (Workspace w = context.open()) {
                List<Purpose> all = w.purposes().all(w.principal());
                if (format == ContactsCommand.Format.json) {
                    ArrayNode arr = JSON.createArrayNode();
                    for (Purpose p : all) {
                        PurposeData d = p.data();
                        ObjectNode o = arr.addObject();
                        o.put("key", d.key()).put("nameDe", d.nameDe()).put("nameEn", d.nameEn())
                                .put("descriptionDe", d.descriptionDe()).put("descriptionEn", d.descriptionEn())
                                .put("defaultBasis", d.defaultBasis().key()).put("article", "Art. " + d.defaultBasis().article())
                                .put("marketing", d.marketing()).put("dataCategories", d.dataCategories())
                                .put("recipients", d.recipients()).put("thirdCountry", d.thirdCountry())
                                .put("notes", d.notes()).put("retired", p.retired());
                    }
                    context.out().println(JSON.writeValueAsString(arr));
                } else {
                    String fmt = "%-22s %-36s %-22s %-9s %s%n";
                    context.out().printf(fmt, "KEY", context.messages().get("cli.col.name"),
                            context.messages().get("cli.col.basis"), context.messages().get("cli.col.marketing"),
                            context.messages().get("cli.col.status"));
                    for (Purpose p : all) {
                        context.out().printf(fmt, p.key(), p.name(context.messages().locale()),
                                p.data().defaultBasis().key(), p.marketing() ? "x" : "",
                                p.retired() ? context.messages().get("cli.retired") : "");
                    }
                }
            }
            return KontorCli.OK;
        }
    }

    @Command(name = "add", description = "Add a purpose to the catalogue.")
    static final class Add implements Callable<Integer> {
        private final CliContext context;
        @Option(names = "--key", required = true, paramLabel = "K") String key;
        @Option(names = "--name", required = true, paramLabel = "N") String name;
        @Option(names = "--name-en", paramLabel = "N") String nameEn;
        @Option(names = "--basis", required = true, paramLabel = "B") String basis;
        @Option(names = "--marketing", description = "Direct marketing (UWG §7 and Art. 21 apply).") boolean marketing;
        @Option(names = "--description", paramLabel = "D") String description;
        @Option(names = "--data-categories", paramLabel = "LIST") String categories;
        @Option(names = "--recipients", paramLabel = "LIST") String recipients;

        Add(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            LawfulBasis b = CliValues.keyed(LawfulBasis.class, basis, "basis.unknown");
            try (Workspace w = context.open()) {
                Purpose p = w.purposes().add(w.principal(), new PurposeData(key, name, nameEn, description, description, b,
                        categories, recipients, null, marketing, null));
                context.out().println(p.key());
            }
            return KontorCli.OK;
        }
    }

    @Command(name = "retire", description = "Retire a purpose (kept in the history, no new consents).")
    static final class Retire implements Callable<Integer> {
        private final CliContext context;
        @Parameters(paramLabel = "K") String key;

        Retire(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            try (Workspace w = context.open()) {
                w.purposes().retire(w.principal(), key);
                context.out().println(context.messages().get("cli.purposeRetired", key));
            }
            return KontorCli.OK;
        }
    }

    @Command(name = "consent-texts", description = "Versioned consent texts per purpose.",
            subcommands = {ConsentTexts.Add.class})
    static final class ConsentTexts {
        @Command(name = "add", description = "Store the exact wording of a consent text version (UTF-8 file).")
        static final class Add implements Callable<Integer> {
            private final CliContext context;
            @Option(names = "--purpose", required = true, paramLabel = "K") String purpose;
            @Option(names = "--version", required = true, paramLabel = "V") String version;
            @Option(names = "--file", required = true, paramLabel = "FILE") Path file;

            Add(CliContext context) {
                this.context = context;
            }

            @Override
            public Integer call() throws Exception {
                String body;
                try {
                    body = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file)))
                            .toString();
                } catch (CharacterCodingException e) {
                    throw new de.kontor.domain.KontorException("cli.notUtf8", file.toString());
                } catch (java.io.IOException e) {
                    throw new de.kontor.domain.KontorException(e, "error.io", file.toString(), e.getMessage());
                }
                try (Workspace w = context.open()) {
                    var t = w.purposes().addText(w.principal(), purpose, version, body);
                    context.out().println(t.purposeKey() + " " + t.version() + " sha256:" + t.sha256());
                }
                return KontorCli.OK;
            }
        }
    }
}
