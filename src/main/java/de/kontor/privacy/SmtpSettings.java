package de.kontor.privacy;

import java.util.Map;
import java.util.Optional;

/** The SMTP server for double opt-in e-mails; absent until the owner configures it. */
public record SmtpSettings(String host, int port, String from, String username, String password, boolean startTls) {
    static final String PREFIX = "smtp.";

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
        return Optional.of(new SmtpSettings(host, port, from, s.get(PREFIX + "username"), s.get(PREFIX + "password"),
                Boolean.parseBoolean(s.getOrDefault(PREFIX + "starttls", "true"))));
    }

    Map<String, String> toMap() {
        java.util.HashMap<String, String> m = new java.util.HashMap<>();
        m.put(PREFIX + "host", host);
        m.put(PREFIX + "port", Integer.toString(port));
        m.put(PREFIX + "from", from);
        m.put(PREFIX + "username", username);
        m.put(PREFIX + "password", password);
        m.put(PREFIX + "starttls", Boolean.toString(startTls));
        return m;
    }
}
