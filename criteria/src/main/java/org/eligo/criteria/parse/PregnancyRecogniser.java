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
  private static final Keywords HINT = Keywords.of("pregnan", "lactat", "breast", "nursing", "birth");

  /**
   * A pregnancy, or a birth, within a time: "Pregnancy within the last 6 months", "Pregnant or delivered within 3
   * months", "Pregnancy or childbirth in the past 12 weeks", "Given birth within the previous 6 weeks" (§75).
   * "Delivered" and "delivery" only beside a pregnancy word ("radiation delivered within 4 weeks" is no birth).
   */
  private static final Pattern RECENT = Pattern.compile("\\b(?:pregnan(?:t|cy)(?:\\s*(?:,|or|and/or|/)\\s*(?:(?:recently"
      + "\\s+)?delivered|delivery|child-?birth|(?:gave|given)\\s+birth|post-?partum|parturition))?"
      + "|(?:(?:had|has|have)\\s+)?(?:child-?birth|(?:gave|given)\\s+birth))"
      + "\\s*,?\\s*(?:within|in|during)\\s+(?:the\\s+)?(?:(?:last|past|previous|preceding|prior)\\s+)?"
      + "(?:" + Durations.DURATION + "|(?<unitOnly>year|month))"
      + "(?:\\s+(?:prior\\s+to|before)\\s+(?:the\\s+)?(?:screening|enrol+ment|randomi[sz]ation|study\\s+entry|baseline"
      + "|inclusion|first\\s+dose(?:\\s+of\\s+(?:the\\s+)?study\\s+(?:drug|treatment|medication))?))?\\b");

  /**
   * Pregnant, or having given birth, within {@code days}: pregnant now; or a pregnancy the record ended within the
   * window (present in it and not active now: an "active" entry never closed is no evidence of a birth, §62); or,
   * for anyone who could have been pregnant (not male, aged 10 to 59), the question. A man and a woman of 60 or over
   * are not asked, as for a pregnancy now (§27). A birth named without a pregnancy word is only asked.
   */
  static Rule pregnantWithin(int days, String words, boolean pregnancyNamed) {
    java.util.Set<String> pregnancy = java.util.Set.of("pregnancy");
    Rule asked = org.eligo.core.rule.AllOf.of(
        new org.eligo.core.rule.Not(new org.eligo.core.rule.SexRule(java.util.Set.of(org.eligo.core.patient.Sex.MALE))),
        new org.eligo.core.rule.AgeRule(new org.eligo.core.trial.RegistryAge(PregnancyRule.YOUNGEST_ASKED,
            org.eligo.core.trial.RegistryAge.Unit.YEARS), true, new org.eligo.core.trial.RegistryAge(
            PregnancyRule.OLDEST_ASKED, org.eligo.core.trial.RegistryAge.Unit.YEARS), false),
        new org.eligo.core.rule.Ask("Was the patient pregnant, or did she give birth, in this time: \u201c" + words
            + "\u201d?"));
    // "Given birth within the previous 6 weeks": a birth alone is neither a pregnancy now nor any ended pregnancy (a
    // miscarriage is no birth): only asked
    if (!pregnancyNamed) return asked;
    return AnyOf.of(PregnancyRule.pregnant(),
        org.eligo.core.rule.AllOf.of(new org.eligo.core.rule.ConditionRule(pregnancy, java.util.Set.of(),
            new org.eligo.core.rule.TimeWindow.WithinDays(days), "pregnancy"),
            new org.eligo.core.rule.Not(new org.eligo.core.rule.ConditionRule(pregnancy, java.util.Set.of(),
                org.eligo.core.rule.TimeWindow.ACTIVE, "pregnancy"))),
        asked);
  }
  private static final Pattern JOIN = Pattern.compile(
      "\\s*(?:,|or|and/or|and|nor|/)\\s*(?:(?:are|is|currently|women|woman|female|patients?)\\s+)*");

  /**
   * "Must have a negative serum pregnancy test within 7 days before Day 1": the test itself is done at screening; what
   * a record can say now is whether the patient is pregnant.
   */
  private static final Pattern NEGATIVE_TEST = Pattern.compile("\\bnegative (?:(?:serum|urine|urinary|blood|plasma"
      + "|highly sensitive|sensitive|β-?|beta[- ]?|b-)(?:\\s*(?:or|and/or|/)\\s*(?:serum|urine|urinary|blood))?\\s*)*"
      + "(?:(?:β|beta|b)?[- ]?hcg\\s*)?(?:pregnancy )?tests?\\b");

  /**
   * "Positive pregnancy test at screening", "Positive serum or urine pregnancy test within 7 days of enrollment": in the
   * exclusion list, a pregnancy shown by its test. The record's pregnancy status (a recent hCG result among them) decides
   * it, as it decides "Pregnant"; a record without one leaves it asked.
   */
  private static final Pattern POSITIVE_TEST = Pattern.compile("\\bpositive (?:(?:serum|urine|urinary|blood|plasma"
      + "|highly sensitive|sensitive|β-?|beta[- ]?|b-)(?:\\s*(?:or|and/or|/)\\s*(?:serum|urine|urinary|blood))?\\s*)*"
      + "(?:(?:β|beta|b)?[- ]?hcg\\s*)?(?:pregnancy )?tests?\\b|\\bpregnancy tests?\\s+(?:is\\s+|that\\s+is\\s+)?positive\\b");

  /**
   * "within 72 hours before the first dose": when the test is to be done, a screening step the parser's windows (days
   * and longer) do not read; the record's pregnancy status is read as for any pregnancy criterion.
   */
  private static final Pattern TEST_HOURS = Pattern.compile("^\\s*(?:\\(\\s*)?within\\s+\\d+\\s*(?:hours?|hrs?|h)\\b(?:\\s+"
      + "(?:of|before|prior\\s+to)\\s+(?:the\\s+)?(?:first\\s+dose(?:\\s+of\\s+(?:the\\s+)?study\\s+(?:drug|treatment"
      + "|medication))?|enrol+ment|screening|randomi[sz]ation|day\\s*1|baseline|study\\s+(?:entry|start|drug|treatment)"
      + "|registration|inclusion))?");

  private static final Pattern CHILDBEARING = Pattern.compile("\\b(?:(?:all |any )?(?:females?|women|woman"
      + "|(?:female|women) (?:patients?|subjects?|participants?))\\s+(?:of|with)\\s+(?:child[- ]?bearing|reproductive)"
      + "\\s+(?:potential|age)|wocbp|fcbp)\\b");

  /**
   * A verb that puts the pregnancy in the past: "Females who have had a pregnancy", "Women who have ever been
   * pregnant", "Women who were pregnant during the previous year". Read as one now, a woman not pregnant now failed
   * them in the inclusion list (§62).
   */
  private static final String PAST_VERB = "|ha(?:ve|s|d)\\s+(?:ever\\s+)?(?:had|been)|had|ever\\s+been|were|was|became";
  /**
   * A pregnancy of the past, or one a disease is tied to: "History of pregnancy loss", "Pre-eclampsia in a previous
   * pregnancy", "Prior pregnancy morbidity", "Pregnancy-associated TTP", "Two or more pregnancies". It says nothing of
   * a pregnancy now: read as "pregnant", a woman of 70 (never asked, taken as not pregnant) failed "History of
   * pregnancy loss" in the inclusion list (§58). The word is left unread, so the sentence is asked.
   */
  private static final Pattern PAST_BEFORE = Pattern.compile("\\b(?:history\\s+of|prior|previous|past|former|earlier"
      + "|recent|last|after|since|at\\s+least\\s+(?:one|\\d+)|(?:≥|>=|>)\\s*\\d+|(?:one|two|three|\\d+)"
      + "\\s+or\\s+more" + PAST_VERB + ")\\s+(?:[a-z-]+\\s+)?$");
  /**
   * Breastfeeding that ended: "Women who stopped breastfeeding less than 3 months ago", "Mothers who ceased lactation
   * within the past 6 weeks". Read as breastfeeding now, a woman who has weaned failed them in the inclusion list
   * (§62); left unread, they are asked. ("Have been breastfeeding" is still now.)
   */
  private static final Pattern LACTATION_ENDED_BEFORE = Pattern.compile("\\b(?:stopped|ceased|discontinued|quit|ended"
      + "|finished|completed|weaned\\s+from|were|was)\\s+$");

  /**
   * An infant's breastfeeding: "Exclusively breast-fed infants", "Infants who are breastfed", "Infants currently
   * breastfeeding". The infant is fed; it is not the patient's lactation: read as one, every infant (under ten, taken
   * as not breastfeeding) failed them in the inclusion list (§62). The words are left unread, so the sentence is asked;
   * "breast-fed" (one who is, or was, fed) is never read as breastfeeding now.
   */
  private static final Pattern INFANT_BEFORE = Pattern.compile("\\b(?:infants?|neonates?|newborns?|bab(?:y|ies)"
      + "|toddlers?|child(?:ren)?)\\b(?![- ]?bearing)[^,;.()]{0,40}$");
  private static final Pattern INFANT_AFTER = Pattern.compile("^\\s+(?:infants?|neonates?|newborns?|bab(?:y|ies)"
      + "|toddlers?|child(?:ren)?)\\b");
  private static final Pattern MOTHER_BEFORE = Pattern.compile("\\b(?:women|woman|mothers?|females?|lactating"
      + "|nursing)\\b[^,;.()]{0,40}$");

  private static boolean notThePatientsLactation(Sentence s, int start, int end) {
    if (s.lower.substring(start, end).endsWith("fed")) return true;
    String before = s.lower.substring(Math.max(0, start - 60), start);
    if (LACTATION_ENDED_BEFORE.matcher(before).find()) return true;
    if (INFANT_BEFORE.matcher(before).find()) return true;
    return INFANT_AFTER.matcher(s.lower.substring(end)).find() && !MOTHER_BEFORE.matcher(before).find();
  }

  private static final Pattern PAST_AFTER = Pattern.compile("^(?:[- ](?:loss(?:es)?|morbidity|complications?|outcomes?"
      + "|history|related|associated|induced|specific)\\b|ies\\b)");

  /**
   * A partner's pregnancy or breastfeeding: "Male patients with a pregnant partner", "Men whose partners are pregnant
   * or breastfeeding". It is not the patient's: read as hers, every man failed it in the inclusion list and none was
   * excluded by it (§58). The words are left unread, so the sentence is asked.
   */
  private static final Pattern PARTNER_BEFORE = Pattern.compile("\\b(?:partners?|spouses?|wife|wives|girlfriends?)"
      + "\\b[^,;.()]{0,40}$");
  private static final Pattern PARTNER_AFTER = Pattern.compile("^\\s+(?:female\\s+)?(?:partners?|spouses?|wife|wives"
      + "|girlfriends?)\\b");

  private static boolean partners(Sentence s, int start, int end) {
    return PARTNER_AFTER.matcher(s.lower.substring(end)).find()
        || PARTNER_BEFORE.matcher(s.lower.substring(Math.max(0, start - 60), start)).find();
  }

  private static boolean past(Sentence s, int start, int end) {
    return s.lower.startsWith("pregnancies", start) || PAST_AFTER.matcher(s.lower.substring(end)).find()
        || PAST_BEFORE.matcher(s.lower.substring(Math.max(0, start - 40), start)).find();
  }

  @Override
  public void read(Sentence s) {
    if (!HINT.in(s.lower)) return;
    if (s.type == org.eligo.core.rule.CriterionType.INCLUSION && !s.negated) {
      Matcher test = NEGATIVE_TEST.matcher(s.lower);
      if (test.find() && s.lower.substring(test.start(), test.end()).contains("pregnan") && s.free(test.start(), test.end())) {
        s.read(test.start(), test.end(), new org.eligo.core.rule.Not(PregnancyRule.pregnant()));
        explainHours(s, test.end());
        // "women of childbearing potential must have ...": only they can be pregnant, so the scope adds nothing
        Matcher who = CHILDBEARING.matcher(s.lower);
        while (who.find()) s.explain(who.start(), who.end());
        return;
      }
    }
    // "Pregnant, breastfeeding, or positive pregnancy test": in the exclusion list a positive test is a pregnancy,
    // joined with the words beside it
    List<Found> found = new ArrayList<>();
    if (s.type == org.eligo.core.rule.CriterionType.EXCLUSION && !s.negated) {
      Matcher test = POSITIVE_TEST.matcher(s.lower);
      if (test.find() && s.free(test.start(), test.end())) {
        found.add(new Found(test.start(), test.end(), PregnancyRule.pregnant()));
        explainHours(s, test.end());
        Matcher who = CHILDBEARING.matcher(s.lower);
        while (who.find()) s.explain(who.start(), who.end());
      }
    }
    // "Pregnancy within the last 6 months", "Pregnant or delivered within 3 months": a pregnancy or birth in a time,
    // read as a pregnancy now it had admitted a woman delivered two months ago, and failed her in a postpartum trial
    if (!s.negated) {
      Matcher recent = RECENT.matcher(s.lower);
      while (recent.find()) {
        if (s.asideAny(recent.start(), recent.end()) || !s.free(recent.start(), recent.end())) continue;
        if (past(s, recent.start(), recent.end()) || partners(s, recent.start(), recent.end())) continue;
        int days = recent.group("unitOnly") != null ? (recent.group("unitOnly").equals("year") ? 365 : 30)
            : Durations.days(recent);
        if (days <= 0) continue;
        found.add(new Found(recent.start(), recent.end(), pregnantWithin(days,
            s.text.substring(recent.start(), recent.end()), s.lower.startsWith("pregnan", recent.start()))));
      }
    }
    Matcher m = WORD.matcher(s.lower);
    while (m.find()) {
      if (s.asideAny(m.start(), m.end()) || !s.free(m.start(), m.end())) continue;
      if (s.lower.startsWith(" test", m.end()) || s.lower.startsWith(" status", m.end())) continue;
      if (found.stream().anyMatch(f -> f.start() <= m.start() && m.end() <= f.end())) continue;
      if (m.group("preg") != null && past(s, m.start(), m.end())) continue;
      if (partners(s, m.start(), m.end())) continue;
      if (m.group("lact") != null && notThePatientsLactation(s, m.start(), m.end())) continue;
      found.add(new Found(m.start(), m.end(), m.group("preg") != null ? PregnancyRule.pregnant()
          : PregnancyRule.lactating()));
    }
    found.sort(java.util.Comparator.comparingInt(Found::start));
    List<int[]> spans = new ArrayList<>();
    List<Rule> rules = new ArrayList<>();
    for (Found f : found) {
      Rule rule = f.rule();
      if (!spans.isEmpty() && JOIN.matcher(s.lower).region(spans.get(spans.size() - 1)[1], f.start()).matches()) {
        spans.get(spans.size() - 1)[1] = f.end();
        Rule previous = rules.remove(rules.size() - 1);
        List<Rule> parts = new ArrayList<>(previous instanceof AnyOf a ? a.rules() : List.of(previous));
        if (!parts.contains(rule)) parts.add(rule);
        rules.add(parts.size() == 1 ? parts.get(0) : new AnyOf(parts));
      } else {
        spans.add(new int[] {f.start(), f.end()});
        rules.add(rule);
      }
    }
    for (int i = 0; i < spans.size(); i++) s.read(spans.get(i)[0], spans.get(i)[1], rules.get(i));
  }

  /** A pregnancy or breastfeeding named, or a positive pregnancy test: where, and what it reads as. */
  private record Found(int start, int end, Rule rule) {}

  /** Explains a test's time in hours right after it ("within 72 hours before the first dose"). */
  private static void explainHours(Sentence s, int from) {
    Matcher hours = TEST_HOURS.matcher(s.lower).region(from, s.lower.length());
    if (hours.lookingAt()) s.explain(hours.start(), hours.end());
  }
}
