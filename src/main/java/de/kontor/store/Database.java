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
     * Rewrites the database file so that deleted values are gone from its bytes (H2 keeps
     * deleted rows in free pages until then), and opens it again. Callers must not hold a
     * transaction; other Kontor processes sharing the file reconnect by themselves.
     */
    public synchronized void compact() {
        shutdownCompact();
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
