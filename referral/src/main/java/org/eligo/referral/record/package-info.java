/**
 * Stored referrals: the person's details as submitted, the screening workflow status with its history, staff
 * notes, erasure on withdrawal, per-trial screening-log counts and the CSV export. Jdbi over the store's
 * {@link org.eligo.store.Database}; tables from {@code V2__referrals.sql}.
 */
package org.eligo.referral.record;
