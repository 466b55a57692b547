package de.kontor.privacy;

import de.kontor.domain.KontorException;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.util.Date;
import java.util.Properties;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocketFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends e-mail over SMTP with Jakarta Mail (Angus). Never in clear to another computer: with
 * {@link SmtpSecurity#STARTTLS} the server must offer STARTTLS before any AUTH (else nothing is
 * sent), with {@link SmtpSecurity#TLS} the connection is TLS from the start; in both the
 * certificate must be trusted (the JDK's trust store unless a socket factory is given) and
 * issued for the host name. {@link SmtpSecurity#NONE_LOCAL_RELAY} goes to this computer only and
 * never authenticates.
 */
public final class SmtpMailer implements Mailer {
    private static final Logger LOG = LoggerFactory.getLogger(SmtpMailer.class);
    /** Angus's message when STARTTLS is required but the server's EHLO does not offer it. */
    private static final String NO_STARTTLS = "STARTTLS is required";

    private final SSLSocketFactory tls;

    /** With the JDK's trust store (the product's default). */
    public SmtpMailer() {
        this(null);
    }

    /** With the given TLS socket factory (its trust store decides which certificates are trusted); null: the JDK's. */
    public SmtpMailer(SSLSocketFactory tls) {
        this.tls = tls;
    }

    @Override
    public void send(SmtpSettings server, String to, String subject, String body) {
        server.requireSafe();
        Properties props = properties(server);
        boolean auth = server.security() != SmtpSecurity.NONE_LOCAL_RELAY && server.hasCredentials();
        props.put("mail.smtp.auth", Boolean.toString(auth));
        Session session = auth ? Session.getInstance(props, new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return new PasswordAuthentication(server.username() == null ? "" : server.username(),
                        server.password() == null ? "" : server.password());
            }
        }) : Session.getInstance(props);
        try {
            MimeMessage m = new MimeMessage(session);
            m.setFrom(new InternetAddress(server.from()));
            m.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
            m.setSubject(subject, StandardCharsets.UTF_8.name());
            m.setText(body, StandardCharsets.UTF_8.name());
            m.setSentDate(new Date());
            Transport.send(m);
        } catch (MessagingException e) {
            String where = server.host() + ":" + server.port();
            if (causedBy(e, NO_STARTTLS)) {
                LOG.warn("SMTP refused: server offers no STARTTLS, nothing sent (security {})", server.security().key());
                throw new KontorException(e, "smtp.noStartTls", where);
            }
            if (untrusted(e)) {
                LOG.warn("SMTP refused: server certificate not trusted or not for the host name (security {})",
                        server.security().key());
                throw new KontorException(e, "smtp.certificate", where);
            }
            LOG.warn("SMTP send failed ({}, security {})", e.getClass().getSimpleName(), server.security().key());
            throw new KontorException(e, "consent.mailFailed", where, e.getMessage());
        }
    }

    /** The Jakarta Mail properties for the server's security choice. */
    Properties properties(SmtpSettings server) {
        Properties props = new Properties();
        props.put("mail.smtp.host", server.host());
        props.put("mail.smtp.port", Integer.toString(server.port()));
        props.put("mail.smtp.connectiontimeout", "10000");
        props.put("mail.smtp.timeout", "10000");
        props.put("mail.smtp.writetimeout", "10000");
        switch (server.security()) {
            case STARTTLS -> {
                props.put("mail.smtp.starttls.enable", "true");
                props.put("mail.smtp.starttls.required", "true");
                props.put("mail.smtp.ssl.checkserveridentity", "true");
            }
            case TLS -> {
                props.put("mail.smtp.ssl.enable", "true");
                props.put("mail.smtp.ssl.checkserveridentity", "true");
            }
            case NONE_LOCAL_RELAY -> props.put("mail.smtp.starttls.enable", "false");
        }
        if (tls != null && server.security() != SmtpSecurity.NONE_LOCAL_RELAY) {
            props.put("mail.smtp.ssl.socketFactory", tls);
        }
        return props;
    }

    private static boolean causedBy(Throwable t, String text) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c.getMessage() != null && c.getMessage().contains(text)) {
                return true;
            }
        }
        return false;
    }

    private static boolean untrusted(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof SSLException || c instanceof CertificateException) {
                return true;
            }
            // Angus's own host name check (mail.smtp.ssl.checkserveridentity)
            if (c.getMessage() != null && c.getMessage().contains("verify identity of server")) {
                return true;
            }
        }
        return false;
    }
}
