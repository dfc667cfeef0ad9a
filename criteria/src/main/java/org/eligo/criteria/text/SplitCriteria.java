package org.eligo.criteria.text;

import java.util.List;

/**
 * A criteria text cut into items.
 *
 * @param items top-level items in registry order, inclusion section first as written
 * @param headingsFound false when the text had no inclusion/exclusion headings (then every item is read as inclusion)
 * @param notes what the splitter decided that a reader should know (no headings, dropped preambles)
 */
public record SplitCriteria(List<CriterionItem> items, boolean headingsFound, List<String> notes) {
  public SplitCriteria {
    items = List.copyOf(items);
    notes = List.copyOf(notes);
  }

  /** Every item, sub-items after their parent. */
  public List<CriterionItem> flattened() {
    List<CriterionItem> all = new java.util.ArrayList<>();
    for (CriterionItem item : items) add(item, all);
    return all;
  }

  private static void add(CriterionItem item, List<CriterionItem> all) {
    all.add(item);
    for (CriterionItem child : item.children()) add(child, all);
  }
}
