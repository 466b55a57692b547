package de.kontor.ui.main;

import de.kontor.app.Workspace;
import de.kontor.ui.task.TaskRunner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The background work once per login: the search index is built, and stale double opt-ins and
 * consents past their expiry date become expired. Failures are logged and shown in the
 * window's status line.
 */
public final class StartupWork {
    private static final Logger LOG = LoggerFactory.getLogger(StartupWork.class);

    private final TaskRunner runner;

    public StartupWork(TaskRunner runner) {
        this.runner = runner;
    }

    public void start(Workspace w) {
        runner.run("ui.task.indexBuild", () -> {
            w.contacts().ensureIndex();
            return Boolean.TRUE;
        }, done -> LOG.info("Search index ready"));
        runner.run("ui.task.consentExpiry", () -> w.consents().expireDue(w.principal()),
                n -> LOG.info("{} consents expired at login", n));
    }
}
