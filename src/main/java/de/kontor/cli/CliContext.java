package de.kontor.cli;

import de.kontor.app.Workspace;
import de.kontor.domain.KontorException;
import de.kontor.i18n.Messages;
import de.kontor.store.DataFolder;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What every command needs: where the data is, how to get the password, where to print, in
 * which language. Filled from the global options and the environment by {@link KontorCli}.
 */
public final class CliContext {
    private final Map<String, String> env;
    private final Supplier<Console> console;
    private final PrintWriter out;
    private final PrintWriter err;
    private final Messages messages;
    private final Workspace.Options options;
    private Path dataDir;
    private Path passwordFile;

    CliContext(Map<String, String> env, Supplier<Console> console, PrintWriter out, PrintWriter err,
            Messages messages, Workspace.Options options) {
        this.env = env;
        this.console = console;
        this.out = out;
        this.err = err;
        this.messages = messages;
        this.options = options;
    }

    void setDataDir(Path dataDir) {
        this.dataDir = dataDir;
    }

    void setPasswordFile(Path passwordFile) {
        this.passwordFile = passwordFile;
    }

    public PrintWriter out() {
        return out;
    }

    public PrintWriter err() {
        return err;
    }

    public Messages messages() {
        return messages;
    }

    public Workspace.Options options() {
        return options;
    }

    public DataFolder folder() {
        return dataDir != null ? new DataFolder(dataDir) : DataFolder.systemDefault();
    }

    /** Opens the database with the password from the environment, the file or a prompt. */
    public Workspace open() {
        DataFolder folder = folder();
        char[] password = password(false);
        try {
            Workspace w = Workspace.open(folder, env.get("KONTOR_USER"), password, options);
            for (de.kontor.domain.KontorException notice : w.notices()) {
                err().println(messages().describe(notice));
            }
            if (w.compactionPending()) {
                err().println(messages().get("cli.compactionPending"));
            }
            return w;
        } finally {
            java.util.Arrays.fill(password, '\0');
        }
    }

    /** Creates a new database; an interactive password is asked twice. */
    public Workspace create(String owner) {
        char[] password = password(true);
        try {
            Workspace created = Workspace.create(folder(), owner, password, options);
            de.kontor.app.Logs.writeTo(folder().dir()); // the folder exists now
            return created;
        } finally {
            java.util.Arrays.fill(password, '\0');
        }
    }

    /** Restores a backup into the data folder with the password (see {@link de.kontor.app.Backups}). */
    public de.kontor.app.Backups.RestoreResult restore(Path backup, java.util.List<de.kontor.app.Backups.JournalEntryFacts> journal) {
        char[] password = password(false);
        try {
            return new de.kontor.app.Backups().restore(folder(), backup, env.get("KONTOR_USER"), password, options, journal,
                    messages.locale());
        } finally {
            java.util.Arrays.fill(password, '\0');
        }
    }

    /** A variable of the environment the command line runs in (tests give their own), or null. */
    String env(String key) {
        return env.get(key);
    }

    private char[] password(boolean confirm) {
        if (passwordFile != null) {
            try (BufferedReader r = Files.newBufferedReader(passwordFile, StandardCharsets.UTF_8)) {
                String line = r.readLine();
                if (line == null || line.isEmpty()) {
                    throw new KontorException("cli.passwordFileEmpty", passwordFile.toString());
                }
                return line.toCharArray();
            } catch (IOException e) {
                throw new KontorException(e, "error.io", passwordFile.toString(), e.getMessage());
            }
        }
        String fromEnv = env.get("KONTOR_PASSWORD");
        if (fromEnv != null && !fromEnv.isEmpty()) {
            return fromEnv.toCharArray();
        }
        Console c = console.get();
        if (c == null) {
            throw new KontorException("cli.noPassword");
        }
        char[] pw = c.readPassword("%s", messages.get("cli.prompt.password"));
        if (pw == null) {
            throw new KontorException("cli.noPassword");
        }
        if (confirm) {
            char[] again = c.readPassword("%s", messages.get("cli.prompt.passwordAgain"));
            if (again == null || !java.util.Arrays.equals(pw, again)) {
                throw new KontorException("cli.passwordMismatch");
            }
        }
        return pw;
    }
}
