package org.eligo.referral.outbox;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature on a webhook: header {@code X-Eligo-Signature: t=<unix seconds>,v1=<hex>} where the hex is
 * HMAC-SHA256, keyed with the route's secret, of {@code <t>.<body>}. A receiver recomputes it and rejects a
 * mismatch or a timestamp outside its tolerance (replay protection); {@link #verify} does exactly that.
 */
public final class WebhookSignature {

  public static final String HEADER = "X-Eligo-Signature";
  public static final String DELIVERY_HEADER = "X-Eligo-Delivery";

  private WebhookSignature() {
  }

  /** The header value for {@code body} sent at {@code at}. */
  public static String sign(String secret, Instant at, byte[] body) {
    long t = at.getEpochSecond();
    return "t=" + t + ",v1=" + HexFormat.of().formatHex(hmac(secret, t, body));
  }

  /** Whether {@code header} is a valid signature of {@code body} made within {@code tolerance} of {@code now}. */
  public static boolean verify(String secret, String header, byte[] body, Instant now, Duration tolerance) {
    if (header == null) return false;
    Optional<Long> t = Optional.empty();
    byte[] given = null;
    for (String part : header.split(",")) {
      String[] kv = part.strip().split("=", 2);
      if (kv.length != 2) return false;
      try {
        if (kv[0].equals("t")) t = Optional.of(Long.parseLong(kv[1]));
        if (kv[0].equals("v1")) given = HexFormat.of().parseHex(kv[1]);
      } catch (IllegalArgumentException e) {
        return false;
      }
    }
    if (t.isEmpty() || given == null) return false;
    if (Duration.between(Instant.ofEpochSecond(t.get()), now).abs().compareTo(tolerance) > 0) return false;
    return MessageDigest.isEqual(given, hmac(secret, t.get(), body));
  }

  private static byte[] hmac(String secret, long t, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      mac.update((t + ".").getBytes(StandardCharsets.US_ASCII));
      return mac.doFinal(body);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }
}
