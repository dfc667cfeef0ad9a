package org.eligo.referral.staff;

import java.time.Instant;
import java.util.Objects;

/**
 * A signed-in staff session. {@code id} is the cookie value (shown once, stored only as SHA-256);
 * {@code csrfToken} must come back with every form the session posts.
 */
public record StaffSession(String id, StaffUser user, String csrfToken, Instant expiresAt) {

  public StaffSession {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(csrfToken, "csrfToken");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }

  @Override
  public String toString() {
    return "StaffSession[user=" + user.id() + ", expiresAt=" + expiresAt + "]";
  }
}
