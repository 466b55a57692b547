package de.kontor.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import ch.qos.logback.core.util.FileSize;
import de.kontor.domain.KontorException;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.LoggerFactory;

/**
 * Kontor's log file: {@code logs/kontor.log} in the data folder chosen at run time, rolled
 * daily and at 5 MB, seven generations, folder 0700 and files 0600 where POSIX permissions
 * exist. Until a data folder is known (and in tests that open none) Kontor logs to the console
 * only. Log lines carry ids, counts and message keys, never personal data; failures are logged
 * through {@link #safe(Throwable)}, which drops every exception message (they can hold SQL
 * with values, file contents or names) and keeps the kinds and the stack frames.
 */
public final class Logs {
    /** The log folder's name inside the data folder. */
    public static final String FOLDER = "logs";
    /** The active log file's name. */
    public static final String FILE = "kontor.log";
    static final String APPENDER = "kontor-file";
    private static final String KONTOR = "de.kontor";
    private static final org.slf4j.Logger LOG = LoggerFactory.getLogger(Logs.class);

    private Logs() {}

    /** The active log file for a data folder. */
    public static Path file(Path dataDir) {
        return dataDir.resolve(FOLDER).resolve(FILE);
    }

    /**
     * From now on Kontor's log goes to {@code dataDir/logs/kontor.log} (INFO and up), replacing an
     * earlier data folder's file. Does nothing when {@code dataDir} does not exist: the log never
     * creates a data folder. Returns the file, or empty when there is none (the reason is logged
     * on the console).
     */
    public static Optional<Path> writeTo(Path dataDir) {
        return writeTo(dataDir, FileSize.valueOf("5MB"));
    }

    /** As {@link #writeTo(Path)}, rolling at {@code maxFileSize} (tests roll small files). */
    static synchronized Optional<Path> writeTo(Path dataDir, FileSize maxFileSize) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context) || !Files.isDirectory(dataDir)) {
            return Optional.empty();
        }
        Path file = file(dataDir).toAbsolutePath().normalize();
        Logger kontor = context.getLogger(KONTOR);
        if (kontor.getAppender(APPENDER) instanceof OwnerOnlyRollingFileAppender current
                && file.toString().equals(current.getFile()) && current.maxFileSize.equals(maxFileSize)) {
            return Optional.of(file);
        }
        try {
            ownerOnlyFolder(file.getParent());
            ownerOnlyFile(file);
        } catch (IOException e) {
            LOG.warn("No log file in the data folder: {}", describe(e));
            return Optional.empty();
        }
        OwnerOnlyRollingFileAppender appender = new OwnerOnlyRollingFileAppender(maxFileSize);
        appender.setContext(context);
        appender.setName(APPENDER);
        appender.setFile(file.toString());
        SizeAndTimeBasedRollingPolicy<ILoggingEvent> policy = new SizeAndTimeBasedRollingPolicy<>();
        policy.setContext(context);
        policy.setParent(appender);
        // No .gz: the compressor would write the rolled file with the default permissions.
        policy.setFileNamePattern(file.getParent().resolve("kontor.%d{yyyy-MM-dd}.%i.log").toString());
        policy.setMaxFileSize(maxFileSize);
        policy.setMaxHistory(7);
        policy.setTotalSizeCap(FileSize.valueOf("50MB"));
        policy.start();
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level [%thread] %logger{36} - %msg%n");
        encoder.start();
        appender.setRollingPolicy(policy);
        appender.setEncoder(encoder);
        appender.start();
        if (!appender.isStarted()) {
            LOG.warn("The log file could not be opened; logging to the console only");
            return Optional.empty();
        }
        var previous = kontor.getAppender(APPENDER);
        if (previous != null) {
            kontor.detachAppender(previous);
            previous.stop();
        }
        kontor.addAppender(appender);
        kontor.setLevel(Level.INFO);
        kontor.setAdditive(false); // the console (stderr) stays for the command line's own messages
        return Optional.of(file);
    }

    /**
     * Closes the log file, if one is open (e.g. before the data folder's file system goes away);
     * Kontor then logs to the console until the next {@link #writeTo}.
     */
    public static void closeFile() {
        ch.qos.logback.classic.Logger kontor = ((ch.qos.logback.classic.LoggerContext) LoggerFactory.getILoggerFactory())
                .getLogger(KONTOR);
        var appender = kontor.getAppender(APPENDER);
        if (appender != null) {
            kontor.detachAppender(appender);
            appender.stop();
            kontor.setAdditive(true);
        }
    }

    /**
     * A copy of {@code t} and its causes that is safe to log: each exception's class and stack
     * frames, a refusal's message key, and no other message.
     */
    public static Throwable safe(Throwable t) {
        return t == null ? null : copy(t, new IdentityHashMap<>());
    }

    /**
     * One line for a log: the kinds of {@code t} and its causes, e.g.
     * "KontorException[backup.failed] <- NoSuchFileException".
     */
    public static String describe(Throwable t) {
        List<String> kinds = new ArrayList<>();
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable c = t; c != null && seen.put(c, Boolean.TRUE) == null; c = c.getCause()) {
            String key = c instanceof KontorException k ? "[" + k.messageKey() + "]" : "";
            kinds.add(c.getClass().getSimpleName() + key);
        }
        return String.join(" <- ", kinds);
    }

    private static Throwable copy(Throwable t, Map<Throwable, Throwable> done) {
        Throwable known = done.get(t);
        if (known != null) {
            return known;
        }
        String text = t.getClass().getName() + (t instanceof KontorException k ? ": " + k.messageKey() : "");
        Redacted r = new Redacted(text);
        done.put(t, r);
        r.setStackTrace(t.getStackTrace());
        if (t.getCause() != null && t.getCause() != t) {
            r.initCause(copy(t.getCause(), done));
        }
        for (Throwable s : t.getSuppressed()) {
            r.addSuppressed(copy(s, done));
        }
        return r;
    }

    /** An exception's class name (and a refusal's key) in place of its message. */
    static final class Redacted extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Redacted(String kind) {
            super(kind);
        }

        @Override
        public String toString() {
            return getMessage();
        }
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    // Owner-only permissions kept local here on purpose (a shared helper for every file Kontor
    // writes is being introduced separately; this can move onto it).
    private static void ownerOnlyFolder(Path dir) throws IOException {
        Files.createDirectories(dir);
        if (posix()) {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        }
    }

    private static void ownerOnlyFile(Path file) throws IOException {
        if (posix()) {
            if (!Files.exists(file)) {
                Files.createFile(file,
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } else if (!Files.exists(file)) {
            Files.createFile(file);
        }
    }

    /** Creates each new active file (at start and after every roll) owner-only before logback opens it. */
    private static final class OwnerOnlyRollingFileAppender extends RollingFileAppender<ILoggingEvent> {
        private final FileSize maxFileSize;

        OwnerOnlyRollingFileAppender(FileSize maxFileSize) {
            this.maxFileSize = maxFileSize;
        }

        @Override
        public void openFile(String fileName) throws IOException {
            ownerOnlyFile(Path.of(fileName));
            super.openFile(fileName);
        }
    }
}
