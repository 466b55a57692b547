package de.kontor.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.kontor.app.Workspace;
import de.kontor.domain.KontorException;
import de.kontor.domain.privacy.BasisRecord;
import de.kontor.domain.privacy.Consent;
import de.kontor.domain.privacy.ConsentMethod;
import de.kontor.domain.privacy.LawfulBasis;
import de.kontor.domain.privacy.ProcessingDecision;
import de.kontor.privacy.ConsentService;
import de.kontor.privacy.Evidence;
import de.kontor.privacy.PrivacyOverview;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "consent", description = "The consent ledger: request, confirm, grant, withdraw, show.",
        subcommands = {ConsentCommand.Request.class, ConsentCommand.Confirm.class, ConsentCommand.Grant.class,
                ConsentCommand.Withdraw.class, ConsentCommand.Show.class})
final class ConsentCommand {

    @Command(name = "request", description = "Ask for consent; with double opt-in prints the confirmation code.")
    static final class Request implements Callable<Integer> {
        private final CliContext context;
        @Option(names = "--person", required = true, paramLabel = "ID") long person;
        @Option(names = "--purpose", required = true, paramLabel = "K") String purpose;
        @Option(names = "--method", required = true, paramLabel = "M") String method;
        @Option(names = "--text-version", required = true, paramLabel = "V") String textVersion;

        Request(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            ConsentMethod m = CliValues.keyed(ConsentMethod.class, method, "cli.unknownMethod");
            try (Workspace w = context.open()) {
                ConsentService.Request r = w.consents().request(w.principal(), person, purpose, m, textVersion);
                if (r.token() != null) {
                    context.out().println(r.token());
                    context.err().println(context.messages().get(r.mailSent() ? "cli.consent.mailSent"
                            : "cli.consent.mailNotSent"));
                } else {
                    context.out().println(r.consent().id());
                }
            }
            return KontorCli.OK;
        }
    }

    @Command(name = "confirm", description = "Confirm a double opt-in with its code (or --reply for a recorded reply).")
    static final class Confirm implements Callable<Integer> {
        private final CliContext context;
        @Option(names = "--person", required = true, paramLabel = "ID") long person;
        @Option(names = "--purpose", required = true, paramLabel = "K") String purpose;
        @Option(names = "--token", paramLabel = "T") String token;
        @Option(names = "--reply", description = "The person's reply was received (no code).") boolean reply;

        Confirm(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            if (token == null && !reply) {
                throw new KontorException("cli.tokenOrReply");
            }
            try (Workspace w = context.open()) {
                Consent c = reply && token == null ? w.consents().confirmByReply(w.principal(), person, purpose)
                        : w.consents().confirm(w.principal(), person, purpose, token);
                context.out().println(context.messages().get("cli.consent.status", c.purposeKey(), c.status().key()));
            }
            return KontorCli.OK;
        }
    }

    @Command(name = "grant", description = "Record consent given directly.")
    static final class Grant implements Callable<Integer> {
        private final CliContext context;
        @Option(names = "--person", required = true, paramLabel = "ID") long person;
        @Option(names = "--purpose", required = true, paramLabel = "K") String purpose;
        @Option(names = "--method", required = true, paramLabel = "M",
                description = "written-form, double-opt-in, email, verbal, other") String method;
        @Option(names = "--text-version", required = true, paramLabel = "V") String textVersion;
        @Option(names = "--at", paramLabel = "DATETIME", description = "When it was given (default now).") String at;
        @Option(names = "--evidence", paramLabel = "FILE", description = "PDF or image, stored encrypted.") Path evidence;
        @Option(names = "--expires", paramLabel = "DATE") String expires;

        Grant(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            ConsentMethod m = CliValues.keyed(ConsentMethod.class, method, "cli.unknownMethod");
            ZoneId zone = context.options().clock().getZone();
            Evidence ev = null;
            if (evidence != null) {
                try {
                    ev = Evidence.of(evidence.getFileName().toString(), Files.readAllBytes(evidence));
                } catch (IOException e) {
                    throw new KontorException(e, "error.io", evidence.toString(), e.getMessage());
                }
            }
            try (Workspace w = context.open()) {
                Consent c = w.consents().grant(w.principal(), person, purpose, m, textVersion,
                        CliValues.dateTime("at", at, zone), ev, CliValues.date("expires", expires));
                context.out().println(c.id());
            }
            return KontorCli.OK;
        }
    }

    @Command(name = "withdraw", description = "Withdraw consent; takes effect at once.")
    static final class Withdraw implements Callable<Integer> {
        private final CliContext context;
        @Option(names = "--person", required = true, paramLabel = "ID") long person;
        @Option(names = "--purpose", required = true, paramLabel = "K") String purpose;
        @Option(names = "--channel", paramLabel = "C", description = "How it reached you (e-mail, phone, letter ...).")
        String channel;

        Withdraw(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            try (Workspace w = context.open()) {
                w.consents().withdraw(w.principal(), person, purpose, channel);
                context.out().println(context.messages().get("cli.consent.status", purpose, "withdrawn"));
            }
            return KontorCli.OK;
        }
    }

    @Command(name = "show", description = "Per purpose: allowed today and why, with the full history.")
    static final class Show implements Callable<Integer> {
        private final CliContext context;
        @Option(names = "--person", required = true, paramLabel = "ID") long person;
        @Option(names = "--format", defaultValue = "table") ContactsCommand.Format format;

        Show(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws Exception {
            try (Workspace w = context.open()) {
                PrivacyOverview o = w.consents().overview(w.principal(), person);
                if (format == ContactsCommand.Format.json) {
                    context.out().println(PurposesCommand.JSON.writeValueAsString(json(o)));
                } else {
                    print(o);
                }
            }
            return KontorCli.OK;
        }

        private void print(PrivacyOverview o) {
            var m = context.messages();
            for (ProcessingDecision d : o.decisions()) {
                String why = d.allowed()
                        ? m.get("cli.consent.allowed", d.basis().basis().key(), "Art. " + d.basis().basis().article())
                        : m.get("exclusion." + d.exclusion().key());
                context.out().printf("%-22s %-8s %s%n", d.purposeKey(), d.allowed() ? m.get("cli.yes") : m.get("cli.no"), why);
            }
            for (Consent c : o.consents()) {
                context.out().printf("consent #%d %s %s %s text %s given %s withdrawn %s%n", c.id(), c.purposeKey(),
                        c.status().key(), c.method().key(), c.textVersion(), n(c.givenAt()), n(c.withdrawnAt()));
            }
            for (BasisRecord b : o.bases()) {
                context.out().printf("basis #%d %s %s %s..%s %s%n", b.id(), b.purposeKey(), b.basis().key(), b.validFrom(),
                        b.validUntil() == null ? "" : b.validUntil(), b.evidence() == null ? "" : b.evidence());
            }
            o.objections().forEach(x -> context.out().printf("objection %s %s%n", x.objectedAt(), n(x.channel())));
            o.information().forEach(i -> context.out().printf("informed %s notice %s via %s%n", i.informedAt(),
                    i.noticeVersion(), i.how()));
            if (o.informBy() != null) {
                context.out().println(m.get("cli.consent.informBy", o.informBy()));
            }
        }

        private static String n(Object o) {
            return o == null ? "-" : o.toString();
        }

        private static ObjectNode json(PrivacyOverview o) {
            ObjectNode root = PurposesCommand.JSON.createObjectNode();
            root.put("personId", o.personId());
            ArrayNode decisions = root.putArray("purposes");
            for (ProcessingDecision d : o.decisions()) {
                ObjectNode n = decisions.addObject().put("purpose", d.purposeKey()).put("allowed", d.allowed());
                n.put("exclusion", d.exclusion() == null ? null : d.exclusion().key());
                n.put("basis", d.basis() == null ? null : d.basis().basis().key());
            }
            ArrayNode consents = root.putArray("consents");
            for (Consent c : o.consents()) {
                consents.addObject().put("id", c.id()).put("purpose", c.purposeKey()).put("status", c.status().key())
                        .put("method", c.method().key()).put("textVersion", c.textVersion()).put("textSha256", c.textSha256())
                        .put("requestedAt", s(c.requestedAt())).put("givenAt", s(c.givenAt()))
                        .put("withdrawnAt", s(c.withdrawnAt())).put("expiredAt", s(c.expiredAt()))
                        .put("expiresOn", s(c.expiresOn())).put("withdrawalChannel", c.withdrawalChannel())
                        .put("evidenceDocument", c.evidenceId()).put("recordedBy", c.recordedBy());
            }
            ArrayNode bases = root.putArray("bases");
            for (BasisRecord b : o.bases()) {
                bases.addObject().put("id", b.id()).put("purpose", b.purposeKey()).put("basis", b.basis().key())
                        .put("validFrom", s(b.validFrom())).put("validUntil", s(b.validUntil())).put("evidence", b.evidence())
                        .put("balancingNote", b.balancingNote()).put("recordedAt", s(b.recordedAt()))
                        .put("recordedBy", b.recordedBy());
            }
            ArrayNode objections = root.putArray("objections");
            o.objections().forEach(x -> objections.addObject().put("at", s(x.objectedAt())).put("channel", x.channel()));
            ArrayNode info = root.putArray("information");
            o.information().forEach(i -> info.addObject().put("at", s(i.informedAt())).put("noticeVersion", i.noticeVersion())
                    .put("how", i.how()));
            root.put("informBy", s(o.informBy()));
            return root;
        }

        private static String s(Object o) {
            return o == null ? null : o.toString();
        }
    }

    @Command(name = "basis", description = "Lawful basis per person and purpose.", subcommands = {Basis.Set.class})
    static final class Basis {
        @Command(name = "set", description = "Append a lawful basis to the person's history for a purpose.")
        static final class Set implements Callable<Integer> {
            private final CliContext context;
            @Option(names = "--person", required = true, paramLabel = "ID") long person;
            @Option(names = "--purpose", required = true, paramLabel = "K") String purpose;
            @Option(names = "--basis", required = true, paramLabel = "B",
                    description = "consent, contract, legal-obligation, vital-interest, public-task, legitimate-interest")
            String basis;
            @Option(names = "--from", paramLabel = "DATE") String from;
            @Option(names = "--until", paramLabel = "DATE") String until;
            @Option(names = "--evidence", paramLabel = "TEXT") String evidence;
            @Option(names = "--note", paramLabel = "TEXT", description = "Balancing note (required for legitimate interest).")
            String note;

            Set(CliContext context) {
                this.context = context;
            }

            @Override
            public Integer call() {
                LawfulBasis b = CliValues.keyed(LawfulBasis.class, basis, "basis.unknown");
                try (Workspace w = context.open()) {
                    BasisRecord r = w.consents().setBasis(w.principal(), person, purpose, b,
                            CliValues.date("from", from), CliValues.date("until", until), evidence, note);
                    context.out().println(r.id());
                }
                return KontorCli.OK;
            }
        }
    }

    @Command(name = "object", description = "Art. 21 objection to direct marketing: withdraws every marketing consent.")
    static final class ObjectToMarketing implements Callable<Integer> {
        private final CliContext context;
        @Option(names = "--person", required = true, paramLabel = "ID") long person;
        @Option(names = "--channel", paramLabel = "C") String channel;

        ObjectToMarketing(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            try (Workspace w = context.open()) {
                int n = w.consents().object(w.principal(), person, channel);
                context.out().println(context.messages().get("cli.objected", person, n));
            }
            return KontorCli.OK;
        }
    }

    @Command(name = "informed", description = "Record that the person was informed (Art. 13/14).")
    static final class Informed implements Callable<Integer> {
        private final CliContext context;
        @Option(names = "--person", required = true, paramLabel = "ID") long person;
        @Option(names = "--notice-version", required = true, paramLabel = "V") String version;
        @Option(names = "--how", required = true, paramLabel = "H") String how;
        @Option(names = "--at", paramLabel = "DATETIME") String at;

        Informed(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            try (Workspace w = context.open()) {
                w.consents().informed(w.principal(), person, version, how,
                        CliValues.dateTime("at", at, context.options().clock().getZone()));
                context.out().println(context.messages().get("cli.informed", person, version));
            }
            return KontorCli.OK;
        }
    }
}
