package de.kontor.privacy;

import de.kontor.domain.KontorException;
import de.kontor.domain.Person;
import de.kontor.domain.privacy.ConsentText;
import de.kontor.domain.privacy.Purpose;
import de.kontor.domain.Principal;
import de.kontor.domain.audit.AuditAction;
import de.kontor.domain.audit.AuditChange;
import de.kontor.service.Permissions;
import de.kontor.store.AuditStore;
import de.kontor.store.Database;
import de.kontor.store.SettingsStore;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;

/**
 * The double opt-in confirmation e-mail: written in the person's language with the exact
 * consent text and the token, sent through the configured SMTP server if there is one.
 */
public final class ConfirmationMail {
    private final Database db;
    private final SettingsStore settings;
    private final Mailer mailer;

    private final AuditStore audit;
    private final Permissions permissions;
    private final java.time.Clock clock;

    public ConfirmationMail(Database db, SettingsStore settings, Mailer mailer, AuditStore audit, Permissions permissions,
            java.time.Clock clock) {
        this.db = db;
        this.settings = settings;
        this.mailer = mailer;
        this.audit = audit;
        this.permissions = permissions;
        this.clock = clock;
    }

    public record Prepared(String to, String subject, String body) {}

    Prepared prepare(Person person, Purpose purpose, ConsentText text, String token) {
        Locale locale = "en".equals(person.data().language()) ? Locale.ENGLISH : Locale.GERMAN;
        ResourceBundle b = ResourceBundle.getBundle("de.kontor.i18n.messages", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        String name = person.data().displayName();
        String subject = java.text.MessageFormat.format(b.getString("mail.doi.subject"), purpose.name(locale));
        String body = java.text.MessageFormat.format(b.getString("mail.doi.body"), name, purpose.name(locale),
                text.body(), text.version(), token);
        return new Prepared(person.data().emails().get(0).address(), subject, body);
    }

    /** Sends when SMTP is configured; returns whether it was sent. A send failure is reported. */
    boolean sendIfConfigured(Prepared m) {
        Optional<SmtpSettings> smtp = smtp();
        if (smtp.isEmpty()) {
            return false;
        }
        mailer.send(smtp.get(), m.to(), m.subject(), m.body());
        return true;
    }

    public Optional<SmtpSettings> smtp() {
        return SmtpSettings.from(db.read(tx -> settings.withPrefix(tx, SmtpSettings.PREFIX)));
    }

    /** Stores (or with {@code server} null, removes) the SMTP server. */
    public void configure(Principal by, SmtpSettings server) {
        permissions.requireAdminister(by);
        if (server != null && (server.host() == null || server.host().isBlank() || server.from() == null
                || server.from().isBlank())) {
            throw new KontorException("smtp.incomplete");
        }
        if (server != null) {
            server.requireSafe();
        }
        Map<String, String> values = server == null ? Map.of() : server.toMap();
        java.time.Instant now = clock.instant();
        db.inTransaction(tx -> {
            audit.append(tx, by, now, java.util.List.of(new AuditChange(AuditAction.UPDATE, "setting", 0, null, "smtp",
                    null, server == null ? null : server.host() + ":" + server.port() + " " + server.security().key()
                    + " from " + server.from())));
            for (String k : new String[] {"host", "port", "from", "username", "password", "security", "starttls"}) {
                settings.put(tx, SmtpSettings.PREFIX + k, values.get(SmtpSettings.PREFIX + k));
            }
            return null;
        });
    }
}
