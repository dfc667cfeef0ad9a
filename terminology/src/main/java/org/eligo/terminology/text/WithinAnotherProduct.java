package org.eligo.terminology.text;

import java.util.regex.Pattern;

/**
 * Whether a drug's name, where it stands, is part of another product's name rather than the drug itself: protamine in
 * "insulin lispro protamine", "insulin aspart protamine, human", "NPH (isophane/protamine) insulin", "neutral
 * protamine Hagedorn", "protamine zinc insulin" (DECISIONS 98 review). Protamine is an agent that reverses heparin;
 * these insulins hold it only to slow their own action, so neither a record nor a criterion naming them names it.
 * Shared by the criteria parser and the record reader, so both read such a name alike.
 */
public final class WithinAnotherProduct {
  private WithinAnotherProduct() {}

  private static final Pattern BEFORE = Pattern.compile("(?i)(?:\\binsulins?\\s+(?:(?:lispro|aspart|human|isophane)"
      + "\\s*,?\\s+)?|\\b(?:isophane|nph)\\s*[(/]?\\s*|\\bneutral\\s+)$");
  private static final Pattern AFTER = Pattern.compile("(?i)^\\s*(?:-\\s*)?(?:(?:zinc\\s+|\\)\\s*)?insulins?|hagedorn)\\b");

  /** Whether {@code text}'s name from {@code start} to {@code end} is part of another product's name. */
  public static boolean at(String text, int start, int end) {
    if (text == null || start < 0 || end > text.length() || start > end) return false;
    if (AFTER.matcher(text.substring(end, Math.min(text.length(), end + 30))).find()) return true;
    return BEFORE.matcher(text.substring(Math.max(0, start - 30), start)).find();
  }
}
