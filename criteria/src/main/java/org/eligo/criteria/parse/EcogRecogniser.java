package org.eligo.criteria.parse;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eligo.core.rule.AllOf;
import org.eligo.core.rule.Comparator;
import org.eligo.core.rule.MeasurementRule;
import org.eligo.core.rule.Rule;
import org.eligo.criteria.lexicon.ConceptKind;
import org.eligo.criteria.lexicon.ConceptMention;
import org.eligo.criteria.lexicon.MeasureInfo;

/**
 * Reads ECOG performance status limits: "ECOG 0-2", "ECOG ≤ 2", "performance status of 0-2", "ECoG score ≤ 2",
 * "performance status of 3 or greater", "ECOG performance status 0, 1, or 2" (consecutive grades listed). A range
 * from 0 is an upper bound; a range from 1 or more gives both bounds.
 * Karnofsky and Lansky scores are measures of their own ({@link MeasurementRecogniser}).
 */
final class EcogRecogniser implements Recogniser {
  private static final String KEY = "ecog";
  private static final Pattern NAME = Pattern.compile("\\bperformance status\\b|\\becog\\b");
  private static final Pattern FILLER = Pattern.compile(
      "(?:\\s*(?:\\([^()]{1,20}\\))?\\s*(?:(?:performance|status|score|ps|of|is|grade|must be|should be|the|ecog)\\b|:|\\(ecog\\)))*"
          + "\\s*:?\\s*");
  private static final Pattern RANGE = Pattern.compile("([0-5])\\s*(?:-|to|or)\\s*([0-5])(?!\\d|\\.\\d)");
  /**
   * Grades listed one by one: "0, 1, or 2", "0, 1 or 2", "0,1,2", "0 or 1 or 2", "0/1/2". Only consecutive grades from
   * the lowest are a range; any other list ("0, 2") is left unread.
   */
  private static final Pattern LIST = Pattern.compile(
      "[0-5](?:\\s*(?:,\\s*(?:or\\s+|and\\s+)?|or\\s+|/\\s*)[0-5])+(?!\\d|\\.\\d|\\s*(?:-|to)\\s*\\d)");

  @Override
  public void read(Sentence s) {
    // beside a Karnofsky or Lansky score, "performance status" alone may name either: only "ECOG" names ECOG
    boolean otherScales = s.lower.contains("karnofsky") || s.lower.contains("lansky");
    if (!s.lower.contains("ecog") && !s.lower.contains("performance") && !s.lower.contains("eastern")) return;
    int nameStart = -1;
    int nameEnd = -1;
    for (ConceptMention m : s.mentions) {
      if (m.kind() == ConceptKind.MEASURE && KEY.equals(m.id()) && s.free(m.start(), m.end())) {
        nameStart = m.start();
        nameEnd = m.end();
        break;
      }
    }
    if (nameStart < 0) {
      if (otherScales) return;
      Matcher n = NAME.matcher(s.lower);
      if (!n.find() || !s.free(n.start(), n.end())) return;
      nameStart = n.start();
      nameEnd = n.end();
    }
    Matcher f = FILLER.matcher(s.lower).region(nameEnd, s.lower.length());
    int at = f.lookingAt() ? f.end() : nameEnd;
    MeasureInfo info = s.context.lexicon().measure(KEY).orElse(new MeasureInfo(KEY, "ECOG performance status",
        "{score}"));
    int recency = s.context.settings().recencyDays();
    Matcher r = RANGE.matcher(s.lower).region(at, s.lower.length());
    Matcher l = LIST.matcher(s.lower).region(at, s.lower.length());
    Rule rule;
    int end;
    boolean range = r.lookingAt();
    if (l.lookingAt() && (!range || l.end() > r.end())) { // "0 or 1 or 2" is a list, not the range "0 or 1"
      int[] grades = l.group().chars().filter(Character::isDigit).map(c -> c - '0').toArray();
      for (int i = 1; i < grades.length; i++) if (grades[i] != grades[i - 1] + 1) return;
      int lo = grades[0];
      int hi = grades[grades.length - 1];
      MeasurementRule max = rule(info, Comparator.LE, hi, recency);
      rule = lo == 0 ? max : new AllOf(List.of(rule(info, Comparator.GE, lo, recency), max));
      end = l.end();
    } else if (range) {
      int lo = Integer.parseInt(r.group(1));
      int hi = Integer.parseInt(r.group(2));
      if (lo > hi) return;
      MeasurementRule max = rule(info, Comparator.LE, hi, recency);
      rule = lo == 0 ? max : new AllOf(List.of(rule(info, Comparator.GE, lo, recency), max));
      end = r.end();
    } else {
      Thresholds.Threshold t = Thresholds.at(s.lower, at);
      if (t == null || t.uln() || t.unit() != null || t.value() > 5 || t.value() < 0) return;
      rule = rule(info, t.comparator(), t.value(), recency);
      end = t.end();
    }
    s.read(nameStart, end, rule);
  }

  private static MeasurementRule rule(MeasureInfo info, Comparator c, double value, int recency) {
    return new MeasurementRule(KEY, info.label(), c, value, false, info.canonicalUnit(), recency, null);
  }
}
