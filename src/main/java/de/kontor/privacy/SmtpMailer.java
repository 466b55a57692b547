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
import java.util.Date;
import java.util.Properties;

/** Sends e-mail over SMTP with Jakarta Mail (Angus). */
public final class SmtpMailer implements Mailer {
    @Override
    public void send(SmtpSettings server, String to, String subject, String body) {
        Properties props = new Properties();
        props.put("mail.smtp.host", server.host());
        props.put("mail.smtp.port", Integer.toString(server.port()));
        props.put("mail.smtp.connectiontimeout", "10000");
        props.put("mail.smtp.timeout", "10000");
        props.put("mail.smtp.starttls.enable", Boolean.toString(server.startTls()));
        boolean auth = server.username() != null && !server.username().isBlank();
        props.put("mail.smtp.auth", Boolean.toString(auth));
        Session session = auth ? Session.getInstance(props, new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return new PasswordAuthentication(server.username(), server.password() == null ? "" : server.password());
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
            throw new KontorException(e, "consent.mailFailed", server.host() + ":" + server.port(), e.getMessage());
        }
    }
}
