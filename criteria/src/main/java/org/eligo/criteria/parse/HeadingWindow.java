package org.eligo.criteria.parse;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eligo.core.rule.AllOf;
import org.eligo.core.rule.Ask;
import org.eligo.core.rule.Rule;

/**
 * The time a list heading writes for every item under it: "Any of the following within 6 months prior to enrollment:",
 * "History of any of the following in the past 12 months:", "Within 6 months before screening:", "The following
 * conditions during the last year:". Each item is read as if it had been written with it ("Myocardial infarction within
 * 6 months prior to enrollment"), so a one-off event counts by its onset and a lasting disease by its presence in the
 * window, as in a sentence; an item that says its own time ("stroke within 3 months", "at any time") keeps it. Read
 * without it, "Myocardial infarction" under such a heading had excluded a patient whose problem list still listed an
 * infarction of 2010.
 *
 * <p>A heading whose time is not one the parser reads ("during the screening period", "within 6 months of diagnosis",
 * "since the last dose") is {@linkplain #unreadable() unreadable}: its items are read without it and asked
 * ({@link #asked}), never taken as at any time, which would exclude more than the text does.
 */
public record HeadingWindow(String words, String heading, boolean unreadable, boolean future) {
  public static final HeadingWindow NONE = new HeadingWindow("", "", false, false);

  /**
   * A heading about what is to come ("Patients who within 6 months will undergo surgery:", "Planned within the next 4
   * weeks:", "… during the study:"): its time dates no past event, so its items are asked ({@link #finish}).
   */
  private static final Pattern FUTURE = Pattern.compile("(?i)\\b(?:(?:will|shall)\\s+(?:undergo|receive|have|need|require|start|begin|be\\s+(?:treated|given|undergoing"
      + "|receiving|scheduled|planned))|plan(?:s|ned|ning)?|scheduled|expected"
      + "|anticipated|likely\\s+to|intend\\w*|upcoming|(?:the\\s+)?next|during\\s+(?:the\\s+)?(?:study|trial)"
      + "|(?:after|following)\\s+(?:enrol\\w*|randomi[sz]\\w*|registration|the\\s+first\\s+dose|study\\s+entry))\\b");

  /** Time words a heading may date its items with; what {@link TimeRecogniser#windowSpan} does not read is asked. */
  private static final Pattern TIME_WORDS = Pattern.compile("(?i)\\b(?:within|during|since|throughout|(?:in|over)\\s+"
      + "the\\s+(?:past|last|previous|preceding|prior)|recent(?:ly)?|" + Durations.DURATION
      // a span before or after something ("6 months before surgery"), not an age ("Patients aged 12 years or older")
      + "\\s+(?:before|prior|ago|preceding|earlier|after|from))");
  /**
   * An item's own time ("stroke within 3 months", "myocardial infarction at any time", "ever", "6 months before
   * enrollment", "current hepatitis B", "HBsAg positive at screening"). A duration that is no window ("stroke lasting
   * more than 24 hours") is not one: read as the item's time, it had kept the heading's window off the item.
   */
  private static final Pattern OWN_TIME = Pattern.compile("(?i)\\b(?:within|during|since|(?:in|over)\\s+the\\s+(?:past"
      + "|last|previous|preceding|prior)|at any (?:time|point)|ever|current(?:ly)?|presently|at\\s+present|ongoing"
      + "|at\\s+(?:the\\s+time\\s+of\\s+)?(?:the\\s+)?(?:screening|enrol\\w*|study\\s+entry|entry|randomi[sz]ation|baseline"
      + "|registration|consent)|" + Durations.DURATION + "\\s+(?:before|prior|ago|preceding|earlier|from|of))");
  /** What ends an item before the heading's window is added to it: a full stop, a ";", a trailing "or"/"and". */
  private static final Pattern TRAILING = Pattern.compile("(?i)[\\s,;:.]*(?:\\b(?:or|and|and/or)\\b[\\s,;:.]*)?$");

  /**
   * "within the following limits", "within normal ranges", "within the protocol-specified parameters": values inside
   * bounds, no time (§91). Read as a window, every limit under "Organ function within the following limits:" was asked.
   */
  private static final Pattern WITHIN_BOUNDS = Pattern.compile("(?i)\\bwithin\\s+(?:[\\p{L}-]+\\s+){0,3}?(?:limits?"
      + "|ranges?|parameters|values|criteria|thresholds|levels|boundaries)\\b");

  /** The text with "within … limits" blanked out, its length kept so that spans found in it fit the text. */
  private static String withoutBounds(String text) {
    Matcher m = WITHIN_BOUNDS.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) m.appendReplacement(out, " ".repeat(m.end() - m.start()));
    m.appendTail(out);
    return out.toString();
  }

  /** The window the heading (the words before its list, or before its colon) writes, if any. */
  public static HeadingWindow of(String heading) {
    if (heading == null || heading.isBlank()) return NONE;
    String text = withoutBounds(MatchText.of(heading.strip()));
    String lower = text.toLowerCase(Locale.ROOT);
    if (FUTURE.matcher(lower).find()) {
      return TIME_WORDS.matcher(lower).find() ? new HeadingWindow("", heading.strip(), true, true) : NONE;
    }
    int[] span = TimeRecogniser.windowSpan(lower);
    if (span == null) {
      return TIME_WORDS.matcher(lower).find() ? new HeadingWindow("", heading.strip(), true, false) : NONE;
    }
    // "diagnosed within 6 months", "onset within the last year": a window on when it began, which a sentence asks too
    if (TimeRecogniser.datesOnset(lower.substring(0, span[0]))) return new HeadingWindow("", heading.strip(), true, false);
    // a second time the window does not cover ("within 6 months or during the study") is not understood
    String rest = lower.substring(0, span[0]) + " " + lower.substring(span[1]);
    if (TIME_WORDS.matcher(rest).find()) return new HeadingWindow("", heading.strip(), true, false);
    return new HeadingWindow(text.substring(span[0], span[1]), heading.strip(), false, false);
  }

  /** The heading without its window, for the tests of what kind of heading it is ("Any of the following:"). */
  public static String without(String heading) {
    if (heading == null) return null;
    String text = MatchText.of(heading);
    int[] span = TimeRecogniser.windowSpan(withoutBounds(text).toLowerCase(Locale.ROOT));
    if (span == null) return heading;
    return (text.substring(0, span[0]).stripTrailing() + " " + text.substring(span[1]).stripLeading()).strip()
        .replaceAll("\\s+:", ":");
  }

  public boolean present() {
    return !words.isEmpty() || unreadable;
  }

  /** An item as if written with the heading's window; one with its own time, or under no window, as it is. */
  public String applyTo(String item) {
    if (words.isEmpty() || OWN_TIME.matcher(item).find()) return item;
    String body = TRAILING.matcher(item.strip()).replaceFirst("");
    return body.isEmpty() ? item : body + " " + words;
  }

  /** Whether an item says its own time, which wins over the heading's. */
  public static boolean ownTime(String item) {
    return OWN_TIME.matcher(item).find();
  }

  /**
   * The rule of an item read under this heading: a heading about what is to come asks the item (a past one proves
   * nothing, and none so far rules nothing out); an item's own time keeps its rule; else {@link #asked}.
   */
  public Rule finish(String item, Rule rule) {
    if (future) {
      return new Ask("Is \u201c" + item.strip() + "\u201d planned or expected in the time the heading gives: \u201c"
          + heading + "\u201d?");
    }
    return ownTime(item) ? rule : asked(rule);
  }

  /** What the patient is asked of an item under a heading whose time is not read, or is to come. */
  public Ask question() {
    return new Ask((future ? "Is this planned or expected in the time the heading gives" : "Did this occur in the time "
        + "the heading gives") + ": \u201c" + heading + "\u201d?");
  }

  /**
   * The rule of items read without an unreadable window: they count only if they fall in it, which the patient is
   * asked. It can be NOT_MET (nothing the heading lists at any time is nothing in any window) but never MET on a guess.
   */
  public Rule asked(Rule rule) {
    if (!unreadable) return rule;
    Ask when = question();
    if (rule instanceof AllOf all) {
      List<Rule> parts = new java.util.ArrayList<>(all.rules());
      parts.add(when);
      return new AllOf(parts);
    }
    return new AllOf(List.of(rule, when));
  }
}
