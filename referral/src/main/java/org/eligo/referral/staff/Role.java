package org.eligo.referral.staff;

/** What a staff account is. */
public enum Role {
  /** Everything, on every trial: accounts, routes, the audit log. */
  ADMIN,
  /** Works on the referrals and rules of the trials they are given. */
  COORDINATOR,
  /** Reads the referrals and screening log of the trials they are given; changes nothing. */
  SPONSOR_VIEWER
}
