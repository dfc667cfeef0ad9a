package org.eligo.criteria.parse;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "Evidence of hemolysis: LDH &gt; ULN, haptoglobin &lt; LLN, or reticulocyte count &gt; ULN", "Laboratory evidence of
 * hemolysis (haptoglobin below the lower limit of normal or LDH above the upper limit of normal)", "Hemolysis defined
 * by …": the words before the list name what the markers after them show, and add nothing to them (DECISIONS §86). Only
 * the lead words are explained; markers that are not read leave the sentence asked as before.
 */
public final class HemolysisEvidenceRecogniser implements Recogniser {
  private static final Pattern LEAD = Pattern.compile("^\\s*(?:(?:presence\\s+of\\s+)?(?:laboratory|biochemical|"
      + "clinical\\s+and\\s+laboratory)\\s+)?(?:evidence\\s+of\\s+|signs\\s+of\\s+)?(?:active\\s+|ongoing\\s+)?"
      + "h(?:a)?emolysis\\s*(?::|\\(|,?\\s*(?:as\\s+)?(?:defined|shown|evidenced|demonstrated|indicated)\\s+(?:as|by)"
      + "(?:\\s+(?:any|one|at\\s+least\\s+one)\\s+of(?:\\s+the\\s+following)?)?\\s*:?)");

  /**
   * Whether a heading is these lead words alone ("Laboratory evidence of hemolysis:", "Evidence of active hemolysis,
   * defined as:"), its markers listed below it: which of them are enough it does not say (§86 review).
   */
  public static boolean heading(String text) {
    String lower = text.toLowerCase(java.util.Locale.ROOT).replaceAll("\\*+", " ").strip();
    Matcher m = LEAD.matcher(lower);
    return lower.endsWith(":") && m.lookingAt() && lower.substring(m.end()).replaceAll("[\\s:]", "").isEmpty();
  }

  @Override
  public void read(Sentence s) {
    Matcher m = LEAD.matcher(s.lower);
    if (!m.lookingAt() || !s.free(m.start(), m.end())) return;
    s.explain(m.start(), m.end());
    if (s.lower.charAt(m.end() - 1) == '(') {
      int close = s.lower.lastIndexOf(')');
      if (close > m.end() && s.lower.substring(close + 1).isBlank()) s.explain(close, close + 1);
    }
  }
}
