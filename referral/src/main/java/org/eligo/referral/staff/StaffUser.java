package org.eligo.referral.staff;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/** A staff account (without its password hash), with the trials it is scoped to. */
public record StaffUser(long id, String email, Role role, boolean active, Set<String> trials, Instant createdAt) {

  public StaffUser {
    Objects.requireNonNull(email, "email");
    Objects.requireNonNull(role, "role");
    trials = Set.copyOf(trials);
  }

  /** Whether this account's scope includes {@code nctId} (administrators: every trial). */
  public boolean covers(String nctId) {
    return role == Role.ADMIN || trials.contains(nctId);
  }
}
