package org.eligo.referral.outbox;

import java.util.Objects;
import java.util.Optional;

/**
 * One plain-text e-mail to send. {@code deliveryId} becomes its Message-ID, so a resend after a crash is
 * recognisably the same message.
 */
public record MailMessage(String to, Optional<String> replyTo, String subject, String body, String deliveryId) {

  public MailMessage {
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(replyTo, "replyTo");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(deliveryId, "deliveryId");
    if (subject.indexOf('\r') >= 0 || subject.indexOf('\n') >= 0) {
      throw new IllegalArgumentException("a subject is one line");
    }
  }
}
