package org.eligo.referral.record;

import java.time.Instant;

/** A staff note on a referral. */
public record Note(long id, String author, String body, Instant createdAt) {
}
