package org.eligo.criteria.parse;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eligo.core.rule.AnyOf;
import org.eligo.core.rule.Not;
import org.eligo.core.rule.Rule;
import org.eligo.core.rule.ViralLoadRule;
import org.eligo.criteria.lexicon.ConceptKind;
import org.eligo.criteria.lexicon.ConceptMention;

/**
 * "Hepatitis C with detectable viral load", "Hepatitis B or C with a detectable viral load", "HIV infection with
 * undetectable viral load": a viral load named after the infections it belongs to. The qualifier is read as the
 * latest load of each infection's own test (HBV DNA, HCV RNA, HIV-1 RNA), and the assembler joins it to the
 * infections ({@code allOf}). A "suppressed" load is not an undetectable one (HIV programmes call a load below 200 or
 * 1,000 copies/mL suppressed, and 45 copies/mL is detected), so "with suppressed viral load" is not read here. With
 * several infections a detectable load is any of theirs (a load found shows its own infection, so any of them
 * satisfies the sentence); an undetectable one is read only for a single infection (with two, one load undetectable
 * and the other found would still meet "B or C with undetectable viral load").
 *
 * <p>Read only when every disease named before it in its clause is one of the three (a viral load of "tuberculosis or
 * HIV" is left alone), and when they are not alternatives the assembler joins ("hepatitis B or HIV infection with
 * detectable viral load" stays the infections beside a question; "hepatitis B or C", one name, is read).
 */
final class ViralLoadQualifierRecogniser implements Recogniser {
  private static final Pattern QUALIFIER = Pattern.compile("\\b(?:with|and|having|who\\s+(?:have|has))\\s+(?:an?\\s+)?"
      + "(?<span>(?<word>detectable|undetectable|positive|negative)\\s+(?:(?<virus>hiv|hbv"
      + "|hcv)\\s+)?viral\\s+loads?|viral\\s+loads?\\s+(?<after>detectable|undetectable|(?:not\\s+)?detected))\\b");
  private static final Pattern B = Pattern.compile("\\bhepatitis\\s+b\\b|\\bhbv\\b|\\bhbsag\\b");
  private static final Pattern C = Pattern.compile("\\bhepatitis\\s+(?:b\\s*(?:,|/|or|and|and/or)\\s*)?c\\b|\\bhcv\\b");
  private static final Pattern HIV = Pattern.compile("\\bhiv(?:-?1)?\\b|human\\s+immunodeficiency\\s+virus");
  private static final Pattern SHARED_HEAD = Pattern.compile("\\bhepatitis\\s+b\\s*(?:,|/|or|and|and/or)\\s*c\\b");
  private static final Pattern LIST = Pattern.compile("\\b(?:or|and|nor)\\b|[,/]");
  private static final Map<String, String> TESTS = Map.of(InfectionTestRecogniser.HEPATITIS_B, "hbv-dna",
      InfectionTestRecogniser.HEPATITIS_C, "hcv-rna", InfectionTestRecogniser.HIV, "hiv-1-rna");
  private static final Map<String, String> VIRUSES = Map.of("hbv", InfectionTestRecogniser.HEPATITIS_B, "hcv",
      InfectionTestRecogniser.HEPATITIS_C, "hiv", InfectionTestRecogniser.HIV);
  private static final Set<String> ALLOWED = Set.of(InfectionTestRecogniser.HEPATITIS_B,
      InfectionTestRecogniser.HEPATITIS_C, InfectionTestRecogniser.HIV, "infection");

  @Override
  public void read(Sentence s) {
    if (!s.lower.contains("viral load") || ViralLoadLimitRecogniser.timed(s)) return;
    Matcher m = QUALIFIER.matcher(s.lower);
    while (m.find()) {
      int start = m.start("span");
      int end = m.end("span");
      if (!s.free(start, end)) continue;
      int clause = Math.max(s.lower.lastIndexOf(';', start), s.lower.lastIndexOf('.', start)) + 1;
      String before = s.lower.substring(clause, start);
      Set<String> infections = new LinkedHashSet<>();
      if (B.matcher(before).find()) infections.add(InfectionTestRecogniser.HEPATITIS_B);
      if (C.matcher(before).find()) infections.add(InfectionTestRecogniser.HEPATITIS_C);
      if (HIV.matcher(before).find()) infections.add(InfectionTestRecogniser.HIV);
      if (infections.isEmpty() || otherDisease(s, clause, start)) continue;
      // a load named by its virus ("with detectable HBV viral load") is that virus's only: read as any named
      // infection's, it excluded a patient with hepatitis C and a detectable HCV RNA under "Hepatitis B or C with
      // detectable HBV viral load"; a virus not named before it leaves the qualifier unread
      String virus = m.group("virus");
      if (virus != null) {
        String only = VIRUSES.get(virus);
        if (!infections.contains(only)) continue;
        infections = Set.of(only);
      }
      // alternatives before it ("hepatitis B or HIV infection with …") are joined by the assembler, which cannot
      // join a reading after them: left as they were (the qualifier beside all, asked); "hepatitis B or C" is one
      if (LIST.matcher(SHARED_HEAD.matcher(before).replaceAll(" ")).find()) continue;
      String word = m.group("word") != null ? m.group("word") : m.group("after");
      boolean found = word.equals("detectable") || word.equals("positive") || word.equals("detected");
      if (!found && infections.size() > 1) continue;
      List<Rule> loads = new ArrayList<>();
      for (String infection : infections) {
        String test = TESTS.get(infection);
        loads.add(new ViralLoadRule(test, infection, InfectionTestRecogniser.LOAD_LABELS.get(test), null, 0, "",
            s.context.settings().recencyDays()));
      }
      Rule rule = loads.size() == 1 ? loads.get(0) : new AnyOf(loads);
      s.read(start, end, found ? rule : new Not(rule));
    }
  }

  /** Whether a disease other than the three viral infections is named in [from, to). */
  private static boolean otherDisease(Sentence s, int from, int to) {
    for (ConceptMention c : s.mentions) {
      if (c.start() >= from && c.end() <= to && c.kind() == ConceptKind.CONDITION && !ALLOWED.contains(c.id())) {
        return true;
      }
    }
    return false;
  }
}
