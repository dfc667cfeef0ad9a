/**
 * The audit log: who did what to which record and when (logins, views of personal data, status changes,
 * exports, rule edits, erasures). Append-only: this package has no update or delete.
 */
package org.eligo.referral.audit;
