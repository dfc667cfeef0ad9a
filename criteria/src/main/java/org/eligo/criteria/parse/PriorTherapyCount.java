package org.eligo.criteria.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eligo.core.rule.AllOf;
import org.eligo.core.rule.AnyOf;
import org.eligo.core.rule.Ask;
import org.eligo.core.rule.AtLeast;
import org.eligo.core.rule.MedicationRule;
import org.eligo.core.rule.ProcedureRule;
import org.eligo.core.rule.Rule;
import org.eligo.core.rule.Unparsed;

/**
 * A count of prior treatments written inline, without "the following": "Previously treated with at least two of:
 * corticosteroids, IVIG, rituximab, TPO-RA", "Received ≥ 2 of corticosteroids, IVIG or rituximab", "Prior exposure
 * to two or more of the following agents: eltrombopag, romiplostim, avatrombopag" (DECISIONS §73). Read as one
 * sentence, every drug named had been required ("all of"), so a patient given two of the four failed. Each listed
 * item is one treatment of the count (a class, however many of its drugs the record holds, counts once); the count
 * is {@link #atLeast}: met on as many distinct items, failed only when the record's medication list holds none of
 * them, and asked in between, since records often miss a course given elsewhere. A lead that asks for more than
 * exposure ("Failed at least two of …", "Refractory to …") keeps that judgement a question.
 */
final class PriorTherapyCount implements Recogniser {
  private static final String N = Numbers.NUMBER;
  private static final Pattern COUNT = Pattern.compile("(?i)^\\s*(?<lead>[^:;≥]*?)\\s*(?:(?:at\\s+least|a\\s+minimum"
      + "\\s+of|minimum\\s+of|no\\s+fewer\\s+than|≥|>=)\\s*(?<n>" + N + ")|(?<more>" + N + ")\\s+or\\s+more)\\s+"
      + "(?:\\(\\d\\)\\s*)?(?:(?:different|distinct|separate)\\s+)?(?:(?:prior\\s+)?(?:agents?|drugs?|therap(?:y|ies)"
      + "|treatments?|medications?|regimens?|classes)\\s+)?(?:of|from|among)\\s*(?:(?:the\\s+)?following(?:\\s+"
      + "(?:agents|drugs|therapies|treatments|medications|regimens))?|these)?\\s*:?\\s*(?<list>[^:]+?)[.;]?\\s*$");

  /** Leads that ask for exposure only: the count decides. */
  private static final Pattern EXPOSURE_LEAD = Pattern.compile("(?i)^(?:(?:patients?|subjects?|participants?)\\s+)?"
      + "(?:(?:must|should)\\s+(?:have\\s+)?|(?:has|have|had)\\s+)?(?:been\\s+)?(?:previously\\s+|prior(?:ly)?\\s+)?"
      + "(?:received|treated\\s+with|exposed\\s+to|(?:prior\\s+|previous\\s+)?(?:exposure|treatment|therapy)\\s+"
      + "(?:to|with)|use\\s+of)?$");
  /** Leads that ask for a judgement beside exposure: the count and the question. */
  private static final Pattern JUDGEMENT_LEAD = Pattern.compile("(?i)^(?:(?:patients?|subjects?|participants?)\\s+)?"
      + "(?:(?:must|should)\\s+(?:have\\s+)?|(?:has|have|had)\\s+)?(?:been\\s+)?(?:failed|refractory\\s+to|relapsed"
      + "\\s+(?:after|on|following)|intolerant\\s+(?:to|of)|(?:had\\s+)?(?:an\\s+)?(?:inadequate|insufficient)"
      + "\\s+response\\s+to|resistant\\s+to|(?:refractory|intolerant)\\s+(?:or|and/or)\\s+(?:refractory|intolerant)"
      + "\\s+to)(?:\\s+(?:treatment|therapy)\\s+with)?$");
  /** "Exposure to at least two different TPO-RAs", "Have received at least 1 prior TPO-RA": agents of one class. */
  private static final Pattern AGENTS = Pattern.compile("(?i)^\\s*(?<lead>[^:;≥]*?)\\s*(?:(?:at\\s+least|a\\s+minimum"
      + "\\s+of|minimum\\s+of|no\\s+fewer\\s+than|≥|>=)\\s*(?<n>" + N + ")|(?<more>" + N + ")\\s+or\\s+more)\\s+"
      + "(?:(?:different|distinct|separate)\\s+)?(?:prior\\s+|previous\\s+)?(?<x>[^,;:()]+?)\\s*[.;]?\\s*$");
  private static final Pattern NOT_AGENTS = Pattern.compile("(?i)\\b(?:days?|weeks?|wks?|months?|mos?|years?|yrs?"
      + "|hours?|cycles?|doses?|courses?|since|before|after|within|prior\\s+to|following|until|mg|[≥≤<>=])\\b|[≥≤<>=]");
  /**
   * "2 prior treatments including corticosteroids", "2 regimens, one of which a TPO-RA": a count of treatments of which
   * the class named is one, not a count of the class's agents (two corticosteroids are one line, §73).
   */
  private static final Pattern TREATMENTS_INCLUDING = Pattern.compile("(?i)\\b(?:including|includes?|one\\s+of"
      + "\\s+which|of\\s+which)\\b");
  private static final Pattern JOINS = Pattern.compile("(?i)\\s+(?:and/or|or|and)\\s+");

  /**
   * Whether the words before a count ask for treatments received or failed ("Previously treated with", "Failed"): such
   * a count is this pass's, which counts distinct treatments and asks when the record shows fewer, not the generic
   * inline count's ({@link ListOfFollowingRecogniser}), which needs every listed drug the patient had on record.
   */
  static boolean treatmentLead(String lead) {
    String l = lead.strip();
    return !l.isEmpty() && (EXPOSURE_LEAD.matcher(l).matches() || JUDGEMENT_LEAD.matcher(l).matches());
  }

  @Override
  public void read(Sentence s) {
    if (!s.children.isEmpty()) return;
    Matcher m = COUNT.matcher(s.text);
    if (!m.matches()) {
      agents(s);
      return;
    }
    String lead = m.group("lead").strip();
    boolean judgement = JUDGEMENT_LEAD.matcher(lead).matches();
    if (!judgement && !EXPOSURE_LEAD.matcher(lead).matches()) return;
    int n = Numbers.count(m.group("n") != null ? m.group("n") : m.group("more"));
    List<String> items = new ArrayList<>();
    for (String part : ListOfFollowingRecogniser.inlineParts(m.group("list"))) {
      for (String item : JOINS.split(part)) if (!item.isBlank()) items.add(item.strip());
    }
    if (items.size() < 2) return;
    List<Rule> parts = new ArrayList<>();
    for (String item : items) {
      parts.add(s.parser.parseNested("Prior treatment with " + item, s.type, s.depth + 1));
    }
    if (n < 1 || n > parts.size()) {
      s.settle(new Unparsed("asks for " + n + " of a list of " + parts.size()));
      return;
    }
    Rule rule = atLeast(n, parts, s.text);
    if (rule == null && lead.isEmpty()) {
      // "At least two of: ANC < 0.5, platelets < 20, reticulocytes < 60": not treatments, counted as written, as "at
      // least two of the following:" is (§38); read as one sentence, all three had been required
      parts.clear();
      for (String item : items) parts.add(s.parser.parseNested(item, s.type, s.depth + 1));
      rule = n == 1 ? new AnyOf(parts) : new AtLeast(n, parts);
    }
    if (rule == null) return;
    s.settle(judgement ? new AllOf(List.of(rule, new Ask("Does this apply to the patient, as the trial means it: "
        + "\u201c" + s.text.strip() + "\u201d?"))) : rule);
  }

  /**
   * At least {@code n} of the treatments listed: met on as many distinct items, failed only when none of them is
   * recorded, asked in between ("The record shows fewer than 2 of …"), since a course given elsewhere is often missing
   * from a medication list. Null when the items are not treatments (each read as a drug or procedure at any time, or
   * left unread) or none of them is a drug: the caller keeps its own reading.
   */
  static Rule atLeast(int n, List<Rule> parts, String text) {
    boolean drug = false;
    for (Rule p : parts) {
      if (p instanceof MedicationRule m && m.timing() == org.eligo.core.rule.MedicationTiming.EVER) drug = true;
      else if (!(p instanceof ProcedureRule || p instanceof Unparsed)) return null;
    }
    if (!drug) return null;
    if (n <= 1) return new AnyOf(parts);
    return new AnyOf(List.of(new AtLeast(n, parts), new AllOf(List.of(new AnyOf(parts), new Ask("The record shows "
        + "fewer than " + n + " of the treatments listed: has the patient received at least " + n + " of them, as the "
        + "trial means it: \u201c" + text.strip() + "\u201d?")))));
  }

  /**
   * "Exposure to at least two different TPO-RAs", "Treated with ≥ 2 TPO-RAs", "Have received at least 1 prior TPO-RA":
   * distinct agents of one class. At least one is the class taken; more are any of (at least N of the class's single
   * agents, all of (the class taken, ask)): two different agents on record MET, one (or the class written without an
   * agent) asked, none on a medication list NOT_MET.
   */
  private static void agents(Sentence s) {
    Matcher m = AGENTS.matcher(s.text);
    if (!m.matches()) return;
    String lead = m.group("lead").strip();
    boolean judgement = JUDGEMENT_LEAD.matcher(lead).matches();
    if (!judgement && !EXPOSURE_LEAD.matcher(lead).matches()) return;
    // "At least 1 month since the last dose of rituximab": a time, not a count of agents
    if (NOT_AGENTS.matcher(m.group("x")).find()) return;
    if (TREATMENTS_INCLUDING.matcher(m.group("x").strip()).find()) return;
    int n = Numbers.count(m.group("n") != null ? m.group("n") : m.group("more"));
    Rule taken = s.parser.parseNested("Prior treatment with " + m.group("x").strip(), s.type, s.depth + 1);
    if (!(taken instanceof MedicationRule drug) || drug.timing() != org.eligo.core.rule.MedicationTiming.EVER
        || drug.concepts().size() != 1 || n < 1) {
      return;
    }
    Rule rule = taken;
    if (n > 1) {
      java.util.Set<String> agents = s.context.lexicon().agentsOf(drug.concepts().iterator().next());
      if (agents.size() < n) return;
      List<Rule> each = new ArrayList<>();
      for (String agent : agents) each.add(new MedicationRule(java.util.Set.of(agent), drug.timing(), agent));
      rule = new AnyOf(List.of(new AtLeast(n, each), new AllOf(List.of(taken, new Ask("The record shows fewer than "
          + n + " different " + drug.label() + ": has the patient received at least " + n + ", as the trial means "
          + "it: \u201c" + s.text.strip() + "\u201d?")))));
    }
    s.settle(judgement ? new AllOf(List.of(rule, new Ask("Does this apply to the patient, as the trial means it: "
        + "\u201c" + s.text.strip() + "\u201d?"))) : rule);
  }
}
