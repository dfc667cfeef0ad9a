/**
 * Forwarding referrals through a transactional outbox: where each referral goes (a forwarding route set by an
 * administrator, the chosen site's contact, or the trial's central contact), the outbox rows written in the
 * referral's own transaction, and the {@link org.eligo.referral.outbox.Forwarder} that claims due rows with a
 * lease, sends them by SMTP or HMAC-signed webhook, and marks them delivered or due again after a backoff.
 *
 * <p>Delivery is at least once with a stable delivery id per row (the e-mail Message-ID and the
 * {@code X-Eligo-Delivery} header), so a recipient can always see one referral once; a duplicate transmission can
 * only happen when a worker dies between the recipient accepting a message and the row being marked.
 */
package org.eligo.referral.outbox;
