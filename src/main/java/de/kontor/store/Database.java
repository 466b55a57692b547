package de.kontor.store;

import de.kontor.domain.KontorException;
import de.kontor.security.DatabaseKey;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Function;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.h2.jdbcx.JdbcConnectionPool;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;

/**
 * The encrypted H2 database. The file password and the SQL user's password are derived from
 * the random database key, never from a user's password. {@code TRACE_LEVEL_FILE=0} keeps
 * H2 from writing failing SQL (with values) in plaintext beside the encrypted file;
 * {@code AUTO_SERVER=TRUE} lets several Kontor processes in a small office share one file.
 * {@code COMPRESS=TRUE} compresses pages before they are encrypted: the audit trail's hex
 * digests halve, so a bulk import encrypts and writes about a third of the bytes (measured:
 * 8 000 people 21 s to 9 s, file 79 MB to 52 MB); files written without it stay readable.
 */
public final class Database implements AutoCloseable {
    private static final String SQL_USER = "KONTOR";
    private static final int LOCKED = 90020;
    private static final int WRONG_PASSWORD = 28000;
    private static final int FILE_CORRUPTED = 90030;
    private static final int DATABASE_CLOSED = 90121;
    private static final int FILE_ENCRYPTION_ERROR = 90049;

    private final DataFolder folder;
    private final String url;
    private final String password;
    private volatile JdbcConnectionPool pool;
    private volatile DSLContext dsl;
    private volatile Compaction lastCompaction;

    private Database(DataFolder folder, String url, String password, JdbcConnectionPool pool) {
        this.folder = folder;
        this.url = url;
        this.password = password;
        this.pool = pool;
        this.dsl = context(pool);
    }

    private static DSLContext context(JdbcConnectionPool pool) {
        return DSL.using(pool, SQLDialect.H2, new Settings().withExecuteLogging(false));
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
        String url = "jdbc:h2:file:" + folder.databaseBase()
                + (encrypted ? ";CIPHER=AES;COMPRESS=TRUE" : "") + ";TRACE_LEVEL_FILE=0;AUTO_SERVER=TRUE"
                + (create ? "" : ";IFEXISTS=TRUE");
        String password = (encrypted ? key.derive("h2-file") + " " : "") + key.derive("h2-user");
        JdbcConnectionPool pool = pool(url, password);
        try (Connection c = pool.getConnection()) {
            c.isValid(1);
        } catch (SQLException e) {
            pool.dispose();
            throw translate(e, folder);
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
            throw new KontorException(e, "error.migration", e.getMessage());
        }
        return new Database(folder, url, password, pool);
    }

    private static KontorException translate(SQLException e, DataFolder folder) {
        return switch (e.getErrorCode()) {
            case LOCKED -> new KontorException(e, "error.databaseLocked", folder.databaseFile().toString());
            case WRONG_PASSWORD -> new KontorException(e, "error.databaseKey", folder.databaseFile().toString());
            case FILE_CORRUPTED, FILE_ENCRYPTION_ERROR -> new KontorException(e, "error.databaseDamaged", folder.databaseFile().toString());
            default -> new KontorException(e, "error.databaseOpen", folder.databaseFile().toString(), e.getMessage());
        };
    }

    public DataFolder folder() {
        return folder;
    }

    /** Runs {@code work} in one transaction: all of it commits, or none of it. */
    public <T> T inTransaction(Function<Tx, T> work) {
        try {
            return dsl.transactionResult(cfg -> work.apply(new Tx(cfg.dsl())));
        } catch (DataAccessException e) {
            throw new KontorException(e, "error.database", e.getMessage());
        }
    }

    /** Reads without an explicit transaction (each statement sees committed data). */
    public <T> T read(Function<Tx, T> work) {
        try {
            return work.apply(new Tx(dsl));
        } catch (DataAccessException e) {
            throw new KontorException(e, "error.database", e.getMessage());
        }
    }

    /**
     * Makes sure deleted values are gone from the file's bytes (H2 keeps deleted rows in dead
     * pages and free space until then). First the incremental way, while the database stays open
     * ({@link ChunkScrub}: only chunks holding dead pages are rewritten, free space is zeroed); if
     * that cannot run here (this process is an {@code AUTO_SERVER} client, or H2 changed) or a step
     * cannot be verified, {@code SHUTDOWN COMPACT} rewrites the whole file and the pool reconnects
     * (other Kontor processes sharing the file reconnect by themselves). The system property
     * {@code kontor.compaction=full} forces the second way. Callers must not hold a transaction.
     */
    public synchronized Compaction compact() {
        lastCompaction = compactNow();
        return lastCompaction;
    }

    /** The most recent {@link #compact()} of this instance, or null. */
    public Compaction lastCompaction() {
        return lastCompaction;
    }

    private Compaction compactNow() {
        long t = System.nanoTime();
        String why = "forced by kontor.compaction=full";
        boolean failed = false;
        if (!"full".equals(System.getProperty("kontor.compaction"))) {
            why = "the database runs in another process";
            try (Connection c = keeper()) {
                ChunkScrub scrub = ChunkScrub.of(c);
                renewPool(); // closes this process's sessions, so their temporary LOBs are dropped
                if (scrub != null) {
                    ChunkScrub.Result r = scrub.run();
                    return new Compaction(true, r.rewrittenChunks(), r.zeroedBytes(), r.fileBytes(),
                            (System.nanoTime() - t) / 1_000_000, null);
                }
            } catch (SQLException | RuntimeException e) {
                // the full rewrite below also removes whatever the scrub left undone
                why = e.toString();
                failed = true;
            }
        }
        if (failed) {
            reconnect(); // a fresh store, in case H2 closed the old one when the scrub failed
        }
        compactFully();
        return new Compaction(false, 0, 0, sizeOrZero(), (System.nanoTime() - t) / 1_000_000, why);
    }

    /**
     * What a compaction did: {@code incremental} false means {@code SHUTDOWN COMPACT}; the chunks
     * H2 rewrote, the free bytes overwritten with zeros, the file size afterwards, the time taken,
     * and why the whole file was rewritten instead (null if it was not).
     */
    public record Compaction(boolean incremental, int rewrittenChunks, long zeroedBytes, long fileBytes, long millis,
            String fallback) {}

    private long sizeOrZero() {
        try {
            return Files.size(folder.databaseFile());
        } catch (java.io.IOException e) {
            return 0;
        }
    }

    /** SHUTDOWN COMPACT (the whole file is rewritten) and a new pool. */
    private void compactFully() {
        shutdownCompact();
        reconnect();
    }

    /** A connection outside the pool: it keeps the database open while the pool is renewed. */
    private Connection keeper() throws SQLException {
        org.h2.jdbcx.JdbcDataSource ds = new org.h2.jdbcx.JdbcDataSource();
        ds.setURL(url);
        ds.setUser(SQL_USER);
        ds.setPassword(password);
        return ds.getConnection();
    }

    /** A new pool; the old one's connections close now, or when they are given back. */
    private void renewPool() {
        JdbcConnectionPool old = pool;
        JdbcConnectionPool next = pool(url, password);
        pool = next;
        dsl = context(next);
        old.dispose();
    }

    private void reconnect() {
        pool.dispose();
        JdbcConnectionPool next = pool(url, password);
        try (Connection c = next.getConnection()) {
            c.isValid(1);
        } catch (SQLException e) {
            next.dispose();
            throw translate(e, folder);
        }
        pool = next;
        dsl = context(next);
    }

    /**
     * Writes a consistent copy of the (encrypted) database file while it stays in use: H2's
     * online backup, a zip holding {@code kontor.mv.db}.
     */
    public void backupTo(java.nio.file.Path zip) {
        try (Connection c = pool.getConnection(); java.sql.PreparedStatement st = c.prepareStatement("BACKUP TO ?")) {
            st.setString(1, zip.toString());
            st.execute();
        } catch (SQLException e) {
            throw new KontorException(e, "backup.failed", zip.toString(), e.getMessage());
        }
    }

    /** Closes the database and compacts the file on the way. */
    public void closeCompacted() {
        shutdownCompact();
    }

    /** SHUTDOWN COMPACT over plain JDBC: the connection is dead afterwards by design. */
    private void shutdownCompact() {
        try (Connection c = pool.getConnection(); java.sql.Statement st = c.createStatement()) {
            st.execute("SHUTDOWN COMPACT");
        } catch (SQLException e) {
            if (e.getErrorCode() != DATABASE_CLOSED) {
                pool.dispose();
                throw new KontorException(e, "error.compact", e.getMessage());
            }
        } finally {
            pool.dispose();
        }
    }

    @Override
    public void close() {
        pool.dispose();
    }
}
