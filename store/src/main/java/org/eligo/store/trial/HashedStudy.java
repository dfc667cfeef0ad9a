package org.eligo.store.trial;

import java.util.Objects;

/**
 * A study with its {@link ContentHash}, computed where the study is prepared (an import does it on every core) rather
 * than inside the store's transaction.
 */
public record HashedStudy(StoredStudy study, String contentHash) {

  public HashedStudy {
    Objects.requireNonNull(study, "study");
    Objects.requireNonNull(contentHash, "contentHash");
  }

  public static HashedStudy of(StoredStudy study) {
    return new HashedStudy(study, ContentHash.of(study));
  }
}
