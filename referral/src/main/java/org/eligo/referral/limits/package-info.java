/** Abuse limits: how many attempts a client or account may make in a time window (public form, logins). */
package org.eligo.referral.limits;
