package de.kontor.cli;

import de.kontor.app.Backups;
import de.kontor.app.Workspace;
import de.kontor.domain.KontorException;
import de.kontor.privacy.ErasureResult;
import de.kontor.security.OwnerOnlyFiles;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Erasure, anonymisation, restriction, lifting blocks, backup and restore. */
final class ErasureCommands {
    private ErasureCommands() {}

    static void print(CliContext context, ErasureResult r) {
        var m = context.messages();
        context.out().println(m.get("cli.erase." + r.kind(), r.personId(), r.journalId()));
        for (Map.Entry<String, Integer> e : r.erased().entrySet()) {
            String label = m.has("certificate.category." + e.getKey()) ? m.get("certificate.category." + e.getKey()) : e.getKey();
            context.out().println("  " + m.get("cli.erase.erased.line", label, e.getValue()));
        }
        for (ErasureResult.Retained k : r.retained()) {
            context.out().println("  " + m.get("cli.erase.retained", k.type(), k.id(), k.category(), k.until(), k.statutory()));
        }
    }

    @Command(name = "erase", description = "Erase a person irreversibly (Art. 17); prints what was erased and kept.")
    static final class Erase implements Callable<Integer> {
        private final CliContext context;
        @Option(names = "--person", required = true, paramLabel = "ID") long person;
        @Option(names = "--keep-documents", description = "Keep documents marked free of personal data.") boolean keep;
        @Option(names = "--request", paramLabel = "REQ", description = "The data subject request this answers.") Long request;
        @Option(names = "--certificate", paramLabel = "FILE", description = "Also write the erasure certificate (PDF).")
        Path certificate;

        Erase(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws Exception {
            try (Workspace w = context.open()) {
                ErasureResult r = w.erasure().erase(w.principal(), person, keep, request, context.messages().locale());
                print(context, r);
                if (certificate != null) {
                    OwnerOnlyFiles.write(certificate, r.certificate());
                }
            }
            return KontorCli.OK;
        }
    }

    @Command(name = "anonymise", description = "Anonymise a person: statistics stay, identity goes.")
    static final class Anonymise implements Callable<Integer> {
        private final CliContext context;
        @Option(names = "--person", required = true, paramLabel = "ID") long person;

        Anonymise(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            try (Workspace w = context.open()) {
                print(context, w.erasure().anonymise(w.principal(), person, context.messages().locale()));
            }
            return KontorCli.OK;
        }
    }

    @Command(name = "restrict", description = "Restrict processing (Art. 18): read-only, hidden from lists and exports.")
    static final class Restrict implements Callable<Integer> {
        private final CliContext context;
        @Option(names = "--person", required = true, paramLabel = "ID") long person;
        @Option(names = "--reason", required = true, paramLabel = "R") String reason;
        @Option(names = "--until", paramLabel = "DATE") String until;

        Restrict(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            try (Workspace w = context.open()) {
                w.restrictions().restrict(w.principal(), person, reason, CliValues.date("until", until));
                context.out().println(context.messages().get("cli.restricted", person));
            }
            return KontorCli.OK;
        }
    }

    @Command(name = "unrestrict", description = "Lift a restriction of processing.")
    static final class Unrestrict implements Callable<Integer> {
        private final CliContext context;
        @Option(names = "--person", required = true, paramLabel = "ID") long person;
        @Option(names = "--reason", paramLabel = "R") String reason;

        Unrestrict(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            try (Workspace w = context.open()) {
                w.restrictions().unrestrict(w.principal(), person, reason);
                context.out().println(context.messages().get("cli.unrestricted", person));
            }
            return KontorCli.OK;
        }
    }

    @Command(name = "suppression", description = "The list that blocks re-entry of erased or objecting people.",
            subcommands = {Suppression.Lift.class})
    static final class Suppression {
        @Command(name = "lift", description = "Lift a block with a documented reason (e.g. new consent).")
        static final class Lift implements Callable<Integer> {
            private final CliContext context;
            @Option(names = "--email", paramLabel = "E") String email;
            @Option(names = "--phone", paramLabel = "P") String phone;
            @Option(names = "--reason", required = true, paramLabel = "R") String reason;

            Lift(CliContext context) {
                this.context = context;
            }

            @Override
            public Integer call() {
                if ((email == null) == (phone == null)) {
                    throw new KontorException("cli.emailOrPhone");
                }
                try (Workspace w = context.open()) {
                    String value = email;
                    if (phone != null) {
                        value = new de.kontor.domain.ContactRules().toE164(phone, "DE")
                                .orElseThrow(() -> new de.kontor.domain.ValidationException(List.of(
                                        de.kontor.domain.FieldError.of("phone", "validation.phone", phone))));
                    }
                    w.suppression().lift(w.principal(), email != null ? "email" : "phone", value, reason);
                    context.out().println(context.messages().get("cli.suppressionLifted"));
                }
                return KontorCli.OK;
            }
        }
    }

    @Command(name = "backup", description = "Write an encrypted backup (database and key slots) while Kontor may run.")
    static final class Backup implements Callable<Integer> {
        private final CliContext context;
        @Option(names = "--out", required = true, paramLabel = "FILE") Path out;

        Backup(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            try (Workspace w = context.open()) {
                Path p = new Backups().backup(w, out, context.options().clock().instant());
                context.out().println(context.messages().get("cli.backup.done", p.toAbsolutePath()));
            }
            return KontorCli.OK;
        }
    }

    @Command(name = "restore", description = "Restore a backup; erasures made since are applied again.")
    static final class Restore implements Callable<Integer> {
        private final CliContext context;
        @Parameters(paramLabel = "FILE") Path file;
        @Option(names = "--force", description = "Replace the current database.") boolean force;

        Restore(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            var folder = context.folder();
            // an interrupted restore or init is finished or undone first: the folder may look empty until then
            new Backups().recover(folder);
            List<Backups.JournalEntryFacts> journal = List.of();
            if (folder.hasDatabase()) {
                if (!force) {
                    throw new KontorException("cli.restore.force", folder.dir().toString());
                }
                try (Workspace current = context.open()) {
                    journal = current.journalFacts();
                }
            }
            Backups.RestoreResult r = context.restore(file, journal);
            try (Workspace w = r.workspace()) {
                context.out().println(context.messages().get("cli.restore.done", file, r.reErased(),
                        w.contacts().count(w.principal())));
            }
            return KontorCli.OK;
        }
    }

    static Instant now(CliContext c) {
        return c.options().clock().instant();
    }
}
