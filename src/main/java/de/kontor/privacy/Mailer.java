package de.kontor.privacy;

/** Sends one plain-text e-mail; the SMTP implementation is configured in the settings. */
public interface Mailer {
    void send(SmtpSettings server, String to, String subject, String body);
}
