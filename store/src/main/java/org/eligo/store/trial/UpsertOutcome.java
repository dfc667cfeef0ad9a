package org.eligo.store.trial;

/** What storing one study did. */
public enum UpsertOutcome {
  /** The study was not stored before. */
  INSERTED,
  /** The stored version was replaced by this newer (or equally recent) one with different content. */
  UPDATED,
  /** The stored version has the same content; nothing was written, not even its update time. */
  UNCHANGED,
  /** The stored version is newer (by last update post date), so it was kept. */
  SKIPPED_OLDER
}
