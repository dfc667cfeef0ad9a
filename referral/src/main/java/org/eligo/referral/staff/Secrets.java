package org.eligo.referral.staff;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** Random secrets (session ids, tokens, codes) and the SHA-256 under which high-entropy secrets are stored. */
public final class Secrets {

  private static final SecureRandom RANDOM = new SecureRandom();
  /** Crockford's base 32: no I, L, O or U, so codes read aloud and typed back survive. */
  private static final char[] CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

  private Secrets() {
  }

  /** {@code bytes} random bytes, base64url without padding. */
  public static String token(int bytes) {
    byte[] b = new byte[bytes];
    RANDOM.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  /** {@code length} random Crockford base-32 characters (5 bits each). */
  public static String code(int length) {
    char[] out = new char[length];
    for (int i = 0; i < length; i++) out[i] = CROCKFORD[RANDOM.nextInt(32)];
    return new String(out);
  }

  /** Upper-cases and maps the look-alikes Crockford allows (O→0, I/L→1), dropping spaces and dashes. */
  public static String normaliseCode(String typed) {
    StringBuilder out = new StringBuilder();
    for (char c : typed.toUpperCase(java.util.Locale.ROOT).toCharArray()) {
      if (c == ' ' || c == '-') continue;
      out.append(c == 'O' ? '0' : (c == 'I' || c == 'L') ? '1' : c);
    }
    return out.toString();
  }

  public static String sha256Hex(String secret) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }
}
