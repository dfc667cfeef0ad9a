package org.eligo.referral;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.eligo.referral.outbox.ForwarderSettings;
import org.eligo.referral.outbox.SmtpSettings;

/**
 * How referrals are set up in a running Eligo.
 *
 * @param smtp the mail server; empty means e-mails wait in the outbox until one is configured
 * @param publicBaseUrl Eligo's public address, for links in confirmations
 * @param retention how long referrals are kept; empty means until erased by hand
 * @param bcryptCost bcrypt work factor for staff passwords
 * @param formsPerClient interest or withdrawal forms one client address may send per 10 minutes
 */
public record ReferralSettings(
    Optional<SmtpSettings> smtp,
    URI publicBaseUrl,
    ForwarderSettings forwarder,
    Optional<Duration> retention,
    Duration sessionLifetime,
    int bcryptCost,
    int formsPerClient) {

  public static final String SMTP_HOST = "ELIGO_SMTP_HOST";
  public static final String SMTP_PORT = "ELIGO_SMTP_PORT";
  public static final String SMTP_FROM = "ELIGO_SMTP_FROM";
  public static final String SMTP_USER = "ELIGO_SMTP_USER";
  public static final String SMTP_PASSWORD = "ELIGO_SMTP_PASSWORD";
  public static final String SMTP_STARTTLS = "ELIGO_SMTP_STARTTLS";
  public static final String PUBLIC_URL = "ELIGO_PUBLIC_URL";
  public static final String RETENTION_DAYS = "ELIGO_REFERRAL_RETENTION_DAYS";
  /** Where {@code eligo serve} listens when given no --host or --port. */
  static final String DEFAULT_PUBLIC_URL = "http://localhost:8080";

  public ReferralSettings {
    Objects.requireNonNull(smtp, "smtp");
    Objects.requireNonNull(publicBaseUrl, "publicBaseUrl");
    Objects.requireNonNull(forwarder, "forwarder");
    Objects.requireNonNull(retention, "retention");
    Objects.requireNonNull(sessionLifetime, "sessionLifetime");
    if (formsPerClient < 1) throw new IllegalArgumentException("formsPerClient must be positive");
  }

  /**
   * Settings from environment variables: {@value #SMTP_HOST} (unset: no mail), {@value #SMTP_PORT} (587),
   * {@value #SMTP_FROM}, {@value #SMTP_USER}, {@value #SMTP_PASSWORD}, {@value #SMTP_STARTTLS} (true),
   * {@value #PUBLIC_URL} (http://localhost:8080, where {@code eligo serve} listens by default), {@value #RETENTION_DAYS} (unset: keep).
   *
   * @throws IllegalArgumentException for a malformed value, naming the variable
   */
  public static ReferralSettings fromEnvironment(Map<String, String> env, String workerId) {
    Optional<SmtpSettings> smtp = Optional.empty();
    String host = blankToNull(env.get(SMTP_HOST));
    if (host != null) {
      int port = integer(env, SMTP_PORT, 587);
      String from = Optional.ofNullable(blankToNull(env.get(SMTP_FROM)))
          .orElseThrow(() -> new IllegalArgumentException(SMTP_FROM + " is required when " + SMTP_HOST + " is set"));
      smtp = Optional.of(new SmtpSettings(host, port, from, Optional.ofNullable(blankToNull(env.get(SMTP_USER))),
          Optional.ofNullable(env.get(SMTP_PASSWORD)),
          !"false".equalsIgnoreCase(String.valueOf(env.getOrDefault(SMTP_STARTTLS, "true"))), Duration.ofSeconds(20)));
    }
    URI base = URI.create(Optional.ofNullable(blankToNull(env.get(PUBLIC_URL))).orElse(DEFAULT_PUBLIC_URL));
    Optional<Duration> retention = env.containsKey(RETENTION_DAYS) && blankToNull(env.get(RETENTION_DAYS)) != null
        ? Optional.of(Duration.ofDays(integer(env, RETENTION_DAYS, 0))) : Optional.empty();
    retention.ifPresent(r -> {
      if (r.isZero() || r.isNegative()) throw new IllegalArgumentException(RETENTION_DAYS + " must be positive");
    });
    return new ReferralSettings(smtp, base, ForwarderSettings.standard(workerId), retention, Duration.ofHours(8), 12,
        10);
  }

  private static int integer(Map<String, String> env, String name, int fallback) {
    String value = blankToNull(env.get(name));
    if (value == null) return fallback;
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a whole number, not '" + value + "'", e);
    }
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text;
  }
}
