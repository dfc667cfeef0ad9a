package org.eligo.store.trial;

import java.util.Objects;

/**
 * A study with its {@link ContentHash} and its document in UTF-8, computed where the study is prepared (an import
 * does it on every core) rather than inside the store's transaction.
 */
public record HashedStudy(StoredStudy study, String contentHash, byte[] documentUtf8) {

  public HashedStudy {
    Objects.requireNonNull(study, "study");
    Objects.requireNonNull(contentHash, "contentHash");
    Objects.requireNonNull(documentUtf8, "documentUtf8");
  }

  public static HashedStudy of(StoredStudy study) {
    byte[] utf8 = study.documentJson().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    return new HashedStudy(study, ContentHash.of(study, utf8), utf8);
  }

  /**
   * With the document's UTF-8 bytes already at hand (an import writes them), so that they are not encoded again.
   *
   * @param documentUtf8 {@code study.documentJson()} in UTF-8
   */
  public static HashedStudy of(StoredStudy study, byte[] documentUtf8) {
    return new HashedStudy(study, ContentHash.of(study, documentUtf8), documentUtf8);
  }
}
