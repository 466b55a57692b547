package de.kontor.cli;

import de.kontor.app.Workspace;
import de.kontor.domain.KontorException;
import de.kontor.privacy.SmtpSecurity;
import de.kontor.privacy.SmtpSettings;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "settings", description = "Settings stored in the encrypted database.", subcommands = {SettingsCommand.Smtp.class, SettingsCommand.Controller.class})
final class SettingsCommand {

    @Command(name = "smtp", description = "The SMTP server for double opt-in e-mails (--clear removes it). "
            + "The password is read from --password-file (first line) or KONTOR_SMTP_PASSWORD and kept only in the "
            + "encrypted database; without either, a password saved before for the same host and user is kept.")
    static final class Smtp implements Callable<Integer> {
        private final CliContext context;
        @Option(names = "--host") String host;
        @Option(names = "--port", description = "Default: 587 for starttls, 465 for tls, 25 for none-local-relay.")
        Integer port;
        @Option(names = "--from", paramLabel = "ADDRESS") String from;
        @Option(names = "--user") String user;
        @Option(names = "--password-file", paramLabel = "FILE", description = "Read the SMTP password from the first line of FILE.")
        Path passwordFile;
        @Option(names = "--security", paramLabel = "MODE", defaultValue = "starttls",
                description = "starttls (required before login), tls (port 465) or none-local-relay (only localhost, "
                        + "no user or password); default ${DEFAULT-VALUE}.")
        String security;
        @Option(names = "--no-starttls", hidden = true, description = "Old spelling of --security none-local-relay.")
        boolean noStartTls;
        @Option(names = "--clear") boolean clear;

        Smtp(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            SmtpSecurity mode = noStartTls ? SmtpSecurity.NONE_LOCAL_RELAY : SmtpSecurity.fromKey(security)
                    .orElseThrow(() -> new KontorException("cli.unknownValue", security, SmtpSecurity.keys()));
            String password = clear ? null : password();
            try (Workspace w = context.open()) {
                SmtpSettings settings = null;
                if (!clear) {
                    if (password == null && mode != SmtpSecurity.NONE_LOCAL_RELAY) {
                        password = w.confirmationMail().smtp()
                                .filter(old -> java.util.Objects.equals(old.host(), host)
                                        && java.util.Objects.equals(old.username(), user))
                                .map(SmtpSettings::password).orElse(null);
                    }
                    settings = new SmtpSettings(host, port == null ? mode.defaultPort() : port, from, user, password, mode);
                }
                w.confirmationMail().configure(w.principal(), settings);
                context.out().println(context.messages().get(clear ? "cli.smtp.cleared" : "cli.smtp.saved"));
            }
            return KontorCli.OK;
        }

        /** The first line of --password-file, else KONTOR_SMTP_PASSWORD, else null. */
        private String password() {
            if (passwordFile != null) {
                if (!Files.isRegularFile(passwordFile)) {
                    throw new KontorException("cli.smtp.passwordFileMissing", passwordFile.toString());
                }
                try (BufferedReader r = Files.newBufferedReader(passwordFile, StandardCharsets.UTF_8)) {
                    String line = r.readLine();
                    if (line == null || line.isEmpty()) {
                        throw new KontorException("cli.smtp.passwordFileEmpty", passwordFile.toString());
                    }
                    return line;
                } catch (IOException e) {
                    throw new KontorException(e, "error.io", passwordFile.toString(), e.getMessage());
                }
            }
            String fromEnv = context.env("KONTOR_SMTP_PASSWORD");
            return fromEnv == null || fromEnv.isEmpty() ? null : fromEnv;
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
