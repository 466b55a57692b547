package de.kontor.cli;

import de.kontor.app.Workspace;
import de.kontor.domain.audit.AuditEntry;
import de.kontor.domain.audit.AuditVerification;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "audit", description = "Read and verify the audit trail.",
        subcommands = {AuditCommand.Verify.class, AuditCommand.Log.class})
final class AuditCommand {

    @Command(name = "verify", description = "Check the hash chain of the whole audit trail.")
    static final class Verify implements Callable<Integer> {
        private final CliContext context;

        Verify(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            try (Workspace w = context.open()) {
                AuditVerification v = w.audit().verify(w.principal());
                if (v.ok()) {
                    context.out().println(context.messages().get("audit.verify.ok", v.entriesChecked()));
                    return KontorCli.OK;
                }
                context.err().println(context.messages().get("audit.verify.broken", v.brokenSeq(),
                        context.messages().get(v.reasonKey())));
                return KontorCli.REFUSED;
            }
        }
    }

    @Command(name = "log", description = "Show audit entries, newest first.")
    static final class Log implements Callable<Integer> {
        private final CliContext context;

        @Option(names = "--person", paramLabel = "ID", description = "Only entries about this person.")
        Long person;

        @Option(names = "--limit", paramLabel = "N", defaultValue = "1000", description = "At most N entries (default ${DEFAULT-VALUE}).")
        int limit;

        Log(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            try (Workspace w = context.open()) {
                for (AuditEntry e : w.audit().log(w.principal(), person, limit)) {
                    context.out().println(String.join("\t", Long.toString(e.seq()), e.at().toString(), e.actorName(),
                            e.action().name(), e.entityType() + ":" + e.entityId(), e.field() == null ? "" : e.field(),
                            show(e.oldValue()), show(e.newValue())));
                }
                return KontorCli.OK;
            }
        }

        private static String show(String v) {
            return v == null ? "-" : v.replace('\t', ' ').replace('\n', ' ');
        }
    }
}
