package org.eligo.criteria.text;

import java.util.List;
import org.eligo.core.rule.CriterionType;

/**
 * One inclusion or exclusion item as the registry wrote it, with its position in the criteria text.
 *
 * @param path ordinal position, "4" for the fourth item of its section, "4.2" for the second sub-item of it
 * @param text the item's own words exactly as registered (continuation lines included, sub-items not), trimmed
 * @param start offset of {@code text} in the criteria text
 * @param end offset just after {@code text}; with sub-items, {@link #blockEnd()} is where the last one ends
 * @param children sub-items ("at least two of the following:" followed by bullets), in order
 * @param heading true when the item is a heading over the items below it rather than a criterion: the qualifier of a
 *     section heading ("for Cohort 1 (ITP):" in "Inclusion Criteria for Cohort 1 (ITP):", "FOR PART 2"), or a
 *     marker-less line of its own over bullets ("Cohort B (warm AIHA):", "For Part 2 only:")
 */
public record CriterionItem(String path, CriterionType type, String text, int start, int end,
                            List<CriterionItem> children, boolean heading) {
  public CriterionItem {
    children = List.copyOf(children);
    if (start < 0 || end < start) throw new IllegalArgumentException("bad span " + start + ".." + end);
  }

  /** An item that is no heading of its own (a criterion, or a list it heads, "at least two of the following:"). */
  public CriterionItem(String path, CriterionType type, String text, int start, int end,
                       List<CriterionItem> children) {
    this(path, type, text, start, end, children, false);
  }

  /** Offset just after the item and all its sub-items. */
  public int blockEnd() {
    return children.isEmpty() ? end : children.get(children.size() - 1).blockEnd();
  }

  /** The item with its sub-items, exactly as registered. */
  public String blockText(String criteriaText) {
    return criteriaText.substring(start, blockEnd()).strip();
  }

  /** The stable criterion id: {@code inc-4}, {@code exc-3}, {@code inc-4.2}. */
  public String id() {
    return (type == CriterionType.INCLUSION ? "inc-" : "exc-") + path;
  }
}
