package org.eligo.criteria.json;

import java.util.Map;
import org.eligo.core.rule.CriteriaSet;

/**
 * A rule file's content: the trial's criteria and the curator's note per criterion id.
 */
public record RuleFile(CriteriaSet criteria, Map<String, String> notes) {
  public RuleFile {
    notes = Map.copyOf(notes);
  }
}
