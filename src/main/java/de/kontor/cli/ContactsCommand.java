package de.kontor.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import de.kontor.app.Workspace;
import de.kontor.domain.EmailAddress;
import de.kontor.domain.KontorException;
import de.kontor.domain.Person;
import de.kontor.domain.PersonData;
import de.kontor.domain.PersonSummary;
import de.kontor.domain.PhoneNumber;
import de.kontor.domain.PostalAddress;
import de.kontor.domain.ProvenanceInput;
import de.kontor.domain.SourceKind;
import de.kontor.exchange.SafeCsv;
import de.kontor.privacy.ErasureResult;
import de.kontor.privacy.ErasureService;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "contacts", description = "Add, list, show, edit and delete people.",
        subcommands = {ContactsCommand.Add.class, ContactsCommand.ListPeople.class, ContactsCommand.Show.class,
                ContactsCommand.Edit.class, ContactsCommand.Delete.class})
final class ContactsCommand {
    enum Format { table, csv, json }

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT);

    @Command(name = "add", description = "Add a person; prints the new id.")
    static final class Add implements Callable<Integer> {
        private final CliContext context;
        @Mixin PersonOptions person;
        @Option(names = "--source", paramLabel = "KIND", defaultValue = "manual",
                description = "manual, business-card, web-form, referral, import, other (default ${DEFAULT-VALUE}).")
        String source;
        @Option(names = "--source-detail", paramLabel = "TEXT") String sourceDetail;

        Add(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            SourceKind kind = SourceKind.fromKey(source).orElseThrow(() -> new KontorException("cli.unknownSource",
                    source, Arrays.stream(SourceKind.values()).map(SourceKind::key).collect(Collectors.joining(", "))));
            PersonData data = person.applyTo(PersonData.named(null, null));
            try (Workspace w = context.open()) {
                Person p = w.contacts().create(w.principal(), data, ProvenanceInput.of(kind, sourceDetail));
                context.out().println(p.id());
            }
            return KontorCli.OK;
        }
    }

    @Command(name = "list", description = "List people, optionally only those matching a search.")
    static final class ListPeople implements Callable<Integer> {
        private final CliContext context;
        @Option(names = "--search", paramLabel = "Q") String search;
        @Option(names = "--format", defaultValue = "table", description = "table, csv or json (default ${DEFAULT-VALUE}).")
        Format format;

        ListPeople(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws IOException {
            try (Workspace w = context.open()) {
                List<PersonSummary> rows = w.contacts().search(w.principal(), search, Integer.MAX_VALUE).rows();
                switch (format) {
                    case json -> {
                        ArrayNode arr = JSON.createArrayNode();
                        rows.forEach(r -> arr.add(JSON.valueToTree(r)));
                        context.out().println(JSON.writeValueAsString(arr));
                    }
                    case csv -> {
                        try (SafeCsv csv = new SafeCsv(context.out(), CSVFormat.DEFAULT.builder()
                                .setHeader(SafeCsv.LIST_COLUMNS.toArray(String[]::new)).get())) {
                            for (PersonSummary r : rows) {
                                csv.record(r.id(), r.givenName(), r.familyName(), r.email(), r.phone(),
                                        r.organisation(), r.city());
                            }
                        }
                    }
                    case table -> printTable(rows);
                }
            }
            return KontorCli.OK;
        }

        private void printTable(List<PersonSummary> rows) {
            String fmt = "%-8s %-32s %-36s %-18s %-28s %s%n";
            context.out().printf(fmt, "ID", context.messages().get("cli.col.name"), context.messages().get("cli.col.email"),
                    context.messages().get("cli.col.phone"), context.messages().get("cli.col.organisation"),
                    context.messages().get("cli.col.city"));
            for (PersonSummary r : rows) {
                context.out().printf(fmt, r.id(), r.sortName(), n(r.email()), n(r.phone()), n(r.organisation()), n(r.city()));
            }
        }
    }

    @Command(name = "show", description = "Show one person with provenance.")
    static final class Show implements Callable<Integer> {
        private final CliContext context;
        @Parameters(paramLabel = "ID") long id;
        @Option(names = "--format", defaultValue = "table", description = "table or json (default ${DEFAULT-VALUE}).")
        Format format;

        Show(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws IOException {
            try (Workspace w = context.open()) {
                Person p = w.contacts().get(w.principal(), id);
                if (format == Format.json) {
                    context.out().println(JSON.writeValueAsString(toJson(p)));
                } else {
                    print(p);
                }
            }
            return KontorCli.OK;
        }

        private void print(Person p) {
            PersonData d = p.data();
            line("id", Long.toString(p.id()));
            line("version", Integer.toString(p.version()));
            line("salutation", d.salutation());
            line("title", d.title());
            line("givenName", d.givenName());
            line("familyName", d.familyName());
            line("birthDate", d.birthDate() == null ? null : d.birthDate().toString());
            line("language", d.language());
            line("organisation", d.organisation());
            line("jobTitle", d.jobTitle());
            d.emails().forEach(e -> line("email", e.address() + " (" + e.kind().key() + ")"));
            d.phones().forEach(ph -> line("phone", ph.raw() + " [" + ph.e164() + "] (" + ph.kind().key() + ")"));
            d.addresses().forEach(a -> line("address", a.oneLine() + (a.country() == null ? "" : ", " + a.country())));
            line("tags", d.tags().isEmpty() ? null : String.join(", ", d.tags()));
            line("notes", d.notes());
            line("source", p.provenance().kind().key());
            line("sourceDetail", p.provenance().detail());
            line("sourceFile", p.provenance().fileName());
            line("sourceRecordId", p.provenance().sourceRecordId());
            line("capturedAt", p.provenance().capturedAt().toString());
            line("capturedBy", p.provenance().capturedBy());
        }

        private void line(String field, String value) {
            if (value != null) {
                context.out().printf("%-16s %s%n", field + ":", value);
            }
        }
    }

    @Command(name = "edit", description = "Change a person; options not given stay as they are.")
    static final class Edit implements Callable<Integer> {
        private final CliContext context;
        @Parameters(paramLabel = "ID") long id;
        @Mixin PersonOptions person;

        Edit(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            try (Workspace w = context.open()) {
                Person p = w.contacts().get(w.principal(), id);
                Person saved = w.contacts().update(w.principal(), id, p.version(), person.applyTo(p.data()));
                context.out().println(saved.id());
            }
            return KontorCli.OK;
        }
    }

    @Command(name = "delete", description = "Delete a person with their activities and their values in the audit "
            + "trail; records under statutory retention stay, restricted.")
    static final class Delete implements Callable<Integer> {
        private final CliContext context;
        @Parameters(paramLabel = "ID") long id;

        Delete(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            try (Workspace w = context.open()) {
                Person p = w.contacts().get(w.principal(), id);
                ErasureResult r = w.erasure().delete(w.principal(), id, p.version());
                context.out().println(context.messages().get(ErasureService.RESTRICTED.equals(r.kind())
                        ? "cli.deleted.restricted" : "cli.deleted", id));
            }
            return KontorCli.OK;
        }
    }

    static ObjectNode toJson(Person p) {
        PersonData d = p.data();
        ObjectNode o = JSON.createObjectNode();
        o.put("id", p.id());
        o.put("version", p.version());
        o.put("salutation", d.salutation());
        o.put("title", d.title());
        o.put("givenName", d.givenName());
        o.put("familyName", d.familyName());
        o.put("birthDate", d.birthDate() == null ? null : d.birthDate().toString());
        o.put("language", d.language());
        o.put("organisation", d.organisation());
        o.put("jobTitle", d.jobTitle());
        ArrayNode emails = o.putArray("emails");
        for (EmailAddress e : d.emails()) {
            emails.addObject().put("kind", e.kind().key()).put("address", e.address());
        }
        ArrayNode phones = o.putArray("phones");
        for (PhoneNumber ph : d.phones()) {
            phones.addObject().put("kind", ph.kind().key()).put("number", ph.raw()).put("e164", ph.e164());
        }
        ArrayNode addresses = o.putArray("addresses");
        for (PostalAddress a : d.addresses()) {
            addresses.addObject().put("kind", a.kind().key()).put("street", a.street()).put("houseNumber", a.houseNumber())
                    .put("addressLine2", a.addressLine2()).put("postcode", a.postcode()).put("city", a.city())
                    .put("region", a.region()).put("country", a.country());
        }
        ArrayNode tags = o.putArray("tags");
        d.tags().forEach(tags::add);
        o.put("notes", d.notes());
        ObjectNode src = o.putObject("provenance");
        src.put("source", p.provenance().kind().key());
        src.put("detail", p.provenance().detail());
        src.put("file", p.provenance().fileName());
        src.put("recordId", p.provenance().sourceRecordId());
        src.put("capturedAt", p.provenance().capturedAt().toString());
        src.put("capturedBy", p.provenance().capturedBy());
        return o;
    }

    private static String n(String s) {
        return s == null ? "" : s;
    }
}
