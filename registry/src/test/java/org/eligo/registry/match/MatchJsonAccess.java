package org.eligo.registry.match;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.eligo.core.eval.CriterionResult;

/** The JSON of one criterion as {@link MatchJson} writes it, for tests outside this package. */
public final class MatchJsonAccess {
  private MatchJsonAccess() {}

  public static ObjectNode criterion(CriterionResult c) {
    return MatchJson.criterion(c);
  }
}
