package org.eligo.criteria.parse;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eligo.core.rule.AllOf;
import org.eligo.core.rule.AllergyRule;
import org.eligo.core.rule.AnyOf;
import org.eligo.core.rule.Ask;
import org.eligo.core.rule.ImmunizationRule;
import org.eligo.core.rule.MedicationRule;
import org.eligo.core.rule.MedicationTiming;
import org.eligo.core.rule.ProcedureRule;
import org.eligo.core.rule.Rule;
import org.eligo.core.rule.TimeWindow;
import org.eligo.criteria.lexicon.ConceptKind;
import org.eligo.criteria.lexicon.ConceptMention;

/**
 * Reads allergy and hypersensitivity to drugs: "allergy to sirolimus", "Anaphylactic or hypersensitivity reaction to
 * sirolimus", "allergic to the study drug" (the trial's drug interventions, when known). Anaphylaxis alone narrows the
 * rule to anaphylactic reactions. "Allergy or intolerance to eculizumab" is the allergy, or the drug taken and its
 * intolerance asked; "allergic reaction to compounds of similar chemical composition to X" is the allergy to X, or the
 * class asked (DECISIONS §35). A reaction to a drug ("Prior reaction to prothrombin complex concentrate", "reacted to
 * rituximab", "allergic or other reaction to X") is the allergy to it, or the drug taken and the reaction asked; a
 * reaction to a transfusion or to blood products is asked (DECISIONS §102): never the drug or transfusion alone.
 */
final class AllergyRecogniser implements Recogniser {
  private static final Pattern BETWEEN_DRUGS = Pattern.compile(
      "\\s*(?:,|or|and|and/or|other|any)?\\s*(?:other\\s+|any\\s+)?");
  private static final Pattern TRIGGER = Pattern.compile(
      "\\b(?:known\\s+)?(?<words>(?:(?:allerg(?:y|ies|ic)|hypersensitiv(?:e|ity|ities)|anaphyla(?:xis|ctic))"
          + "(?:\\s+(?:or|and/or|and)\\s+)?)+(?:intoleran(?:ce|ces|t))?)(?:\\s+reactions?)?\\s+(?:to|against|with)\\s+"
          + "(?:any\\s+of\\s+)?(?:the\\s+)?");
  /** "… to compounds of similar chemical composition to eltrombopag": a class around the drug, asked. */
  private static final Pattern SIMILAR = Pattern.compile("(?:compounds?|agents?|drugs?|medications?|substances?"
      + "|products?)\\s+(?:of|with)\\s+(?:an?\\s+)?similar\\s+(?:chemical\\s+)?(?:composition|structure|class)\\s+"
      + "(?:to|as)\\s+(?:the\\s+)?");
  private static final Pattern STUDY_DRUG = Pattern.compile(
      "(?:study|investigational|trial)\\s+(?:drugs?|medications?|products?|treatments?|agents?)");

  /**
   * "reaction(s) to X" with what may open it ("allergic or other", "idiosyncratic", "infusion", "adverse") and what
   * may stand before X ("any of the", "prior", "previous treatment with"); "reacted (adversely) to X". Not "chain
   * reaction" (PCR). A word before "reaction" that says how bad it was ("severe", "serious") stays a severity, asked.
   */
  private static final Pattern REACTION = Pattern.compile(
      "(?<!chain\\s)(?<![a-z-])(?:(?:allergic|hypersensitivity|anaphylactic)\\s+(?:or|and/or)\\s+(?:any\\s+)?(?:other\\s+)?)?"
          + "(?:(?:idiosyncratic|infusion(?:[- ]related)?|adverse|untoward|unexpected|drug)\\s+)?"
          + "(?:reactions?|reacted(?:\\s+(?:adversely|allergically|badly))?)\\s+(?:to|against|after|following)\\s+"
          + "(?:any\\s+(?:of\\s+)?)?(?:the\\s+|a\\s+|an\\s+)?(?:(?:prior|previous|previously\\s+(?:administered|received)"
          + "|earlier|past)\\s+)?(?:(?:treatment|therapy|exposure|administration|infusions?|doses?|use|courses?)\\s+"
          + "(?:with|of|to)\\s+)?");
  /** "transfusion reaction", "transfusion-related reactions", "platelet transfusion reaction". */
  private static final Pattern TRANSFUSION_REACTION = Pattern.compile("(?<![a-z-])(?:(?:blood|platelets?|red\\s+(?:blood\\s+)?cells?"
      + "|rbc|plasma)\\s+)?transfusions?(?:[- ](?:related|associated))?\\s+reactions?\\b");
  /** After "reaction to": a transfusion or blood products, named by words the terminology may not hold. */
  private static final Pattern TRANSFUSED = Pattern.compile("(?:(?:blood|platelets?|red\\s+(?:blood\\s+)?cells?|rbcs?|prbcs?"
      + "|packed\\s+red\\s+(?:blood\\s+)?cells?|plasma|cryoprecipitate)\\s+)?(?:product\\s+transfusions?|transfusions?"
      + "|products?|components?)\\b|(?:(?:packed\\s+)?red\\s+(?:blood\\s+)?cells?(?:\\s+concentrates?)?|p?rbcs?"
      + "|platelets?\\s+concentrates?|platelets|(?:fresh\\s+frozen\\s+)?plasma|ffp|cryoprecipitate|(?:whole\\s+)?blood)\\b"
      + "(?!\\s+(?:pressure|count|glucose|sugar|cells?|exchange|levels?))");
  private static final Set<ConceptKind> REACTED_TO = Set.of(ConceptKind.DRUG, ConceptKind.PROCEDURE,
      ConceptKind.VACCINE);
  /** What may join the items of one list: ", or", "and/or", "or any other". */
  private static final Pattern LIST_FILLER = Pattern.compile("\\s*(?:,\\s*)?(?:(?:and/or|or|and)\\s+)?(?:any\\s+)?(?:other\\s+)?");

  @Override
  public void read(Sentence s) {
    allergies(s);
    if (s.lower.contains("reaction") || s.lower.contains("reacted")) reactions(s);
  }

  private static void allergies(Sentence s) {
    if (!s.lower.contains("allerg") && !s.lower.contains("hypersens") && !s.lower.contains("anaphyla")) return;
    Matcher m = TRIGGER.matcher(s.lower);
    while (m.find()) {
      if (!s.free(m.start(), m.end())) continue;
      String words = m.group("words");
      boolean anaphylaxisOnly = words.contains("anaphyla") && !words.contains("allerg") && !words.contains("hyper");
      Set<String> concepts = new LinkedHashSet<>();
      String label = null;
      Matcher similar = SIMILAR.matcher(s.lower).region(m.end(), s.lower.length());
      boolean likeIt = similar.lookingAt();
      int end = likeIt ? similar.end() : m.end();
      for (ConceptMention c : s.mentions) {
        if (c.kind() != ConceptKind.DRUG || c.start() < end || !s.free(c.start(), c.end())) continue;
        String between = s.lower.substring(end, c.start());
        if (!BETWEEN_DRUGS.matcher(between).matches()) break;
        concepts.add(c.id());
        label = label == null ? ConceptRecogniser.label(c) : label + " or " + ConceptRecogniser.label(c);
        end = c.end();
      }
      if (concepts.isEmpty() && !likeIt) {
        Matcher study = STUDY_DRUG.matcher(s.lower).region(m.end(), s.lower.length());
        if (study.lookingAt() && !s.context.studyDrugConcepts().isEmpty()) {
          concepts.addAll(s.context.studyDrugConcepts());
          label = "the study drug";
          end = study.end();
        }
      }
      if (concepts.isEmpty()) continue;
      Rule allergy = new AllergyRule(concepts, anaphylaxisOnly, label);
      if (likeIt) {
        // a class the record cannot name: an allergy to the drug itself is one, anything else is asked
        allergy = new AnyOf(List.of(allergy, new Ask("Has the patient had an allergic reaction to a compound chemically "
            + "similar to " + label + ", as the trial means it: \u201c" + s.text + "\u201d?")));
      } else if (words.contains("intoleran")) {
        // "Known allergy or intolerance to eculizumab": an allergy on record, or the drug not tolerated (asked)
        allergy = new AnyOf(List.of(allergy, new AllOf(List.of(new MedicationRule(concepts, MedicationTiming.EVER,
            label), new Ask("Did the patient not tolerate " + label + " (stopped or unsuitable because of side"
            + " effects)?")))));
        int from = m.start();
        int to = m.end();
        s.hedges.removeIf(h -> h.family().equals("intolerant") && h.start() >= from && h.end() <= to);
      }
      s.read(m.start(), end, allergy);
    }
  }

  /**
   * A reaction to a drug or a transfusion, after the allergy words ("allergic reaction to X" is theirs). Read as the drug taken, a patient given PCC once without any reaction was excluded by "Prior reaction to
   * prothrombin complex concentrate" (DECISIONS §102).
   */
  private static void reactions(Sentence s) {
    Matcher t = TRANSFUSION_REACTION.matcher(s.lower);
    while (t.find()) {
      if (s.free(t.start(), t.end())) transfusionReaction(s, t.start(), t.end());
    }
    Matcher m = REACTION.matcher(s.lower);
    while (m.find()) {
      if (!s.free(m.start(), m.end())) continue;
      Set<String> concepts = new LinkedHashSet<>();
      String label = null;
      int end = m.end();
      int bloodFrom = -1;
      int bloodTo = -1;
      // "reaction to platelet transfusions or IVIG", "reaction to blood products or IVIG": the drugs and the blood
      // products of one list are all what the reaction is to; a drug left behind had been read as the drug taken
      // "reaction to plasma exchange", "reaction to influenza vaccine": the procedure or vaccine given, the reaction
      // asked (read alone, every patient who had it was excluded)
      List<ConceptMention> given = new ArrayList<>();
      while (true) {
        ConceptMention next = null;
        for (ConceptMention c : s.mentions) {
          if (!REACTED_TO.contains(c.kind()) || c.start() < end || !s.free(c.start(), c.end())) continue;
          if (BETWEEN_DRUGS.matcher(s.lower.substring(end, c.start())).matches()) next = c;
          break;
        }
        if (next != null && next.kind() == ConceptKind.DRUG) {
          concepts.add(next.id());
          label = label == null ? ConceptRecogniser.label(next) : label + " or " + ConceptRecogniser.label(next);
          end = next.end();
          continue;
        }
        Matcher filler = LIST_FILLER.matcher(s.lower).region(end, s.lower.length());
        int at = filler.lookingAt() ? filler.end() : end;
        Matcher transfused = TRANSFUSED.matcher(s.lower).region(at, s.lower.length());
        if (transfused.lookingAt() && s.free(at, transfused.end())) {
          if (bloodFrom < 0) bloodFrom = at;
          bloodTo = transfused.end();
          end = bloodTo;
          continue;
        }
        if (next == null) break;
        given.add(next);
        end = next.end();
      }
      if (concepts.isEmpty() && bloodFrom < 0) {
        Matcher study = STUDY_DRUG.matcher(s.lower).region(m.end(), s.lower.length());
        if (study.lookingAt() && !s.context.studyDrugConcepts().isEmpty()) {
          concepts.addAll(s.context.studyDrugConcepts());
          label = "the study drug";
          end = study.end();
        }
      }
      List<Rule> alternatives = new ArrayList<>();
      if (!concepts.isEmpty()) {
        // an allergy on record is such a reaction; else the drug taken and the reaction asked, never the drug alone
        Rule allergy = new AllergyRule(concepts, false, label);
        Rule taken = new MedicationRule(concepts, MedicationTiming.EVER, label);
        Rule asked = new Ask("Has the patient had a reaction to " + label + ", as the trial means it: \u201c" + s.text
            + "\u201d?");
        // "Infusion reaction to rituximab within 6 months": an allergy on record carries no date, so it only makes the
        // question worth asking; read as the reaction, an allergy of years ago excluded (DECISIONS §102 review)
        alternatives.add(dated(s, end) ? new AllOf(List.of(new AnyOf(List.of(allergy, taken)), asked))
            : new AnyOf(List.of(allergy, new AllOf(List.of(taken, asked)))));
      }
      if (bloodFrom >= 0) alternatives.add(transfusionRule(s, bloodFrom, bloodTo));
      for (ConceptMention c : given) {
        String named = ConceptRecogniser.label(c);
        Rule exposure = c.kind() == ConceptKind.VACCINE ? new ImmunizationRule(Set.of(c.id()), TimeWindow.EVER, named)
            : new ProcedureRule(Set.of(c.id()), TimeWindow.EVER, named);
        alternatives.add(new AllOf(List.of(exposure, new Ask("Has the patient had a reaction to " + named
            + ", as the trial means it: \u201c" + s.text + "\u201d?"))));
      }
      if (alternatives.isEmpty()) continue;
      int from = m.start();
      int to = end;
      s.hedges.removeIf(h -> h.family().equals("intolerant") && h.start() >= from && h.end() <= to);
      s.read(m.start(), end, alternatives.size() == 1 ? alternatives.get(0) : new AnyOf(alternatives));
    }
  }

  /** A time phrase other than "at any time" binds what ends at {@code position}, or which one does is unclear. */
  private static boolean dated(Sentence s, int position) {
    Timing t = s.timingFor(position);
    if (t == null) return true;
    return t.medication() != null && !(t.medication() instanceof MedicationTiming.Ever)
        || t.window() != null && !(t.window() instanceof TimeWindow.Ever);
  }

  /**
   * "History of transfusion reaction", "Reaction to previous transfusion", "Reactions to blood products": no record
   * names the reaction, and blood products are more than transfusions (IVIG, albumin, factor concentrates): asked.
   * A transfusion named plainly needs one given; "blood products" only asks.
   */
  private static void transfusionReaction(Sentence s, int start, int end) {
    Rule rule = transfusionRule(s, start, end);
    int from = start;
    int to = end;
    s.hedges.removeIf(h -> h.family().equals("intolerant") && h.start() >= from && h.end() <= to);
    s.read(start, end, rule);
  }

  private static Rule transfusionRule(Sentence s, int start, int end) {
    String span = s.lower.substring(start, end);
    Rule ask = new Ask("Has the patient had a reaction to a transfusion or blood product, as the trial means it: \u201c"
        + s.text + "\u201d?");
    boolean transfusion = span.contains("transfus");
    for (ConceptMention c : s.mentions) {
      if (c.start() < end && c.end() > start) transfusion &= c.kind() != ConceptKind.DRUG;
    }
    return transfusion
        ? new AllOf(List.of(new ProcedureRule(Set.of("transfusion"), TimeWindow.EVER, "blood transfusion"), ask))
        : ask;
  }
}
