/**
 * The staff side over HTTP: sign-in and sign-out (session cookies that are Secure when served over https,
 * HttpOnly and SameSite=Strict, with a CSRF token on every form), bearer API tokens, the coordinator area
 * (referrals of their trials, status changes, notes, CSV export, screening log, rule editing with preview), the
 * administrator's audit log, and the security headers every response carries. Every operation goes through
 * {@link org.eligo.referral.ReferralDesk}, which checks and audits it.
 */
package org.eligo.server.staff;
