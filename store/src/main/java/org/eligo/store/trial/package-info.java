/**
 * Stored studies: each study's raw ClinicalTrials.gov API v2 JSON (the source of truth, so fields Eligo does not
 * model survive export), a few typed copies for listing and filtering, current site statuses, and the history of
 * status changes across imports.
 *
 * <p>{@link org.eligo.store.trial.TrialRepository} is the port; {@link org.eligo.store.trial.JdbiTrialRepository}
 * implements it over JDBC. Imports go through {@code upsertAll}, which never lets older registry data replace
 * newer ({@link org.eligo.store.trial.UpdateRecency}) and changes nothing when the content is the same
 * ({@link org.eligo.store.trial.ContentHash}). This package does not parse JSON: callers hand over the document
 * with the typed fields already extracted.
 */
package org.eligo.store.trial;
