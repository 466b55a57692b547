package de.kontor.cli;

import de.kontor.app.Workspace;
import de.kontor.privacy.SmtpSettings;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "settings", description = "Settings stored in the encrypted database.", subcommands = {SettingsCommand.Smtp.class})
final class SettingsCommand {

    @Command(name = "smtp", description = "The SMTP server for double opt-in e-mails (--clear removes it).")
    static final class Smtp implements Callable<Integer> {
        private final CliContext context;
        @Option(names = "--host") String host;
        @Option(names = "--port", defaultValue = "587") int port;
        @Option(names = "--from", paramLabel = "ADDRESS") String from;
        @Option(names = "--user") String user;
        @Option(names = "--no-starttls", negatable = false) boolean noStartTls;
        @Option(names = "--clear") boolean clear;

        Smtp(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            try (Workspace w = context.open()) {
                w.confirmationMail().configure(w.principal(), clear ? null
                        : new SmtpSettings(host, port, from, user, System.getenv("KONTOR_SMTP_PASSWORD"), !noStartTls));
                context.out().println(context.messages().get(clear ? "cli.smtp.cleared" : "cli.smtp.saved"));
            }
            return KontorCli.OK;
        }
    }
}
