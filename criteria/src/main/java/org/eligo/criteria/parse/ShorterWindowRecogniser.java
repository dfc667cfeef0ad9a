package org.eligo.criteria.parse;

import java.util.regex.Pattern;
import org.eligo.core.rule.Unparsed;

/**
 * "Rituximab within 6 months or 5 half-lives, whichever is shorter": the window is the shorter of two, and the record
 * cannot compute a half-life. Read with the window it can compute, the sentence took the longer bound for the window:
 * in the exclusion list a dose 4 months ago excluded though 5 half-lives (some 3 months for rituximab) had passed, and
 * in the inclusion list ("At least 4 weeks or 5 half-lives, whichever is shorter, since the last dose of …") a dose 2
 * weeks ago failed a washout that may have ended. Such a sentence is left unread: it could never pass a patient on
 * its alternative not understood, so nothing it decided is lost. "Whichever is longer" stays read: there the window
 * that can be computed is the shorter one, which excludes (or fails a washout) only where the longer would too; the
 * half-lives are asked of a patient the window does not decide ({@link LongerWindow}).
 */
final class ShorterWindowRecogniser implements Recogniser {
  private static final Keywords HINT = Keywords.of("whichever");
  private static final Pattern SHORTER = Pattern.compile("\\bwhichever\\s+(?:is|comes)\\s+(?:the\\s+)?(?:shorter"
      + "|shortest|sooner|soonest|earlier|earliest|less|lesser|least|smaller|first)\\b");

  /** "or 5 half-lives, whichever is longer", "or 5 half-lives (whichever is longer)": {@link LongerWindow}. */
  static final Pattern LONGER = Pattern.compile("\\bor\\s+(?<bound>(?:\\S+\\s+)?half[- ]?li(?:ves|fe)"
      + "(?:\\s+of\\s+(?:the\\s+)?(?:drug|agent|medication|product|treatment))?)[\\s,(]*whichever\\s+(?:is|comes)\\s+"
      + "(?:the\\s+)?(?:longer|longest|later|latest|greater|more)\\b\\)?");

  @Override
  public void read(Sentence s) {
    if (!HINT.in(s.lower)) return;
    if (SHORTER.matcher(s.lower).find()) {
      s.settle(new Unparsed("the shorter of two windows, one of them not computable from the record"));
      return;
    }
    java.util.regex.Matcher longer = LONGER.matcher(s.lower);
    if (longer.find()) {
      s.explain(longer.start(), longer.end());
      s.longerBound = longer.group("bound");
    }
  }
}
