package de.kontor.privacy;

import de.kontor.domain.KontorException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The SMTP server for double opt-in e-mails; absent until the owner configures it. It is kept
 * in the settings table of the encrypted database, the password too (nowhere else: not in the
 * audit trail, not in logs, not in exports).
 */
public record SmtpSettings(String host, int port, String from, String username, String password,
        SmtpSecurity security) {
    static final String PREFIX = "smtp.";
    /** Before {@code smtp.security}: true or false for "use STARTTLS if offered". */
    private static final String LEGACY_STARTTLS = PREFIX + "starttls";

    private static final Pattern IPV4 = Pattern.compile("^\\d{1,3}(\\.\\d{1,3}){3}$");

    public SmtpSettings {
        security = security == null ? SmtpSecurity.STARTTLS : security;
    }

    static Optional<SmtpSettings> from(Map<String, String> s) {
        String host = s.get(PREFIX + "host");
        String from = s.get(PREFIX + "from");
        if (host == null || host.isBlank() || from == null || from.isBlank()) {
            return Optional.empty();
        }
        int port;
        try {
            port = Integer.parseInt(s.getOrDefault(PREFIX + "port", "587"));
        } catch (NumberFormatException e) {
            port = 587;
        }
        SmtpSecurity security = SmtpSecurity.fromKey(s.get(PREFIX + "security"))
                .orElseGet(() -> legacy(s.get(LEGACY_STARTTLS), host, s.get(PREFIX + "password"), s.get(PREFIX + "username")));
        return Optional.of(new SmtpSettings(host, port, from, s.get(PREFIX + "username"), s.get(PREFIX + "password"),
                security));
    }

    /**
     * Settings saved before the security choice had "starttls" true or false. True, or false
     * towards another computer, becomes STARTTLS (required now: sending fails with a clear
     * message if the server offers no encryption, instead of sending the password in clear);
     * false towards a relay on this computer without credentials stays unencrypted.
     */
    private static SmtpSecurity legacy(String startTls, String host, String password, String username) {
        boolean plain = "false".equalsIgnoreCase(startTls);
        boolean credentials = (password != null && !password.isEmpty()) || (username != null && !username.isBlank());
        return plain && isLoopback(host) && !credentials ? SmtpSecurity.NONE_LOCAL_RELAY : SmtpSecurity.STARTTLS;
    }

    /**
     * Refuses what would send anything in clear to another computer: no encryption is allowed
     * only towards this computer, and then without user name and password.
     */
    public void requireSafe() {
        if (security == SmtpSecurity.NONE_LOCAL_RELAY) {
            if (!isLoopback(host)) {
                throw new KontorException("smtp.relayNotLocal", host);
            }
            if (hasCredentials()) {
                throw new KontorException("smtp.relayCredentials");
            }
        }
    }

    /** Whether user name or password are set. */
    public boolean hasCredentials() {
        return (username != null && !username.isBlank()) || (password != null && !password.isEmpty());
    }

    /**
     * Whether the host is this computer: "localhost", an IPv4 address in 127.0.0.0/8 or the IPv6
     * loopback address. Written-out addresses only: no name is looked up (a name that resolves
     * to 127.0.0.1 today may not tomorrow).
     */
    public static boolean isLoopback(String host) {
        if (host == null) {
            return false;
        }
        String h = host.strip().toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        if (h.equals("localhost")) {
            return true;
        }
        if (!IPV4.matcher(h).matches() && !(h.contains(":") && h.matches("^[0-9a-f:.]+$"))) {
            return false;
        }
        try {
            return InetAddress.getByName(h).isLoopbackAddress(); // a literal address: no lookup
        } catch (UnknownHostException e) {
            return false;
        }
    }

    Map<String, String> toMap() {
        java.util.HashMap<String, String> m = new java.util.HashMap<>();
        m.put(PREFIX + "host", host);
        m.put(PREFIX + "port", Integer.toString(port));
        m.put(PREFIX + "from", from);
        m.put(PREFIX + "username", username);
        m.put(PREFIX + "password", password);
        m.put(PREFIX + "security", security.key());
        m.put(LEGACY_STARTTLS, null);
        return m;
    }

    /** Never shows the password (records print all components by default). */
    @Override
    public String toString() {
        return "SmtpSettings[" + host + ":" + port + ", " + security.key() + ", user " + (username != null) + ", password "
                + (password != null) + "]";
    }
}
