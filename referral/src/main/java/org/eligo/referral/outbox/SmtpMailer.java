package org.eligo.referral.outbox;

import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Objects;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

/**
 * Sends plain-text e-mail over SMTP with Jakarta Mail (Angus). Addresses are parsed strictly, so a line break or
 * a second address smuggled into one is refused rather than sent; the subject is encoded by Jakarta Mail.
 */
public final class SmtpMailer {

  private final SmtpSettings settings;
  private final Session session;

  public SmtpMailer(SmtpSettings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
    Properties props = new Properties();
    props.put("mail.smtp.host", settings.host());
    props.put("mail.smtp.port", Integer.toString(settings.port()));
    String millis = Long.toString(settings.timeout().toMillis());
    props.put("mail.smtp.connectiontimeout", millis);
    props.put("mail.smtp.timeout", millis);
    props.put("mail.smtp.writetimeout", millis);
    props.put("mail.smtp.from", settings.from());
    if (settings.startTls()) {
      props.put("mail.smtp.starttls.enable", "true");
      props.put("mail.smtp.starttls.required", "true");
    }
    Authenticator authenticator = null;
    if (settings.username().isPresent()) {
      props.put("mail.smtp.auth", "true");
      String user = settings.username().get();
      String password = settings.password().orElse("");
      authenticator = new Authenticator() {
        @Override
        protected PasswordAuthentication getPasswordAuthentication() {
          return new PasswordAuthentication(user, password);
        }
      };
    }
    this.session = Session.getInstance(props, authenticator);
  }

  public SmtpSettings settings() {
    return settings;
  }

  /** Sends {@code message}; returns when the server has accepted it. */
  public void send(MailMessage message) throws DeliveryFailure {
    MimeMessage mime;
    try {
      mime = new FixedIdMessage(session, "<" + message.deliveryId() + "@eligo>");
      mime.setFrom(new InternetAddress(settings.from(), true));
      mime.setRecipient(Message.RecipientType.TO, single(message.to()));
      if (message.replyTo().isPresent()) mime.setReplyTo(new InternetAddress[] {single(message.replyTo().get())});
      mime.setSubject(message.subject(), StandardCharsets.UTF_8.name());
      mime.setText(message.body(), StandardCharsets.UTF_8.name());
      mime.setSentDate(new Date());
      mime.setHeader("X-Eligo-Delivery", message.deliveryId());
      mime.setHeader("Auto-Submitted", "auto-generated");
    } catch (MessagingException e) {
      throw new DeliveryFailure("message could not be built: " + e.getClass().getSimpleName(), e);
    }
    try {
      Transport.send(mime);
    } catch (SMTPAddressFailedException e) {
      throw new DeliveryFailure("recipient refused by the mail server (SMTP " + e.getReturnCode() + ")", e);
    } catch (SMTPSendFailedException e) {
      throw new DeliveryFailure("mail server refused the message (SMTP " + e.getReturnCode() + ")", e);
    } catch (MessagingException e) {
      throw new DeliveryFailure("mail server " + settings.host() + ":" + settings.port() + " unavailable ("
          + rootName(e) + ")", e);
    }
  }

  private static InternetAddress single(String address) throws DeliveryFailure {
    try {
      InternetAddress[] parsed = InternetAddress.parse(address, true);
      if (parsed.length != 1 || address.indexOf('\r') >= 0 || address.indexOf('\n') >= 0) {
        throw new DeliveryFailure("not a single e-mail address");
      }
      parsed[0].validate();
      return parsed[0];
    } catch (AddressException e) {
      throw new DeliveryFailure("not a valid e-mail address", e);
    }
  }

  private static String rootName(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) root = root.getCause();
    return root.getClass().getSimpleName();
  }

  /** A message whose Message-ID is the delivery id instead of a fresh one on each save. */
  private static final class FixedIdMessage extends MimeMessage {
    private final String messageId;

    FixedIdMessage(Session session, String messageId) {
      super(session);
      this.messageId = messageId;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
      setHeader("Message-ID", messageId);
    }
  }
}
