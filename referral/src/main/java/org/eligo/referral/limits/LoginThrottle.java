package org.eligo.referral.limits;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * Slows password guessing: after 5 failed logins for one account, or 20 from one client address, within 15
 * minutes, further attempts are refused (before the password is even checked) until the window has passed.
 */
public final class LoginThrottle {

  private final RateLimiter perAccount;
  private final RateLimiter perClient;

  public LoginThrottle(Clock clock) {
    this(5, 20, Duration.ofMinutes(15), clock);
  }

  public LoginThrottle(int perAccount, int perClient, Duration window, Clock clock) {
    Objects.requireNonNull(clock, "clock");
    this.perAccount = new RateLimiter(perAccount, window, clock);
    this.perClient = new RateLimiter(perClient, window, clock);
  }

  public boolean allowed(String account, String client) {
    return perAccount.allowed(key(account)) && perClient.allowed(client);
  }

  public void failed(String account, String client) {
    perAccount.record(key(account));
    perClient.record(client);
  }

  public void succeeded(String account) {
    perAccount.reset(key(account));
  }

  public Instant retryAt(String account, String client) {
    Instant a = perAccount.retryAt(key(account));
    Instant c = perClient.retryAt(client);
    return a.isAfter(c) ? a : c;
  }

  private static String key(String account) {
    return account == null ? "" : account.strip().toLowerCase(Locale.ROOT);
  }
}
