/**
 * Staff accounts and what they may do: roles (administrator; coordinator and sponsor viewer, both scoped to the
 * trials they are given), the one {@link org.eligo.referral.staff.AccessPolicy} that decides every operation,
 * bcrypt password hashes, hashed API tokens and sessions.
 */
package org.eligo.referral.staff;
