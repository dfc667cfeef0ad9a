package org.eligo.referral.outbox;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How to reach the outgoing mail server.
 *
 * @param from the sender address of every message, e.g. {@code referrals@eligo.example}
 * @param startTls require STARTTLS before authenticating (on for any real server)
 */
public record SmtpSettings(
    String host,
    int port,
    String from,
    Optional<String> username,
    Optional<String> password,
    boolean startTls,
    Duration timeout) {

  public SmtpSettings {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(password, "password");
    Objects.requireNonNull(timeout, "timeout");
    if (port < 1 || port > 65535) throw new IllegalArgumentException("SMTP port out of range: " + port);
    try {
      new InternetAddress(from, true);
    } catch (AddressException e) {
      throw new IllegalArgumentException("the SMTP sender is not an e-mail address: " + from, e);
    }
  }

  /** A server on {@code host:port} with no authentication or TLS (a local relay, or a test server). */
  public static SmtpSettings plain(String host, int port, String from) {
    return new SmtpSettings(host, port, from, Optional.empty(), Optional.empty(), false, Duration.ofSeconds(20));
  }

  @Override
  public String toString() {
    return "SmtpSettings[" + host + ":" + port + ", from=" + from + ", user=" + username.orElse("none")
        + ", password=" + (password.isPresent() ? "***" : "none") + ", startTls=" + startTls + "]";
  }
}
