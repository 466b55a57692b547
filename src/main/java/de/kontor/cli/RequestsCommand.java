package de.kontor.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.kontor.app.Workspace;
import de.kontor.domain.request.RequestType;
import de.kontor.domain.request.SentFile;
import de.kontor.domain.request.SubjectRequest;
import de.kontor.privacy.RequestService;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The register of data subject requests (Art. 12): add, list, extend, close. */
@Command(name = "requests", description = "Data subject requests: register, deadlines, what was sent.",
        subcommands = {RequestsCommand.Add.class, RequestsCommand.ListRequests.class, RequestsCommand.Extend.class,
                RequestsCommand.Close.class, RequestsCommand.Link.class})
final class RequestsCommand {
    enum Format { table, json }

    @Command(name = "add", description = "Register a request; prints its id. The answer is due one month after receipt.")
    static final class Add implements Callable<Integer> {
        private final CliContext context;
        @Option(names = "--type", required = true, paramLabel = "T",
                description = "access, rectification, erasure, restriction, portability or objection") String type;
        @Option(names = "--person", paramLabel = "ID") Long person;
        @Option(names = "--requester", paramLabel = "TEXT", description = "Name and contact of a requester not yet matched to a person.")
        String requester;
        @Option(names = "--received", paramLabel = "DATE", description = "Date received (default today).") String received;
        @Option(names = "--channel", paramLabel = "C", description = "e.g. e-mail, letter, phone.") String channel;
        @Option(names = "--identity-verified", paramLabel = "HOW") String identity;

        Add(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            RequestType t = CliValues.keyed(RequestType.class, type, "cli.unknownValue");
            LocalDate day = CliValues.date("received", received);
            try (Workspace w = context.open()) {
                SubjectRequest r = w.requests().register(w.principal(),
                        new RequestService.NewRequest(t, person, requester, day, channel, identity));
                context.out().println(r.id());
            }
            return KontorCli.OK;
        }
    }

    @Command(name = "list", description = "The requests, nearest deadline first.")
    static final class ListRequests implements Callable<Integer> {
        private final CliContext context;
        @Option(names = "--open", description = "Only open requests.") boolean open;
        @Option(names = "--format", defaultValue = "table", description = "table or json (default ${DEFAULT-VALUE}).")
        Format format;

        ListRequests(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws Exception {
            try (Workspace w = context.open()) {
                List<SubjectRequest> rows = w.requests().list(w.principal(), open);
                LocalDate today = LocalDate.now(context.options().clock());
                if (format == Format.json) {
                    ArrayNode arr = PurposesCommand.JSON.createArrayNode();
                    rows.forEach(r -> arr.add(json(r, today)));
                    context.out().println(PurposesCommand.JSON.writeValueAsString(arr));
                } else {
                    var m = context.messages();
                    String fmt = "%-6s %-14s %-8s %-28s %-11s %-11s %-8s %s%n";
                    context.out().printf(fmt, "ID", m.get("cli.request.col.type"), m.get("cli.request.col.person"),
                            m.get("cli.request.col.requester"), m.get("cli.request.col.received"),
                            m.get("cli.request.col.due"), m.get("cli.request.col.status"), m.get("cli.request.col.files"));
                    for (SubjectRequest r : rows) {
                        String status = r.isOverdue(today) ? m.get("cli.request.overdue")
                                : m.get("request.status." + r.status().key());
                        context.out().printf(fmt, r.id(), m.get("request.type." + r.type().key()),
                                r.personId() == null ? "" : r.personId().toString(),
                                r.requester() == null ? "" : r.requester(), r.receivedOn(),
                                r.deadline() + (r.isExtended() ? "*" : ""), status, r.files().size());
                    }
                }
            }
            return KontorCli.OK;
        }

        private static ObjectNode json(SubjectRequest r, LocalDate today) {
            ObjectNode o = PurposesCommand.JSON.createObjectNode();
            o.put("id", r.id());
            o.put("type", r.type().key());
            if (r.personId() == null) {
                o.putNull("person");
            } else {
                o.put("person", r.personId());
            }
            o.put("requester", r.requester());
            o.put("received", r.receivedOn().toString());
            o.put("channel", r.channel());
            o.put("identityVerified", r.identityVerified());
            o.put("due", r.dueOn().toString());
            o.put("extendedTo", r.extendedTo() == null ? null : r.extendedTo().toString());
            o.put("extensionReason", r.extensionReason());
            o.put("deadline", r.deadline().toString());
            o.put("status", r.status().key());
            o.put("overdue", r.isOverdue(today));
            o.put("closedAt", r.closedAt() == null ? null : r.closedAt().toString());
            ArrayNode files = o.putArray("files");
            for (SentFile f : r.files()) {
                files.addObject().put("fileName", f.fileName()).put("sha256", f.sha256())
                        .put("sentAt", f.sentAt().toString()).put("sentBy", f.sentBy());
            }
            return o;
        }
    }

    @Command(name = "extend", description = "Extend the deadline once by up to two months, with a reason.")
    static final class Extend implements Callable<Integer> {
        private final CliContext context;
        @Parameters(paramLabel = "REQ") long id;
        @Option(names = "--reason", required = true, paramLabel = "R") String reason;
        @Option(names = "--months", defaultValue = "2", paramLabel = "N", description = "1 or 2 (default ${DEFAULT-VALUE}).")
        int months;

        Extend(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            try (Workspace w = context.open()) {
                SubjectRequest r = w.requests().extend(w.principal(), id, reason, months);
                context.out().println(context.messages().get("cli.request.extended", r.id(), r.extendedTo().toString()));
            }
            return KontorCli.OK;
        }
    }

    @Command(name = "close", description = "Close a request.")
    static final class Close implements Callable<Integer> {
        private final CliContext context;
        @Parameters(paramLabel = "REQ") long id;

        Close(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            try (Workspace w = context.open()) {
                SubjectRequest r = w.requests().close(w.principal(), id);
                context.out().println(context.messages().get("cli.request.closed", r.id()));
            }
            return KontorCli.OK;
        }
    }

    @Command(name = "link", description = "Link a request of an unmatched requester to a person.")
    static final class Link implements Callable<Integer> {
        private final CliContext context;
        @Parameters(paramLabel = "REQ") long id;
        @Option(names = "--person", required = true, paramLabel = "ID") long person;

        Link(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            try (Workspace w = context.open()) {
                w.requests().linkPerson(w.principal(), id, person);
                context.out().println(context.messages().get("cli.request.linked", id, person));
            }
            return KontorCli.OK;
        }
    }
}
