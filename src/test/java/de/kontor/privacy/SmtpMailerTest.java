package de.kontor.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import de.kontor.domain.KontorException;
import de.kontor.i18n.Messages;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.util.Locale;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * SMTP never in clear: GreenMail (plain SMTP that offers AUTH but no STARTTLS) behind a small
 * front on this computer that records what the client sends, in clear or as the TLS end of
 * "implicit TLS" with a test certificate for {@code localhost} (src/test/resources/tls).
 */
class SmtpMailerTest {
    static final String FROM = "info@kontor.example";

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("info", "geheim-Passwort-42"));

    private Front front;

    @AfterEach
    void closeFront() throws IOException {
        if (front != null) {
            front.close();
        }
    }

    @Test
    void aServerWithoutStartTlsIsRefusedAndNoCredentialsAreSent() throws Exception {
        front = new Front(null);
        SmtpSettings server = new SmtpSettings("localhost", front.port(), FROM, "info", "geheim-Passwort-42",
                SmtpSecurity.STARTTLS);
        assertThatThrownBy(() -> new SmtpMailer(trustingTestCertificate()).send(server, "eva@example.de", "Betreff", "Text"))
                .isInstanceOfSatisfying(KontorException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("smtp.noStartTls");
                    assertThat(new Messages(Locale.GERMAN).get(e.messageKey(), e.args().toArray())).startsWith(
                            "Der Mailserver localhost:" + front.port() + " bietet keine verschlüsselte Verbindung (STARTTLS)");
                });
        String sent = front.received();
        assertThat(sent).contains("EHLO");
        assertThat(sent).doesNotContain("AUTH").doesNotContain("MAIL FROM");
        assertThat(sent.toLowerCase(Locale.ROOT)).doesNotContain("geheim");
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }

    @Test
    void aLocalRelayWithoutPasswordWorksInClear() throws Exception {
        SmtpSettings relay = new SmtpSettings("127.0.0.1", greenMail.getSmtp().getPort(), FROM, null, null,
                SmtpSecurity.NONE_LOCAL_RELAY);
        new SmtpMailer().send(relay, "eva@example.de", "Betreff", "Text");
        assertThat(greenMail.getReceivedMessages()).hasSize(1);
    }

    @Test
    void noEncryptionIsRefusedForAnotherComputerOrWithCredentials() {
        SmtpMailer mailer = new SmtpMailer();
        assertThatThrownBy(() -> mailer.send(new SmtpSettings("smtp.example.de", 25, FROM, null, null,
                SmtpSecurity.NONE_LOCAL_RELAY), "eva@example.de", "B", "T"))
                .isInstanceOfSatisfying(KontorException.class, e -> assertThat(e.messageKey()).isEqualTo("smtp.relayNotLocal"));
        assertThatThrownBy(() -> mailer.send(new SmtpSettings("127.0.0.1", greenMail.getSmtp().getPort(), FROM, "info",
                "geheim", SmtpSecurity.NONE_LOCAL_RELAY), "eva@example.de", "B", "T"))
                .isInstanceOfSatisfying(KontorException.class, e -> assertThat(e.messageKey()).isEqualTo("smtp.relayCredentials"));
        assertThat(greenMail.getReceivedMessages()).isEmpty();
        assertThat(SmtpSettings.isLoopback("localhost")).isTrue();
        assertThat(SmtpSettings.isLoopback("127.0.0.2")).isTrue();
        assertThat(SmtpSettings.isLoopback("::1")).isTrue();
        assertThat(SmtpSettings.isLoopback("[::1]")).isTrue();
        assertThat(SmtpSettings.isLoopback("192.168.1.10")).isFalse();
        assertThat(SmtpSettings.isLoopback("localhost.example.de")).isFalse();
    }

    @Test
    void implicitTlsWithATrustedCertificateWorksWithLogin() throws Exception {
        front = new Front(serverContext());
        SmtpSettings server = new SmtpSettings("localhost", front.port(), FROM, "info", "geheim-Passwort-42",
                SmtpSecurity.TLS);
        new SmtpMailer(trustingTestCertificate()).send(server, "eva@example.de", "Betreff", "Text");
        assertThat(greenMail.getReceivedMessages()).hasSize(1);
        assertThat(front.received()).contains("AUTH");
    }

    @Test
    void aCertificateForAnotherHostNameIsRefused() throws Exception {
        front = new Front(serverContext());
        // The test certificate names "localhost" only, not "127.0.0.1".
        SmtpSettings server = new SmtpSettings("127.0.0.1", front.port(), FROM, "info", "geheim-Passwort-42",
                SmtpSecurity.TLS);
        assertThatThrownBy(() -> new SmtpMailer(trustingTestCertificate()).send(server, "eva@example.de", "B", "T"))
                .isInstanceOfSatisfying(KontorException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("smtp.certificate");
                    assertThat(new Messages(Locale.ENGLISH).get(e.messageKey(), e.args().toArray())).isEqualTo("The mail server 127.0.0.1:"
                            + front.port() + " could not prove its identity: its certificate is not trusted or not issued "
                            + "for this host name. Nothing was sent. Check the host name as your provider gives it.");
                });
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }

    @Test
    void anUntrustedCertificateIsRefusedWithTheJdkTrustStore() throws Exception {
        front = new Front(serverContext());
        SmtpSettings server = new SmtpSettings("localhost", front.port(), FROM, "info", "geheim-Passwort-42",
                SmtpSecurity.TLS);
        assertThatThrownBy(() -> new SmtpMailer().send(server, "eva@example.de", "B", "T"))
                .isInstanceOfSatisfying(KontorException.class, e -> assertThat(e.messageKey()).isEqualTo("smtp.certificate"));
        assertThat(front.received()).doesNotContain("AUTH");
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }

    @Test
    void settingsSavedBeforeTheSecurityChoiceNeverFallBackToClear() {
        var old = new java.util.HashMap<String, String>();
        old.put("smtp.host", "smtp.example.de");
        old.put("smtp.from", FROM);
        old.put("smtp.username", "info");
        old.put("smtp.password", "geheim");
        old.put("smtp.starttls", "false");
        assertThat(SmtpSettings.from(old).orElseThrow().security()).isEqualTo(SmtpSecurity.STARTTLS);
        old.put("smtp.host", "127.0.0.1");
        old.remove("smtp.username");
        old.remove("smtp.password");
        assertThat(SmtpSettings.from(old).orElseThrow().security()).isEqualTo(SmtpSecurity.NONE_LOCAL_RELAY);
        old.put("smtp.security", "tls");
        assertThat(SmtpSettings.from(old).orElseThrow().security()).isEqualTo(SmtpSecurity.TLS);
        assertThat(SmtpSettings.from(old).orElseThrow().toString()).doesNotContain("geheim");
    }

    @Test
    void thePropertiesRequireEncryptionAndCheckTheHostName() {
        SmtpMailer mailer = new SmtpMailer();
        var starttls = mailer.properties(new SmtpSettings("smtp.example.de", 587, FROM, "u", "p", SmtpSecurity.STARTTLS));
        assertThat(starttls).containsEntry("mail.smtp.starttls.required", "true")
                .containsEntry("mail.smtp.ssl.checkserveridentity", "true").doesNotContainKey("mail.smtp.ssl.trust")
                .doesNotContainKey("mail.smtp.ssl.socketFactory");
        var tls = mailer.properties(new SmtpSettings("smtp.example.de", 465, FROM, "u", "p", SmtpSecurity.TLS));
        assertThat(tls).containsEntry("mail.smtp.ssl.enable", "true").containsEntry("mail.smtp.ssl.checkserveridentity", "true");
    }

    private static KeyStore testKeyStore() throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = SmtpMailerTest.class.getResourceAsStream("/tls/smtp-localhost.p12")) {
            ks.load(in, "changeit".toCharArray());
        }
        return ks;
    }

    private static SSLContext serverContext() throws Exception {
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(testKeyStore(), "changeit".toCharArray());
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), null, null);
        return ctx;
    }

    /** A client that trusts the test certificate (and nothing else), as a user's trust store would. */
    static SSLSocketFactory trustingTestCertificate() throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("smtp", testKeyStore().getCertificate("smtp"));
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        return ctx.getSocketFactory();
    }

    /**
     * Listens on this computer (in clear, or as the TLS end with the test certificate), passes
     * every connection on to GreenMail and records what the client sent.
     */
    static final class Front implements AutoCloseable {
        private final ServerSocket server;
        private final ByteArrayOutputStream fromClient = new ByteArrayOutputStream();
        private final Thread acceptor;

        Front(SSLContext tls) throws IOException {
            InetAddress local = InetAddress.getByName("localhost");
            server = tls == null ? new ServerSocket(0, 5, local) : tls.getServerSocketFactory().createServerSocket(0, 5, local);
            acceptor = new Thread(this::accept, "smtp-front");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return server.getLocalPort();
        }

        String received() {
            synchronized (fromClient) {
                return fromClient.toString(StandardCharsets.ISO_8859_1);
            }
        }

        private void accept() {
            while (!server.isClosed()) {
                try {
                    Socket client = server.accept();
                    Socket mail = new Socket(InetAddress.getLoopbackAddress(), greenMail.getSmtp().getPort());
                    pump(client.getInputStream(), mail.getOutputStream(), true, client, mail);
                    pump(mail.getInputStream(), client.getOutputStream(), false, client, mail);
                } catch (IOException e) {
                    return; // closed at the end of the test
                }
            }
        }

        private void pump(InputStream in, OutputStream out, boolean record, Socket a, Socket b) {
            Thread t = new Thread(() -> {
                byte[] buf = new byte[4096];
                try {
                    int n;
                    while ((n = in.read(buf)) > 0) {
                        if (record) {
                            synchronized (fromClient) {
                                fromClient.write(buf, 0, n);
                            }
                        }
                        out.write(buf, 0, n);
                        out.flush();
                    }
                } catch (IOException e) {
                    // one side closed (or a refused TLS handshake): close both
                } finally {
                    closeQuietly(a);
                    closeQuietly(b);
                }
            }, "smtp-front-pump");
            t.setDaemon(true);
            t.start();
        }

        private static void closeQuietly(Socket s) {
            try {
                s.close();
            } catch (IOException e) {
                assertThat(s.isClosed()).as("socket closed after %s", e.getMessage()).isTrue();
            }
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }
}
