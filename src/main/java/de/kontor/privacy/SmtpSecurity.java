package de.kontor.privacy;

import java.util.Arrays;
import java.util.Optional;

/**
 * How Kontor talks to the SMTP server. User name and password never travel in clear: the
 * connection is encrypted before any AUTH (STARTTLS required, or TLS from the first byte), and
 * the server's certificate must be trusted and issued for the host name. Only a relay on this
 * computer may be used without encryption, and then without user name and password.
 */
public enum SmtpSecurity {
    /** Plain connection (usually port 587 or 25) that must switch to TLS with STARTTLS before anything else. */
    STARTTLS("starttls", 587),
    /** TLS from the first byte ("implicit TLS", SMTPS, usually port 465). */
    TLS("tls", 465),
    /** No encryption: only to a relay on this computer (localhost, 127.0.0.0/8, ::1), never with credentials. */
    NONE_LOCAL_RELAY("none-local-relay", 25);

    private final String key;
    private final int defaultPort;

    SmtpSecurity(String key, int defaultPort) {
        this.key = key;
        this.defaultPort = defaultPort;
    }

    public String key() {
        return key;
    }

    /** The port this kind of connection usually uses. */
    public int defaultPort() {
        return defaultPort;
    }

    public static Optional<SmtpSecurity> fromKey(String key) {
        return Arrays.stream(values()).filter(s -> s.key.equalsIgnoreCase(key == null ? "" : key.strip())).findFirst();
    }

    /** The keys, for messages. */
    public static String keys() {
        return String.join(", ", Arrays.stream(values()).map(SmtpSecurity::key).toList());
    }
}
