package de.kontor.store;

import de.kontor.domain.KontorException;
import de.kontor.security.DatabaseKey;
import de.kontor.security.OwnerOnlyFiles;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.jdbcx.JdbcConnectionPool;
import org.h2.message.DbException;
import org.h2.message.TraceSystem;
import org.h2.mvstore.MVStoreTool;
import org.h2.store.FileLock;
import org.h2.store.FileLockMethod;
import org.h2.store.fs.FileUtils;
import org.jooq.ConnectionProvider;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.jooq.impl.DefaultConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The encrypted H2 database. The file password and the SQL user's password are derived from
 * the random database key, never from a user's password. The file is encrypted in H2's
 * {@code CIPHER=AES} format by {@link XtsFileSystem}, which runs the cipher on the JDK's AES
 * (decision record 0009). {@code TRACE_LEVEL_FILE=0} keeps H2 from writing failing SQL (with
 * values) in plaintext beside the encrypted file;
 * {@code AUTO_SERVER=TRUE} lets several Kontor processes on this computer share one file: H2's
 * server for it listens on the loopback address only ({@link #LOOPBACK}), and a server named in
 * the lock file is only followed when it is on this computer ({@link LockFile}).
 * {@code COMPRESS=TRUE} compresses pages before they are encrypted: the audit trail's hex
 * digests halve. With H2's own cipher that made a bulk import much faster (8 000 people 21 s
 * to 9 s); with the JDK's AES the 100 000-row import takes as long either way, and the file is
 * a third smaller (298 MB against 461 MB). Files written without it stay readable.
 */
public final class Database implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    /** Set in the transaction of every erasure, cleared once the file has been compacted. */
    static final String COMPACTION_PENDING = "store.compactionPending";
    private static final long MB = 1024 * 1024;
    /** Room every write needs: H2 appends whole chunks and rewrites its header. */
    static final long WRITE_RESERVE = 8 * MB;
    private static final String SQL_USER = "KONTOR";
    private static final int LOCKED = 90020;
    private static final int WRONG_PASSWORD = 28000;
    private static final int FILE_CORRUPTED = 90030;
    private static final int DATABASE_CLOSED = 90121;
    private static final int FILE_ENCRYPTION_ERROR = 90049;
    private static final int CONNECTION_BROKEN = 90067;
    private static final int GENERAL_ERROR = 50000;
    private static final int LOCK_SLEEP_MS = 1000;
    private static final long REOPEN_WAIT_NANOS = 30_000_000_000L;
    /** H2 binds its auto-server here (H2 reads {@code h2.bindAddress} once, when it loads). */
    static final String LOOPBACK = "127.0.0.1";
    private static final String BIND_PROPERTY = "h2.bindAddress";

    static {
        // Before any H2 class loads: H2's SysProperties reads the bind address once. Without it
        // the auto-server listens on every network interface, in clear, with admin rights.
        if (System.getProperty(BIND_PROPERTY) == null) {
            System.setProperty(BIND_PROPERTY, LOOPBACK);
        }
    }

    private final DataFolder folder;
    private final String url;
    private final String path;
    private final String password;
    private volatile JdbcConnectionPool pool;
    private volatile boolean closed;
    private final DSLContext dsl;
    private final AtomicBoolean released = new AtomicBoolean();
    private final java.util.concurrent.atomic.AtomicLong exclusiveRuns = new java.util.concurrent.atomic.AtomicLong();
    /**
     * One discipline (decision record 0012): transactions and reads share the read lock;
     * compaction, backup and close take the write lock, so they wait for running work and no
     * work starts until they are done. Lock order: this lock, then the monitor of this object.
     */
    private final java.util.concurrent.locks.ReentrantReadWriteLock work = new java.util.concurrent.locks.ReentrantReadWriteLock();
    private volatile java.time.Duration waitLimit = java.time.Duration.ofSeconds(120);

    private Database(DataFolder folder, String url, String path, String password, JdbcConnectionPool pool) {
        this.folder = folder;
        this.url = url;
        this.path = path;
        this.password = password;
        this.pool = pool;
        this.dsl = DSL.using(new DefaultConfiguration().set(new Connections()).set(SQLDialect.H2)
                .set(new Settings().withExecuteLogging(false)));
    }

    /** Hands jOOQ working connections from the current pool (see {@link #connection()}). */
    private final class Connections implements ConnectionProvider {
        @Override
        public Connection acquire() {
            try {
                return connection();
            } catch (SQLException e) {
                throw new DataAccessException("Error getting a connection: " + e.getMessage(), e);
            }
        }

        @Override
        public void release(Connection connection) {
            try {
                connection.close();
            } catch (SQLException e) {
                throw new DataAccessException("Error closing a connection: " + e.getMessage(), e);
            }
        }
    }

    /**
     * A working connection. The database can be closed under this process: by a compaction
     * here (then this waits for it) or in another process sharing the file (then this
     * connects again, possibly becoming the one that runs the database). Nothing has run on a
     * connection when it is checked, so no work is repeated.
     */
    private Connection connection() throws SQLException {
        JdbcConnectionPool seen = pool;
        // a new connection may follow the server named in the lock file
        LockFile.checkServer(folder);
        try {
            Connection c = seen.getConnection();
            if (c.isValid(1)) {
                return c;
            }
            c.close();
        } catch (SQLException e) {
            if (!closedUnderUs(e)) {
                throw e;
            }
        } catch (IllegalStateException e) {
            // the pool was disposed: a compaction is replacing it (we wait for it below) or the database is closed
            org.slf4j.LoggerFactory.getLogger(Database.class).debug("Connection pool replaced or closed; waiting");
        }
        synchronized (this) {
            if (closed) {
                throw new SQLException("The database is closed", "08003", DATABASE_CLOSED);
            }
            if (pool == seen) {
                reopen();
            }
        }
        return pool.getConnection();
    }

    private static JdbcConnectionPool pool(String url, String password) {
        JdbcConnectionPool pool = JdbcConnectionPool.create(url, SQL_USER, password);
        pool.setMaxConnections(8);
        return pool;
    }

    /** Creates a new database file; refuses if one is there. */
    public static Database create(DataFolder folder, DatabaseKey key) {
        return create(folder, key, true);
    }

    /**
     * Creates a database file; {@code encrypted} false exists only so tests can look for erased
     * values in the raw file bytes.
     */
    public static Database create(DataFolder folder, DatabaseKey key, boolean encrypted) {
        if (Files.exists(folder.databaseFile())) {
            throw new KontorException("error.databaseExists", folder.dir().toString());
        }
        return open(folder, key, true, encrypted);
    }

    /** Opens an existing database file and applies pending migrations. */
    public static Database open(DataFolder folder, DatabaseKey key) {
        return open(folder, key, true);
    }

    public static Database open(DataFolder folder, DatabaseKey key, boolean encrypted) {
        if (!Files.isRegularFile(folder.databaseFile())) {
            throw new KontorException("error.databaseMissing", folder.databaseFile().toString());
        }
        return open(folder, key, false, encrypted);
    }

    private static Database open(DataFolder folder, DatabaseKey key, boolean create, boolean encrypted) {
        LockFile.checkBindAddress(folder);
        OwnerOnlyFiles.ownFolder(folder.dir());
        LockFile.checkServer(folder);
        String base = folder.databaseBase().toString();
        String path = encrypted ? XtsFileSystem.open(base, key.derive("h2-file")) : "file:" + base;
        String url = "jdbc:h2:" + path + (encrypted ? ";COMPRESS=TRUE" : "") + ";TRACE_LEVEL_FILE=0;AUTO_SERVER=TRUE"
                + (create ? "" : ";IFEXISTS=TRUE");
        String password = key.derive("h2-user");
        if (!create) {
            try {
                checkStoreHeader(path + ".mv.db", folder);
            } catch (RuntimeException e) {
                release(path);
                throw e;
            }
        }
        JdbcConnectionPool pool = pool(url, password);
        try (Connection c = pool.getConnection()) {
            c.isValid(1);
            if (!create && !hasSchema(c)) {
                // H2 took the damaged file for an empty one: nothing may be created in it
                LOG.error("database file opened without Kontor's tables: treated as damaged");
                throw new KontorException("error.databaseDamaged", folder.databaseFile().toString());
            }
        } catch (SQLException | RuntimeException e) {
            pool.dispose();
            release(path);
            if (e instanceof KontorException k) {
                throw k;
            }
            throw e instanceof SQLException sql ? translate(sql, folder)
                    : new KontorException(e, "error.databaseDamaged", folder.databaseFile().toString());
        }
        try {
            Flyway.configure()
                    .dataSource(pool)
                    .locations("classpath:db/migration")
                    .loggers("slf4j")
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            pool.dispose();
            release(path);
            throw new KontorException(e, "error.migration", e.getMessage());
        }
        restrictFiles(folder);
        Database db = new Database(folder, url, path, password, pool);
        db.finishInterruptedCompaction();
        return db;
    }

    /**
     * Marks the file as holding erased values until the next successful {@link #compact()}: call
     * it in the erasure's own transaction, so a crash or a full disk between the commit and the
     * compaction cannot leave erased values in the file unnoticed. Every open retries.
     */
    static void markCompactionPending(Tx tx) {
        SettingsStore settings = new SettingsStore();
        if (settings.get(tx, COMPACTION_PENDING).isEmpty()) {
            settings.put(tx, COMPACTION_PENDING, "1");
        }
    }

    /** Whether an erasure's compaction has not finished yet (erased values may still be in the file). */
    public boolean compactionPending() {
        return read(tx -> new SettingsStore().get(tx, COMPACTION_PENDING).isPresent());
    }

    /**
     * At open: a compaction killed midway leaves H2's {@code .tempFile} (a partial copy with
     * the old values), and its erasure is still marked pending. Only the process that runs the
     * database may do this, since a compaction elsewhere needs the file that this one holds.
     * A compaction that fails again (a full disk) stays pending; the open goes on.
     */
    private void finishInterruptedCompaction() {
        try {
            if (!isLocal()) {
                return;
            }
            String temp = path + ".tempFile";
            if (FileUtils.exists(temp)) {
                LOG.warn("removing the leftover of an interrupted compaction ({} bytes)", FileUtils.size(temp));
                FileUtils.delete(temp);
            }
            if (compactionPending()) {
                LOG.warn("an erasure's compaction did not finish; compacting now");
                compact();
                LOG.info("the interrupted compaction is finished");
            }
        } catch (KontorException | DbException e) {
            LOG.warn("the compaction of an earlier erasure is still pending: {}", e.getClass().getSimpleName());
        }
    }

    /**
     * H2 creates its files itself, and earlier versions of Kontor left the folder and files
     * readable by others: everything in the data folder (and one level down, the backups) is
     * made owner-only where it is not.
     */
    private static void restrictFiles(DataFolder folder) {
        try (java.util.stream.Stream<java.nio.file.Path> s = Files.walk(folder.dir(), 2)) {
            for (java.nio.file.Path p : s.toList()) {
                try {
                    if (!OwnerOnlyFiles.isOwnerOnly(p)) {
                        OwnerOnlyFiles.restrict(p);
                    }
                } catch (java.io.IOException | KontorException e) {
                    LOG.warn("A file in the data folder could not be made owner-only ({})", e.getClass().getSimpleName());
                }
            }
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            LOG.warn("The data folder could not be checked for owner-only files ({})", e.getClass().getSimpleName());
        }
    }

    /** Smallest file H2 writes: two header blocks and one chunk. */
    private static final long MIN_FILE = 3 * 4096L;

    /**
     * Refuses a file that is empty, shorter than any database H2 writes, or cut before the
     * chunk its header names: H2 would take the first two for a new database and roll the last
     * back to an older state. Reads only.
     */
    private static void checkStoreHeader(String file, DataFolder folder) {
        try {
            long size = FileUtils.size(file);
            if (size < MIN_FILE) {
                LOG.error("database file too short: {} bytes", size);
                throw new KontorException("error.databaseDamaged", folder.databaseFile().toString());
            }
            byte[] head = new byte[4096];
            try (java.nio.channels.FileChannel ch = FileUtils.open(file, "r")) {
                java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(head);
                while (b.hasRemaining() && ch.read(b) > 0) {
                    // fill the first block
                }
            }
            String header = new String(head, java.nio.charset.StandardCharsets.ISO_8859_1);
            long block = hexField(header, "block");
            long blockSize = hexField(header, "blockSize");
            if (!header.startsWith("H:") || block < 0 || blockSize <= 0) {
                LOG.error("database file header unreadable");
                throw new KontorException("error.databaseDamaged", folder.databaseFile().toString());
            }
            if ((block + 1) * blockSize > size) {
                LOG.error("database file cut: chunk at block {} beyond {} bytes", block, size);
                throw new KontorException("error.databaseDamaged", folder.databaseFile().toString());
            }
        } catch (java.io.IOException | RuntimeException e) {
            if (e instanceof KontorException k) {
                throw k;
            }
            LOG.error("database file header not read: {}", e.getClass().getSimpleName());
            throw new KontorException(e, "error.databaseDamaged", folder.databaseFile().toString());
        }
    }

    /** A field {@code name:HEX} of H2's store header, or -1. */
    private static long hexField(String header, String name) {
        int end = header.indexOf('\n');
        for (String part : (end < 0 ? header : header.substring(0, end)).split(",")) {
            int colon = part.indexOf(':');
            if (colon > 0 && part.substring(0, colon).equals(name)) {
                try {
                    return Long.parseLong(part.substring(colon + 1).trim(), 16);
                } catch (NumberFormatException e) {
                    return -1;
                }
            }
        }
        return -1;
    }

    /** Whether Flyway's history is there: every Kontor database has it from its first open on. */
    private static boolean hasSchema(Connection c) throws SQLException {
        try (java.sql.PreparedStatement st = c.prepareStatement(
                "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE LOWER(TABLE_NAME) = 'flyway_schema_history'");
                java.sql.ResultSet r = st.executeQuery()) {
            return r.next() && r.getInt(1) > 0;
        }
    }

    private static void release(String path) {
        if (path.startsWith(XtsFileSystem.SCHEME + ":")) {
            XtsFileSystem.close(path);
        }
    }

    private static KontorException translate(SQLException e, DataFolder folder) {
        if (corrupted(e)) {
            LOG.error("database file damaged (H2 error {})", e.getErrorCode());
            return new KontorException(e, "error.databaseDamaged", folder.databaseFile().toString());
        }
        return switch (e.getErrorCode()) {
            case LOCKED -> new KontorException(e, "error.databaseLocked", folder.databaseFile().toString());
            case WRONG_PASSWORD -> new KontorException(e, "error.databaseKey", folder.databaseFile().toString());
            case FILE_CORRUPTED, FILE_ENCRYPTION_ERROR -> new KontorException(e, "error.databaseDamaged", folder.databaseFile().toString());
            default -> new KontorException(e, "error.databaseOpen", folder.databaseFile().toString(), plain(e));
        };
    }

    /** Whether H2 failed on the file's content (a page or chunk it cannot read), not on the request. */
    static boolean corrupted(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.h2.mvstore.MVStoreException) {
                return true;
            }
            if (t instanceof SQLException sql && (sql.getErrorCode() == FILE_CORRUPTED
                    || sql.getErrorCode() == GENERAL_ERROR && String.valueOf(sql.getMessage()).contains("MVStoreException"))) {
                return true;
            }
        }
        return false;
    }

    /** H2's message without the SQL statement it appends (which may hold values) and without Java class names. */
    static String plain(Throwable e) {
        SQLException sql = null;
        for (Throwable t = e; t != null && sql == null; t = t.getCause()) {
            if (t instanceof SQLException s) {
                sql = s;
            }
        }
        String m = String.valueOf(sql != null ? sql.getMessage() : e.getMessage());
        int cut = m.indexOf("; SQL statement:");
        if (cut >= 0) {
            m = m.substring(0, cut);
        }
        cut = m.indexOf(" [");
        if (cut > 0 && m.endsWith("]")) {
            m = m.substring(0, cut);
        }
        return m.replaceAll("[a-z][a-z0-9_]*(\\.[a-zA-Z0-9_$]+)+(Exception|Error)", "").trim();
    }

    public DataFolder folder() {
        return folder;
    }

    /** Runs {@code work} in one transaction: all of it commits, or none of it. */
    public <T> T inTransaction(Function<Tx, T> work) {
        requireFreeSpace(WRITE_RESERVE);
        shared();
        try {
            return dsl.transactionResult(cfg -> work.apply(new Tx(cfg.dsl())));
        } catch (DataAccessException e) {
            if (isDiskFull(e)) {
                throw diskFull(e, WRITE_RESERVE);
            }
            throw refused(e);
        } finally {
            this.work.readLock().unlock();
        }
    }

    /**
     * Refuses, before any work, when the data folder's disk has less than {@code bytes} (plus
     * the reserve every write needs) free: a full disk midway fails late and less clearly.
     */
    public void requireFreeSpace(long bytes) {
        long usable = usableSpace(folder.dir());
        long needed = bytes + (bytes == WRITE_RESERVE ? 0 : WRITE_RESERVE);
        if (usable < needed) {
            LOG.warn("refused: {} bytes free, {} needed", usable, needed);
            throw new KontorException("error.diskFull", folder.dir().toString(), megabytes(needed - usable));
        }
    }

    /** Free bytes on {@code dir}'s file system; unknown counts as enough (the write itself then tells). */
    static long usableSpace(java.nio.file.Path dir) {
        try {
            return Files.getFileStore(dir).getUsableSpace();
        } catch (java.io.IOException | SecurityException e) {
            LOG.warn("free space of the data folder unknown: {}", e.getClass().getSimpleName());
            return Long.MAX_VALUE;
        }
    }

    static String megabytes(long bytes) {
        return Long.toString(Math.max(1, (bytes + MB - 1) / MB));
    }

    private KontorException diskFull(Throwable e, long needed) {
        LOG.warn("the disk of the data folder is full: {}", e.getClass().getSimpleName());
        return new KontorException(e, "error.diskFull", folder.dir().toString(), megabytes(needed));
    }

    /** Whether {@code e} comes from a full disk (the JDK's and H2's wording on Linux, macOS, Windows). */
    static boolean isDiskFull(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = t.getMessage();
            if (m != null) {
                String lower = m.toLowerCase(java.util.Locale.ROOT);
                if (lower.contains("no space left on device") || lower.contains("not enough space on the disk")
                        || lower.contains("disk full") || lower.contains("disk quota exceeded")) {
                    return true;
                }
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    /** Reads without an explicit transaction (each statement sees committed data). */
    public <T> T read(Function<Tx, T> work) {
        shared();
        try {
            return work.apply(new Tx(dsl));
        } catch (DataAccessException e) {
            throw refused(e);
        } finally {
            this.work.readLock().unlock();
        }
    }

    /** How long work waits for an exclusive operation and the other way round (tests shorten it). */
    void waitLimit(java.time.Duration limit) {
        this.waitLimit = limit;
    }

    /** Whether a compaction, backup or close waits for running work (tests). */
    boolean exclusiveWaiting() {
        return work.hasQueuedThreads() && work.getReadLockCount() > 0;
    }

    /** Whether work waits for an exclusive operation (tests). */
    /** How many compactions, backups and closes have finished their exclusive part (for tests). */
    long exclusiveRuns() {
        return exclusiveRuns.get();
    }

    private void releaseExclusive() {
        exclusiveRuns.incrementAndGet();
        work.writeLock().unlock();
    }

    boolean sharedWaiting() {
        return work.getQueueLength() >= 2 || work.isWriteLocked() && work.hasQueuedThreads();
    }

    /** Takes the shared lock: waits while a compaction, backup or close runs, bounded. */
    private void shared() {
        try {
            if (work.readLock().tryLock(waitLimit.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.warn("work waited {} s for an exclusive operation on the database", waitLimit.toSeconds());
        throw new KontorException("error.databaseBusy", waitLimit.toSeconds());
    }

    /**
     * Takes the exclusive lock: waits for running transactions and reads to finish, bounded.
     * From inside a transaction or read of this thread it would wait for itself: refused.
     */
    private void exclusive() {
        if (work.getReadHoldCount() > 0) {
            throw new IllegalStateException("compaction, backup or close from inside a transaction or read");
        }
        try {
            if (work.writeLock().tryLock(waitLimit.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.warn("exclusive operation waited {} s for running work on the database", waitLimit.toSeconds());
        throw new KontorException("error.databaseBusy", waitLimit.toSeconds());
    }

    /** A failed statement as the user reads it: a damaged file named as such, never the SQL. */
    private KontorException refused(DataAccessException e) {
        if (corrupted(e)) {
            LOG.error("database file damaged, found while reading");
            return new KontorException(e, "error.databaseDamaged", folder.databaseFile().toString());
        }
        return new KontorException(e, "error.database", plain(e));
    }

    private static boolean closedUnderUs(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql
                    && (sql.getErrorCode() == DATABASE_CLOSED || sql.getErrorCode() == CONNECTION_BROKEN)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Rewrites the database file so that deleted values are gone from its bytes (H2 keeps
     * deleted rows in free pages until then), and opens it again. Callers must not hold a
     * transaction; other Kontor processes sharing the file reconnect by themselves.
     *
     * <p>H2's {@code SHUTDOWN COMPACT} LZF-compresses every page of the new file on one thread,
     * which took 70 % of its time. When this process holds the database, it closes it, takes
     * H2's file lock itself and copies the live pages uncompressed into a new file that
     * replaces the old one atomically (what {@code SHUTDOWN COMPACT} does, without the
     * compression; measured at 100 000 people: 1.1 s instead of 2.2 s, file 150 MB instead of
     * 92 MB; later writes are compressed again). When another process holds it, or takes it in
     * between, that process compacts with {@code SHUTDOWN COMPACT}.
     */
    public void compact() {
        // the copy needs about the file's size; H2 refuses it midway otherwise
        long needed = sizeOf(folder.databaseFile());
        if (usableSpace(folder.dir()) < needed + WRITE_RESERVE) {
            LOG.warn("compaction postponed: the disk is full");
            throw new KontorException("error.diskFullAfterErasure", folder.dir().toString(),
                    megabytes(needed + WRITE_RESERVE - usableSpace(folder.dir())));
        }
        exclusive();
        try {
            synchronized (this) {
                compactFile();
            }
        } catch (KontorException e) {
            if (isDiskFull(e)) {
                FileUtils.tryDelete(path + ".tempFile");
                throw new KontorException(e, "error.diskFullAfterErasure", folder.dir().toString(), megabytes(needed));
            }
            throw e;
        } finally {
            releaseExclusive();
        }
        try {
            inTransaction(tx -> {
                new SettingsStore().put(tx, COMPACTION_PENDING, null);
                return null;
            });
        } catch (KontorException e) {
            // the file is compacted; the mark only makes the next open compact once more
            LOG.warn("could not clear the pending-compaction mark: {}", e.messageKey());
        }
    }

    private void compactFile() {
        if (isLocal()) {
            shutdown("SHUTDOWN");
            // H2's lock connects to the server named in the lock file first
            LockFile.checkServer(folder);
            FileLock lock = new FileLock(new TraceSystem(null), path + ".lock.db", LOCK_SLEEP_MS);
            boolean locked = false;
            try {
                lock.lock(FileLockMethod.FILE);
                locked = true;
            } catch (DbException e) {
                // another Kontor process opened the file in between: it compacts below
                org.slf4j.LoggerFactory.getLogger(Database.class)
                        .info("Compaction: another process holds the file (H2 error {})", e.getErrorCode());
            }
            if (locked) {
                try {
                    MVStoreTool.compact(path + ".mv.db", path + ".tempFile", false);
                    MVStoreTool.moveAtomicReplace(path + ".tempFile", path + ".mv.db");
                } catch (RuntimeException e) {
                    FileUtils.tryDelete(path + ".tempFile");
                    throw new KontorException(e, "error.compact", e.getMessage());
                } finally {
                    lock.unlock();
                }
                reopen();
                return;
            }
            reopen();
        }
        shutdown("SHUTDOWN COMPACT");
        reopen();
    }

    private static long sizeOf(java.nio.file.Path file) {
        try {
            return Files.size(file);
        } catch (java.io.IOException e) {
            return 0;
        }
    }

    /** Whether this process runs the database (or reaches it through another process's server). */
    private boolean isLocal() {
        try (Connection c = connection()) {
            return c.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal;
        } catch (SQLException e) {
            throw translate(e, folder);
        }
    }

    /**
     * Connects again after a shutdown. When another process ran the shutdown (this one is its
     * client), that process may still be compacting and hold the file: wait for it a while.
     */
    private void reopen() {
        long giveUp = System.nanoTime() + REOPEN_WAIT_NANOS;
        while (true) {
            LockFile.checkServer(folder);
            JdbcConnectionPool next = pool(url, password);
            try (Connection c = next.getConnection()) {
                c.isValid(1);
                restrictFiles(folder);
                JdbcConnectionPool old = pool;
                pool = next;
                old.dispose();
                return;
            } catch (SQLException e) {
                next.dispose();
                boolean busy = e.getErrorCode() == LOCKED || e.getErrorCode() == CONNECTION_BROKEN;
                if (!busy || System.nanoTime() > giveUp) {
                    throw translate(e, folder);
                }
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new KontorException(e, "error.databaseLocked", folder.databaseFile().toString());
            }
        }
    }

    /**
     * Writes a consistent copy of the database file to {@code copy} while it stays in use, in
     * the same encrypted format as the file itself. H2's online backup writes a zip of the
     * decrypted store, so that zip is written under the database's own cipher and unpacked
     * into {@code copy} through it: no plaintext reaches the disk.
     */
    public void backupTo(java.nio.file.Path copy) {
        exclusive();
        try {
            backupExclusive(copy);
        } finally {
            releaseExclusive();
        }
    }

    private void backupExclusive(java.nio.file.Path copy) {
        String zip = sibling(copy.resolveSibling(copy.getFileName() + ".zip"));
        // H2's zip and the copy each take about the file's size
        long needed = 2 * sizeOf(folder.databaseFile()) + WRITE_RESERVE;
        java.nio.file.Path target = copy.toAbsolutePath().getParent();
        long usable = usableSpace(target);
        if (usable < needed) {
            LOG.warn("backup refused: {} bytes free, {} needed", usable, needed);
            throw new KontorException("error.diskFull", target.toString(), megabytes(needed - usable));
        }
        try {
            try (Connection c = connection(); java.sql.PreparedStatement st = c.prepareStatement("BACKUP TO ?")) {
                st.setString(1, zip);
                st.execute();
            }
            try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(FileUtils.newInputStream(zip))) {
                java.util.zip.ZipEntry e;
                do {
                    e = in.getNextEntry();
                } while (e != null && !e.getName().endsWith(".mv.db"));
                if (e == null) {
                    throw new java.io.IOException("no database file in H2's backup");
                }
                try (java.io.OutputStream out = FileUtils.newOutputStream(sibling(copy), false)) {
                    byte[] buffer = new byte[1 << 16];
                    int n;
                    while ((n = in.readNBytes(buffer, 0, buffer.length)) > 0) {
                        out.write(buffer, 0, n);
                    }
                }
            }
        } catch (SQLException | java.io.IOException | org.h2.message.DbException e) {
            FileUtils.tryDelete(sibling(copy));
            if (isDiskFull(e)) {
                LOG.warn("backup failed: the disk is full");
                throw new KontorException(e, "error.diskFull", target.toString(), megabytes(needed));
            }
            throw new KontorException(e, "backup.failed", copy.toString(), e.getMessage());
        } finally {
            FileUtils.tryDelete(zip);
        }
    }

    /** H2's name for {@code file} under this database's cipher (or as a plain file). */
    private String sibling(java.nio.file.Path file) {
        return path.startsWith(XtsFileSystem.SCHEME + ":") ? XtsFileSystem.sibling(path, file.toString()) : "file:" + file;
    }

    private void releaseOnce() {
        if (released.compareAndSet(false, true)) {
            release(path);
        }
    }

    /** {@code SHUTDOWN [COMPACT]} over plain JDBC: the connection is dead afterwards by design. */
    private void shutdown(String command) {
        try (Connection c = connection(); java.sql.Statement st = c.createStatement()) {
            st.execute(command);
        } catch (SQLException e) {
            // the database closes under the statement; a client of another process's server
            // sees its connection end instead
            if (e.getErrorCode() != DATABASE_CLOSED && e.getErrorCode() != CONNECTION_BROKEN) {
                pool.dispose();
                throw new KontorException(e, "error.compact", e.getMessage());
            }
        } finally {
            pool.dispose();
        }
    }

    /**
     * Closes this process's connections. If this process runs the database for other Kontor
     * processes too (their sessions keep it open), it shuts it down now, while the file
     * password is still at hand: they connect again and one of them runs it from then on.
     */
    @Override
    public void close() {
        exclusive();
        try {
            synchronized (this) {
                closeExclusive();
            }
        } finally {
            releaseExclusive();
        }
    }

    private void closeExclusive() {
        if (closed) {
            return;
        }
        try {
            if (isLocal() && othersConnected()) {
                shutdown("SHUTDOWN");
            }
        } catch (RuntimeException e) {
            // closing goes on: the connections are released below either way
            org.slf4j.LoggerFactory.getLogger(Database.class)
                    .warn("Shutdown before close failed: {}", e.getClass().getSimpleName());
        }
        closed = true;
        pool.dispose();
        releaseOnce();
    }

    /** Whether other processes use the database through this one's server. */
    private boolean othersConnected() {
        try (Connection c = connection(); java.sql.Statement st = c.createStatement();
                java.sql.ResultSet r = st.executeQuery(
                        "SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE CLIENT_ADDR IS NOT NULL")) {
            r.next();
            return r.getInt(1) > 0;
        } catch (SQLException e) {
            return false;
        }
    }
}
