package de.kontor.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import de.kontor.app.Workspace;
import de.kontor.domain.KontorException;
import de.kontor.testing.TestWorkspaces;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing listens beyond loopback, and a lock file naming a server on another computer is
 * refused before any connection (issue 12, "Stop the exposure now"). No traffic leaves this
 * computer: the only addresses connected to are loopback and this machine's own.
 */
class NetworkExposureTest {
    private static final String IPV6_LOOPBACK = "00000000000000000000000001000000";
    /** ::ffff:127.0.0.1, as the JDK's dual-stack socket shows 127.0.0.1 in /proc/net/tcp6. */
    private static final String MAPPED_LOOPBACK = "0000000000000000FFFF00000100007F";

    @TempDir
    Path dir;

    @Test
    void theAutoServerListensOnLoopbackOnly() throws Exception {
        try (Workspace w = TestWorkspaces.create(dir)) {
            Properties lock = lockProperties();
            String server = lock.getProperty("server");
            assertThat(server).as("H2 names its auto-server in the lock file").isNotNull();
            assertThat(LockFile.isLoopback(server)).as(server).isTrue();
            int port = Integer.parseInt(server.substring(server.lastIndexOf(':') + 1));

            List<String> listening = listeningAddresses(port);
            if (listening == null) {
                System.err.println("NetworkExposureTest: no /proc/net/tcp here; the socket table is not checked");
            } else {
                assertThat(listening).as("local addresses listening on port " + port).isNotEmpty()
                        .allMatch(a -> a.equals("0100007F") || a.equals(IPV6_LOOPBACK) || a.equals(MAPPED_LOOPBACK));
            }

            // connecting to a loopback address works; to this machine's own network address it does not
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 5_000);
            }
            Optional<InetAddress> own = ownNonLoopbackAddress();
            if (own.isEmpty()) {
                System.err.println("NetworkExposureTest: this machine has no non-loopback address; connect check skipped");
            } else {
                try (Socket s = new Socket()) {
                    assertThatThrownBy(() -> s.connect(new InetSocketAddress(own.get(), port), 5_000))
                            .as("the server must not be reachable on " + own.get())
                            .isInstanceOf(IOException.class);
                }
            }
        }
    }

    @Test
    void aLockFileNamingAnotherComputerIsRefusedBeforeAnyConnection() throws Exception {
        TestWorkspaces.create(dir).close();
        Optional<InetAddress> own = ownNonLoopbackAddress();
        Assumptions.assumeTrue(own.isPresent(), "this machine has no non-loopback address to stand in for another computer");
        try (ServerSocket fake = new ServerSocket(0, 50, own.get())) {
            String host = own.get().getHostAddress();
            plantLock(host + ":" + fake.getLocalPort());

            assertTimeoutPreemptively(Duration.ofSeconds(120), () -> assertThatThrownBy(() -> TestWorkspaces.open(dir))
                    .isInstanceOfSatisfying(KontorException.class,
                            e -> assertThat(e.messageKey()).isEqualTo("error.lockElsewhere")));

            fake.setSoTimeout(500);
            assertThatThrownBy(fake::accept).as("nobody connected to the fake server")
                    .isInstanceOf(SocketTimeoutException.class);
        }
    }

    @Test
    void aLockFileNamingADocumentationAddressIsRefused() throws Exception {
        TestWorkspaces.create(dir).close();
        plantLock("192.0.2.1:9092");
        assertTimeoutPreemptively(Duration.ofSeconds(120), () -> assertThatThrownBy(() -> TestWorkspaces.open(dir))
                .isInstanceOfSatisfying(KontorException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("error.lockElsewhere");
                    assertThat(e.args()).contains("192.0.2.1:9092");
                }));
        // the message is in both languages
        for (Locale l : List.of(Locale.GERMAN, Locale.ENGLISH)) {
            assertThat(java.util.ResourceBundle.getBundle("de.kontor.i18n.messages", l).getString("error.lockElsewhere"))
                    .contains("{2}");
        }
    }

    @Test
    void onlyLoopbackServersCountAsThisComputer() {
        assertThat(LockFile.isLoopback("localhost:9092")).isTrue();
        assertThat(LockFile.isLoopback("127.0.0.1:43299")).isTrue();
        assertThat(LockFile.isLoopback("127.1.2.3:1")).isTrue();
        assertThat(LockFile.isLoopback("[::1]:9092")).isTrue();
        assertThat(LockFile.isLoopback("192.168.1.5:9092")).isFalse();
        assertThat(LockFile.isLoopback("127.0.0.1.evil.example:9092")).isFalse();
        assertThat(LockFile.isLoopback("localhost.example:9092")).isFalse();
        assertThat(LockFile.isLoopback("[::]:9092")).isFalse();
        assertThat(LockFile.isLoopback("0.0.0.0:9092")).isFalse();
        assertThat(LockFile.isLoopback("localhost:0")).isFalse();
        assertThat(LockFile.isLoopback("localhost:70000")).isFalse();
        assertThat(LockFile.isLoopback("localhost")).isFalse();
    }

    private void plantLock(String server) throws IOException {
        Properties p = new Properties();
        p.setProperty("id", "18c2b0f3b2f4d2a1e8c1");
        p.setProperty("method", "file");
        p.setProperty("server", server);
        p.setProperty("hostName", "elsewhere");
        try (OutputStream out = Files.newOutputStream(dir.resolve("kontor.lock.db"))) {
            p.store(out, "planted by NetworkExposureTest");
        }
    }

    private Properties lockProperties() throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(dir.resolve("kontor.lock.db"))) {
            p.load(in);
        }
        return p;
    }

    /** Local addresses (hex as in /proc/net/tcp*) of sockets listening on {@code port}; null without /proc. */
    private static List<String> listeningAddresses(int port) throws IOException {
        Path tcp = Path.of("/proc/net/tcp");
        if (!Files.isReadable(tcp)) {
            return null;
        }
        List<String> found = new ArrayList<>();
        for (Path table : List.of(tcp, Path.of("/proc/net/tcp6"))) {
            if (!Files.isReadable(table)) {
                continue;
            }
            for (String line : Files.readAllLines(table).subList(1, Files.readAllLines(table).size())) {
                String[] f = line.trim().split("\\s+");
                String[] local = f[1].split(":");
                if (f[3].equals("0A") && Integer.parseInt(local[1], 16) == port) {
                    found.add(local[0]);
                }
            }
        }
        return found;
    }

    private static Optional<InetAddress> ownNonLoopbackAddress() throws IOException {
        for (NetworkInterface nif : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!nif.isUp() || nif.isLoopback()) {
                continue;
            }
            for (InetAddress a : Collections.list(nif.getInetAddresses())) {
                if (a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress()) {
                    return Optional.of(a);
                }
            }
        }
        return Optional.empty();
    }
}
