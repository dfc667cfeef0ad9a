package org.eligo.criteria.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eligo.core.rule.AnyOf;
import org.eligo.core.rule.PregnancyRule;
import org.eligo.core.rule.Rule;

/**
 * Reads pregnancy and breastfeeding ("Pregnant or lactating women", "Current pregnancy", "nursing", "breast-feeding")
 * as {@link PregnancyRule}s; "pregnant or breastfeeding" together is one {@code AnyOf}. Words inside a clause set
 * aside for screening ("refrain from pregnancy", "pregnancy test") are not read.
 */
final class PregnancyRecogniser implements Recogniser {
  private static final Pattern WORD = Pattern.compile(
      "\\b(?:(?<preg>pregnan(?:t|cy|cies))|(?<lact>lactat(?:ing|ion)|breast[- ]?feed(?:ing)?|nursing"
          + "(?! home)|breast[- ]?fed))\\b");
  private static final Keywords HINT = Keywords.of("pregnan", "lactat", "breast", "nursing");
  private static final Pattern JOIN = Pattern.compile(
      "\\s*(?:,|or|and/or|and|nor|/)\\s*(?:(?:are|is|currently|women|woman|female|patients?)\\s+)*");

  /**
   * "Must have a negative serum pregnancy test within 7 days before Day 1": the test itself is done at screening; what
   * a record can say now is whether the patient is pregnant.
   */
  private static final Pattern NEGATIVE_TEST = Pattern.compile("\\bnegative (?:(?:serum|urine|urinary|blood|plasma"
      + "|highly sensitive|sensitive|β-?|beta[- ]?|b-)(?:\\s*(?:or|and/or|/)\\s*(?:serum|urine|urinary|blood))?\\s*)*"
      + "(?:(?:β|beta|b)?[- ]?hcg\\s*)?(?:pregnancy )?tests?\\b");

  private static final Pattern CHILDBEARING = Pattern.compile("\\b(?:(?:all |any )?(?:females?|women|woman"
      + "|(?:female|women) (?:patients?|subjects?|participants?))\\s+(?:of|with)\\s+(?:child[- ]?bearing|reproductive)"
      + "\\s+(?:potential|age)|wocbp|fcbp)\\b");

  @Override
  public void read(Sentence s) {
    if (!HINT.in(s.lower)) return;
    if (s.type == org.eligo.core.rule.CriterionType.INCLUSION && !s.negated) {
      Matcher test = NEGATIVE_TEST.matcher(s.lower);
      if (test.find() && s.lower.substring(test.start(), test.end()).contains("pregnan") && s.free(test.start(), test.end())) {
        s.read(test.start(), test.end(), new org.eligo.core.rule.Not(PregnancyRule.pregnant()));
        // "women of childbearing potential must have ...": only they can be pregnant, so the scope adds nothing
        Matcher who = CHILDBEARING.matcher(s.lower);
        while (who.find()) s.explain(who.start(), who.end());
        return;
      }
    }
    Matcher m = WORD.matcher(s.lower);
    List<int[]> spans = new ArrayList<>();
    List<Rule> rules = new ArrayList<>();
    while (m.find()) {
      if (s.asideAny(m.start(), m.end()) || !s.free(m.start(), m.end())) continue;
      if (s.lower.startsWith(" test", m.end()) || s.lower.startsWith(" status", m.end())) continue;
      Rule rule = m.group("preg") != null ? PregnancyRule.pregnant() : PregnancyRule.lactating();
      if (!spans.isEmpty() && JOIN.matcher(s.lower).region(spans.get(spans.size() - 1)[1], m.start()).matches()) {
        spans.get(spans.size() - 1)[1] = m.end();
        Rule previous = rules.remove(rules.size() - 1);
        List<Rule> parts = new ArrayList<>(previous instanceof AnyOf a ? a.rules() : List.of(previous));
        if (!parts.contains(rule)) parts.add(rule);
        rules.add(parts.size() == 1 ? parts.get(0) : new AnyOf(parts));
      } else {
        spans.add(new int[] {m.start(), m.end()});
        rules.add(rule);
      }
    }
    for (int i = 0; i < spans.size(); i++) s.read(spans.get(i)[0], spans.get(i)[1], rules.get(i));
  }
}
