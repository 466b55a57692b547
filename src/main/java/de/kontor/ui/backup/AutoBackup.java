package de.kontor.ui.backup;

import de.kontor.app.Backups;
import de.kontor.app.Logs;
import de.kontor.app.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import de.kontor.ui.task.TaskFailures;
import de.kontor.ui.task.TaskRunner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Automatic backups into the data folder's {@code backups} folder, keeping the configured
 * number of generations: on exit, and daily (when the newest backup is a day old; checked at
 * start and every hour).
 */
public final class AutoBackup {
    private static final Logger LOG = LoggerFactory.getLogger(AutoBackup.class);
    /** How old the newest backup may be before the daily backup runs. */
    public static final Duration DAILY = Duration.ofDays(1);
    /** How often the window checks whether the daily backup is due. */
    public static final Duration CHECK_EVERY = Duration.ofHours(1);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final Backups backups;
    private final Supplier<Workspace> workspace;
    private final IntSupplier generations;
    private final Clock clock;

    public AutoBackup(Backups backups, Supplier<Workspace> workspace, IntSupplier generations, Clock clock) {
        this.backups = backups;
        this.workspace = workspace;
        this.generations = generations;
        this.clock = clock;
    }

    /** When a backup in the data folder was made: from its name, else the file's time. */
    public static Optional<Instant> madeAt(Path backup, ZoneId zone) {
        String name = backup.getFileName().toString();
        if (name.startsWith("kontor-") && name.endsWith(Backups.EXTENSION)) {
            String stamp = name.substring("kontor-".length(), name.length() - Backups.EXTENSION.length());
            try {
                return Optional.of(LocalDateTime.parse(stamp, STAMP).atZone(zone).toInstant());
            } catch (DateTimeParseException e) {
                return fileTime(backup); // not one of ours
            }
        }
        return fileTime(backup);
    }

    private static Optional<Instant> fileTime(Path backup) {
        try {
            return Optional.of(Files.getLastModifiedTime(backup).toInstant());
        } catch (IOException e) {
            LOG.warn("A backup's time could not be read: {}", Logs.describe(e));
            return Optional.empty();
        }
    }

    /** True when there is no backup or the newest is at least a day old. */
    public static boolean dailyDue(List<Path> existing, Instant now, ZoneId zone) {
        Optional<Instant> newest = existing.stream().map(p -> madeAt(p, zone)).flatMap(Optional::stream)
                .max(Instant::compareTo);
        return newest.isEmpty() || !newest.get().plus(DAILY).isAfter(now);
    }

    /** Makes the daily backup if it is due; returns the file written, or null. */
    public Path runIfDue() {
        Workspace w = workspace.get();
        if (w == null || !dailyDue(backups.list(w.folder()), clock.instant(), clock.getZone())) {
            return null;
        }
        return runNow();
    }

    /**
     * The daily check, in the background through {@code runner}: a failure is logged and shown
     * in the window's status line.
     */
    public void checkDaily(TaskRunner runner) {
        runner.run("ui.task.autoBackup", this::runIfDue, written -> {
            if (written != null) {
                LOG.info("Automatic backup written ({} generations kept)", Math.max(1, generations.getAsInt()));
            }
        });
    }

    /**
     * The backup on exit, at once on the calling thread. A failure must not stop the exit: it
     * is logged and reported through {@code failures}, and returned for a dialog (else null).
     */
    public Throwable backupOnExit(TaskFailures failures) {
        try {
            runNow();
            LOG.info("Backup on exit written");
            return null;
        } catch (RuntimeException e) {
            failures.report("ui.task.backupOnExit", e);
            return e;
        }
    }

    /** Makes a backup now (on exit, or on demand), keeping the configured generations. */
    public Path runNow() {
        Workspace w = workspace.get();
        if (w == null) {
            return null;
        }
        return backups.backupRotating(w, Math.max(1, generations.getAsInt()), clock.instant(), clock.getZone());
    }
}
