package org.eligo.referral.outbox;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * An administrator's choice of where a trial's referrals go, overriding the registry's contacts: an e-mail address,
 * or a webhook URL with its HMAC-SHA256 key. Webhooks must be https, except on loopback (for local integrations).
 */
public record ForwardingRoute(String nctId, Kind kind, String address, Optional<String> secret) {

  /** How the route delivers. */
  public enum Kind { EMAIL, WEBHOOK }

  public ForwardingRoute {
    Objects.requireNonNull(nctId, "nctId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(secret, "secret");
    if (kind == Kind.WEBHOOK) {
      URI url = URI.create(address);
      String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
      boolean loopback = "localhost".equalsIgnoreCase(url.getHost()) || "127.0.0.1".equals(url.getHost())
          || "[::1]".equals(url.getHost());
      if (!scheme.equals("https") && !(scheme.equals("http") && loopback)) {
        throw new IllegalArgumentException("a webhook must be an https URL (http only on loopback): " + address);
      }
      if (secret.isEmpty() || secret.get().length() < 16) {
        throw new IllegalArgumentException("a webhook needs an HMAC key of at least 16 characters");
      }
    }
  }

  public Destination destination() {
    return kind == Kind.EMAIL ? new Destination.Email(address) : new Destination.Webhook(URI.create(address));
  }
}
