package de.kontor.ui.task;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import de.kontor.app.Backups;
import de.kontor.app.Workspace;
import de.kontor.testing.TestWorkspaces;
import de.kontor.ui.UiText;
import de.kontor.ui.backup.AutoBackup;
import de.kontor.ui.contacts.PersonFormViewModel;
import de.kontor.ui.main.StartupWork;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Failures of background work that no screen waits for reach the status line and the log:
 * the automatic backup, the index build and consent expiry at login, the form's checks.
 */
class BackgroundFailuresTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-03T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;
    private Workspace w;
    private DirectTaskRunner runner;
    private TaskStatusViewModel status;
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger failuresLog = (Logger) LoggerFactory.getLogger(TaskFailures.class);
    private Level levelBefore;

    @BeforeEach
    void setUp() {
        w = TestWorkspaces.create(dir);
        runner = new DirectTaskRunner(CLOCK);
        status = new TaskStatusViewModel(runner, new UiText(Locale.GERMAN), dir.resolve("logs/kontor.log"));
        log.start();
        levelBefore = failuresLog.getLevel();
        failuresLog.setLevel(Level.INFO);
        failuresLog.addAppender(log);
    }

    @AfterEach
    void tearDown() {
        failuresLog.detachAppender(log);
        failuresLog.setLevel(levelBefore);
        w.close();
    }

    private List<String> logged(Level level) {
        return log.list.stream().filter(e -> e.getLevel() == level).map(ILoggingEvent::getFormattedMessage).toList();
    }

    @Test
    void aFailingAutomaticBackupIsShownAndLogged() throws Exception {
        // The backups folder cannot be made: a file stands where it belongs.
        Files.writeString(dir.resolve("backups"), "not a folder");
        AutoBackup auto = new AutoBackup(new Backups(), () -> w, () -> 3, CLOCK);

        auto.checkDaily(runner);

        assertThat(status.shownProperty().get()).isTrue();
        assertThat(status.messageProperty().get()).startsWith("Die automatische Sicherung ist fehlgeschlagen: ");
        assertThat(status.detailsProperty().get()).contains("Die automatische Sicherung")
                .contains(dir.resolve("logs/kontor.log").toString()).doesNotContain("\tat ");
        assertThat(logged(Level.WARN)).singleElement().asString().startsWith("ui.task.autoBackup failed: KontorException");
        status.dismiss();
        assertThat(status.shownProperty().get()).isFalse();
        assertThat(status.messageProperty().get()).isEmpty();
    }

    @Test
    void aFailingBackupOnExitIsReportedAndReturnedForTheDialog() throws Exception {
        Files.writeString(dir.resolve("backups"), "not a folder");
        AutoBackup auto = new AutoBackup(new Backups(), () -> w, () -> 3, CLOCK);

        Throwable failed = auto.backupOnExit(runner.failures());

        assertThat(failed).isNotNull();
        assertThat(status.messageProperty().get()).startsWith("Die Sicherung beim Beenden ist fehlgeschlagen: ");
        assertThat(logged(Level.WARN)).singleElement().asString().startsWith("ui.task.backupOnExit failed:");
    }

    @Test
    void aFailingIndexBuildAndConsentExpiryAtLoginAreShownAndLogged() {
        w.close(); // the database went away under the login's background work

        new StartupWork(runner).start(w);

        assertThat(status.messageProperty().get()).isNotEmpty();
        List<String> failed = log.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN))
                .map(ILoggingEvent::getFormattedMessage).toList();
        assertThat(failed).anySatisfy(m -> assertThat(m).startsWith("ui.task.indexBuild failed:"))
                .anySatisfy(m -> assertThat(m).startsWith("ui.task.consentExpiry failed:"));
    }

    @Test
    void aFailingIndexBuildAloneReachesTheStatusLine() {
        w.close();

        new StartupWork(runner).start(w);

        // The newest failure is shown; both are in the log (above).
        assertThat(status.messageProperty().get()).contains("fehlgeschlagen");
        assertThat(log.list).anySatisfy(e -> {
            assertThat(e.getFormattedMessage()).startsWith("ui.task.indexBuild failed:");
            assertThat(e.getThrowableProxy()).isNotNull();
        });
    }

    @Test
    void failingDuplicateAndSuppressionChecksOfTheFormAreShownAndLogged() {
        PersonFormViewModel form = new PersonFormViewModel(w.contacts(), w.organisations(), w.suppression(),
                w.dedupe(), w.principal(), runner, new UiText(Locale.GERMAN));
        form.startNew();
        w.close(); // the database went away while the form is open

        form.familyNameProperty().set("Wunderlich");
        form.checkDuplicates();

        assertThat(status.messageProperty().get()).isNotEmpty();
        List<String> failed = log.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN))
                .map(ILoggingEvent::getFormattedMessage).toList();
        assertThat(failed).anySatisfy(m -> assertThat(m).startsWith("ui.task.duplicateCheck failed:"));
        assertThat(failed).noneSatisfy(m -> assertThat(m).contains("Wunderlich"));

        form.checkBlocked();

        assertThat(log.list.stream().map(ILoggingEvent::getFormattedMessage))
                .anySatisfy(m -> assertThat(m).startsWith("ui.task.suppressionCheck failed:"));
    }
}
