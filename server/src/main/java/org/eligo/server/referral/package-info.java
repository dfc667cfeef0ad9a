/**
 * The public side of referrals over HTTP: the interest form of a trial ({@code /trials/{nctId}/interest}), with a
 * CSRF token, strict parsing of the form body (invalid UTF-8 is refused, not repaired), server-side validation, a
 * rate limit per client, and the reference number shown once stored; and the withdrawal page.
 */
package org.eligo.server.referral;
