package org.eligo.referral.staff;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.nio.charset.StandardCharsets;

/**
 * bcrypt password hashes (at.favre.lib:bcrypt, version 2y). Passwords are 12 to 72 UTF-8 bytes (bcrypt reads no
 * further); {@link #verifyDummy} spends the same time for an unknown account so timing does not tell which
 * accounts exist.
 */
public final class PasswordHasher {

  public static final int MIN_LENGTH = 12;
  public static final int MAX_BYTES = 72;

  private final int cost;
  private final String dummyHash;

  /** @param cost bcrypt's log2 work factor: 12 in production, 4 (the minimum) in tests */
  public PasswordHasher(int cost) {
    if (cost < 4 || cost > 31) throw new IllegalArgumentException("bcrypt cost out of range: " + cost);
    this.cost = cost;
    this.dummyHash = BCrypt.withDefaults().hashToString(cost, "not a real password at all".toCharArray());
  }

  public static PasswordHasher standard() {
    return new PasswordHasher(12);
  }

  /** Why {@code password} may not be used, or null when it may. */
  public static String weakness(String password) {
    if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
      return "a password needs at least " + MIN_LENGTH + " characters";
    }
    if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
      return "a password may have at most " + MAX_BYTES + " bytes in UTF-8";
    }
    if (password.isBlank()) return "a password may not be blank";
    return null;
  }

  /** @throws IllegalArgumentException when the password is too weak (see {@link #weakness}) */
  public String hash(String password) {
    String weakness = weakness(password);
    if (weakness != null) throw new IllegalArgumentException(weakness);
    return BCrypt.withDefaults().hashToString(cost, password.toCharArray());
  }

  public boolean verify(String password, String hash) {
    if (password == null || hash == null) return false;
    if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) return false;
    return BCrypt.verifyer().verify(password.toCharArray(), hash).verified;
  }

  /** Does the work of a verification against nothing, and returns false. */
  public boolean verifyDummy(String password) {
    verify(password == null ? "" : password, dummyHash);
    return false;
  }
}
