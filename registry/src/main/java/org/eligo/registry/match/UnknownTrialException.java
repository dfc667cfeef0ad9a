package org.eligo.registry.match;

import java.util.List;

/** Trials were named that the registry does not hold. */
public final class UnknownTrialException extends RuntimeException {
  private final List<String> nctIds;

  public UnknownTrialException(List<String> nctIds) {
    super("not in the registry: " + String.join(", ", nctIds));
    this.nctIds = List.copyOf(nctIds);
  }

  public List<String> nctIds() {
    return nctIds;
  }
}
