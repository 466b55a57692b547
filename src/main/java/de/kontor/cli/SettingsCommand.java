package de.kontor.cli;

import de.kontor.app.Workspace;
import de.kontor.privacy.SmtpSettings;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "settings", description = "Settings stored in the encrypted database.", subcommands = {SettingsCommand.Smtp.class, SettingsCommand.Controller.class})
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

    @Command(name = "controller", description = "The controller named in access reports: name, address, e-mail, "
            + "data-protection contact and supervisory authority (an empty value removes it).")
    static final class Controller implements Callable<Integer> {
        private final CliContext context;
        @Option(names = "--name") String name;
        @Option(names = "--address") String address;
        @Option(names = "--email") String email;
        @Option(names = "--dpo", description = "Data-protection officer or contact.") String dpo;
        @Option(names = "--authority", description = "The competent supervisory authority.") String authority;

        Controller(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            try (Workspace w = context.open()) {
                de.kontor.domain.request.ControllerDetails d = w.subjectData().setController(w.principal(),
                        new de.kontor.domain.request.ControllerDetails(name, address, email, dpo, authority));
                var m = context.messages();
                context.out().println(m.get("cli.controller.saved"));
                context.out().println("  " + m.get("access.controller") + ": " + n(d.name()) + ", " + n(d.address()));
                context.out().println("  " + m.get("access.controllerEmail") + ": " + n(d.email()));
                context.out().println("  " + m.get("access.dpo") + ": " + n(d.dpo()));
                context.out().println("  " + m.get("cli.controller.authority") + ": " + n(d.authority()));
            }
            return KontorCli.OK;
        }

        private static String n(String s) {
            return s == null ? "–" : s;
        }
    }
}
