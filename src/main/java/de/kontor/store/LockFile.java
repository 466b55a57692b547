package de.kontor.store;

import de.kontor.domain.KontorException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * H2's lock file {@code kontor.lock.db}: a properties file in which the process that runs the
 * database names its server ({@code server=host:port}). H2 connects to that server before it
 * opens the file itself, and every further process uses it. Kontor shares a database only
 * between programs on this computer until office sharing is designed (next issue): a server
 * anywhere but on the loopback address is refused here, before H2 reads the file, so no
 * connection to another computer is ever made. No host name is resolved.
 */
final class LockFile {
    private static final Logger LOG = LoggerFactory.getLogger(LockFile.class);
    private static final Pattern IPV4_LOOPBACK = Pattern.compile("127(\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)){3}");
    private static final Pattern PORT = Pattern.compile("\\d{1,5}");

    private LockFile() {
    }

    static Path path(DataFolder folder) {
        return folder.dir().resolve(DataFolder.DB_NAME + ".lock.db");
    }

    /**
     * Refuses when the lock file names a server that is not on this computer's loopback
     * address. Called before every step at which H2 may follow the lock file.
     */
    static void checkServer(DataFolder folder) {
        Path lock = path(folder);
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(lock)) {
            p.load(in);
        } catch (NoSuchFileException e) {
            return;
        } catch (IOException | IllegalArgumentException e) {
            throw new KontorException(e, "error.io", lock.toString(), e.getMessage());
        }
        String server = p.getProperty("server");
        if (server != null && !isLoopback(server.strip())) {
            LOG.warn("Refused to follow the lock file to a server that is not on this computer");
            throw new KontorException("error.lockElsewhere", folder.databaseFile().toString(), server.strip(),
                    lock.toString());
        }
    }

    /**
     * Refuses to open when H2's server would listen beyond loopback: H2 read
     * {@code h2.bindAddress} before {@link Database} could set it, or it was set to another
     * address on the command line.
     */
    static void checkBindAddress(DataFolder folder) {
        String bind = org.h2.engine.SysProperties.BIND_ADDRESS;
        if (bind == null || !isLoopbackHost(bind.strip())) {
            LOG.error("H2's bind address is not the loopback address; the database is not opened");
            throw new KontorException("error.bindAddress", folder.databaseFile().toString(), String.valueOf(bind));
        }
    }

    /** {@code host:port} with a loopback host: localhost, 127.x.x.x or ::1, and a port number. */
    static boolean isLoopback(String server) {
        int colon = server.lastIndexOf(':');
        if (colon <= 0) {
            return false;
        }
        String port = server.substring(colon + 1);
        if (!PORT.matcher(port).matches() || Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65_535) {
            return false;
        }
        return isLoopbackHost(server.substring(0, colon));
    }

    private static boolean isLoopbackHost(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        return h.equals("localhost") || IPV4_LOOPBACK.matcher(h).matches() || h.equals("::1")
                || h.equals("0:0:0:0:0:0:0:1");
    }
}
