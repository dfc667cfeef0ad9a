package org.eligo.referral.staff;

/** A newly created API token: {@code token} is shown once and never stored (only its SHA-256 is). */
public record IssuedToken(long id, String name, String token) {

  @Override
  public String toString() {
    return "IssuedToken[id=" + id + ", name=" + name + ", token=***]";
  }
}
