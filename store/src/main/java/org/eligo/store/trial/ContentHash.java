package org.eligo.store.trial;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import org.eligo.core.trial.PartialDate;

/**
 * The SHA-256 of everything a stored study holds except its origin: the same data imported again, from any
 * source, hashes the same, so it can be recognised as unchanged. The document is hashed byte for byte (not
 * normalised): callers that re-serialise JSON should do so deterministically.
 */
public final class ContentHash {

  private ContentHash() {
  }

  /** 64 lower-case hex digits. */
  public static String of(StoredStudy study) {
    byte[] documentUtf8 = study.document().utf8();
    MessageDigest digest = sha256();
    add(digest, study.nctId());
    add(digest, study.briefTitle());
    add(digest, study.overallStatus());
    add(digest, text(study.lastUpdatePostDate()));
    add(digest, text(study.statusVerifiedDate()));
    add(digest, String.valueOf(study.conditions().size()));
    study.conditions().forEach(condition -> add(digest, condition));
    add(digest, String.valueOf(study.siteStatuses().size()));
    for (Map.Entry<String, String> site : study.siteStatuses().entrySet()) {
      add(digest, site.getKey());
      add(digest, site.getValue());
    }
    addInt(digest, documentUtf8.length);
    digest.update(documentUtf8);
    return HexFormat.of().formatHex(digest.digest());
  }

  /** Each field as its length then its UTF-8 bytes, so no two different field lists hash alike; null is -1. */
  private static void add(MessageDigest digest, String field) {
    if (field == null) {
      addInt(digest, -1);
      return;
    }
    byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
    addInt(digest, bytes.length);
    digest.update(bytes);
  }

  /** The four bytes of {@code value}, high byte first (one at a time: an array per number cost more than hashing). */
  private static void addInt(MessageDigest digest, int value) {
    digest.update((byte) (value >>> 24));
    digest.update((byte) (value >>> 16));
    digest.update((byte) (value >>> 8));
    digest.update((byte) value);
  }

  private static String text(PartialDate date) {
    return date == null ? null : date.text();
  }

  /** A digest per thread, reset after each use: looking the algorithm up for every study cost more than hashing. */
  private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JVM has no SHA-256", e);
    }
  });

  private static MessageDigest sha256() {
    MessageDigest digest = SHA256.get();
    digest.reset();
    return digest;
  }
}
