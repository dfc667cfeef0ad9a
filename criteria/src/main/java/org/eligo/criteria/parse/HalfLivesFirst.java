package org.eligo.criteria.parse;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "Eltrombopag within 5 half-lives or 14 days, whichever is longer": the half-lives written before the time
 * (DECISIONS §73). {@link LongerWindow} reads "within 14 days or 5 half-lives, whichever is longer" (the time is the
 * least the washout can be: a dose within it fails, older ones ask the half-lives); written the other way round the
 * time was left unread with the half-lives, so a dose 7 days ago only asked, and in the inclusion list nothing was
 * decided on it; with the moment written after the clause ("within 4 weeks or 5 half-lives (whichever is longer) prior to
 * Day 1") the sentence was left unread. "Whichever is longer" makes the order meaningless: the sentence is read as
 * "within 4 weeks prior to Day 1 or 5 half-lives, whichever is longer".
 */
final class HalfLivesFirst implements Recogniser {
  private static final String HALF = Numbers.NUMBER + "\\s*(?:\\(\\d+\\)\\s*)?half[- ]?li(?:ves|fe)(?:\\s+of\\s+(?:the\\s+)?"
      + "(?:drug|agent|medication|product|treatment))?";
  private static final String LONGER = "[\\s,(]*whichever\\s+(?:is|comes)\\s+(?:the\\s+)?(?:longer|longest|later|latest"
      + "|greater|more)\\b\\)?[\\s,]*";
  /** What the window is counted back from: "prior to Day 1", "before screening", "of the first dose". */
  private static final String ANCHOR = "(?<anchor>(?:(?:prior\\s+to|before|of|preceding|from)\\b[^,;()]*)?)[\\s.;]*$";
  private static final Pattern HALF_FIRST = Pattern.compile("(?i)\\b(?<half>" + HALF + ")\\s+or\\s+(?<time>"
      + Durations.DURATION + ")" + LONGER + ANCHOR);
  /** "within 4 weeks or 5 half-lives (whichever is longer) prior to Day 1": the anchor after the clause. */
  private static final Pattern ANCHOR_AFTER = Pattern.compile("(?i)\\b(?<time>" + Durations.DURATION + ")\\s+or\\s+"
      + "(?<half>" + HALF + ")" + LONGER + ANCHOR);

  @Override
  public void read(Sentence s) {
    if (!s.children.isEmpty() || !s.lower.contains("whichever")) return;
    Matcher m = HALF_FIRST.matcher(s.text);
    if (!m.find()) {
      m = ANCHOR_AFTER.matcher(s.text);
      if (!m.find() || m.group("anchor").isBlank()) return;
    }
    String anchor = m.group("anchor").strip();
    String canonical = s.text.substring(0, m.start()) + m.group("time") + (anchor.isEmpty() ? "" : " " + anchor)
        + " or " + m.group("half") + ", whichever is longer";
    s.settle(s.parser.parseNested(canonical, s.type, s.depth + 1));
  }
}
