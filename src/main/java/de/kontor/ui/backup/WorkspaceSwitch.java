package de.kontor.ui.backup;

import de.kontor.app.Backups;
import de.kontor.app.Workspace;
import de.kontor.store.DataFolder;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Holds the open workspace and swaps it for a restored one: checks the password on the
 * current key slots first, closes the workspace, restores, and on any failure opens the
 * current database again, so it stays in use.
 */
public final class WorkspaceSwitch {
    private final DataFolder folder;
    private final Workspace.Options options;
    private final Backups backups;
    private volatile Workspace current;

    public WorkspaceSwitch(Workspace current, Workspace.Options options, Backups backups) {
        this.current = current;
        this.folder = current.folder();
        this.options = options;
        this.backups = backups;
    }

    public Workspace current() {
        return current;
    }

    /**
     * Restores {@code backup} in place of the current database; returns how many people were
     * erased again from the journal. Runs off the FX thread.
     */
    public synchronized int restore(Path backup, char[] password, Locale locale) {
        Workspace before = current;
        String user = before.principal().username();
        Workspace.checkPassword(folder, user, password, options);
        List<Backups.JournalEntryFacts> journal = before.journalFacts();
        before.close();
        try {
            Backups.RestoreResult r = backups.restore(folder, backup, user, password, options, journal, locale);
            current = r.workspace();
            return r.reErased();
        } catch (RuntimeException e) {
            current = Workspace.open(folder, user, password, options);
            throw e;
        }
    }
}
