/**
 * Referrals: the interest form a person fills in for a trial, stored durably and forwarded to the trial team
 * through a transactional outbox; the staff who work on referrals, what each role may do, and the audit log.
 *
 * <p>Entry points: {@link org.eligo.referral.ReferralService} (public side: submit, withdraw),
 * {@link org.eligo.referral.ReferralDesk} (staff side: every operation checked against
 * {@link org.eligo.referral.staff.AccessPolicy} and audited), {@link org.eligo.referral.outbox.Forwarder}
 * (delivery) and {@link org.eligo.referral.Retention}. No class here logs personal data.
 */
package org.eligo.referral;
