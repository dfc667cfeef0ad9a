package org.eligo.criteria.parse;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eligo.criteria.lexicon.ConceptKind;
import org.eligo.criteria.lexicon.ConceptMention;

/**
 * Finds a sentence-opening negation ("No active infections", "Not pregnant or breastfeeding", "Free of", "Without")
 * and exceptions ("except for localized basal cell carcinoma", "excluding congenital AA", "other than"): the first
 * negates the sentence's rule, the second lists conditions that do not count. An exception whose words are not all
 * understood becomes a question, so the rule never counts a condition the text excepted; its diseases are then not
 * excepted (found by a broader name, "lymphoma" in "Hodgkin lymphoma", they would except the disease itself).
 */
final class NegationRecogniser implements Recogniser {
  /**
   * "No more than 2 prior therapies including rituximab", "Not less than 1 prior line": a count's limit, not a denial
   * (read as one, a patient who had rituximab as the one prior therapy was excluded).
   */
  private static final Pattern LEADING = Pattern.compile(
      "^(?:(?:patients?|subjects?|participants?) (?:with |who have |has |have )?)?(?:no|not|non|without|free of"
          + "|absence of|never|neither|none of)\\b(?!\\s+(?:more|less|fewer|greater|later|earlier|longer|shorter)"
          + "\\s+than\\b)[- ]?");

  /**
   * "Anemia unrelated to PNH" excepts the anemia PNH causes: read as a name, PNH had become what the sentence
   * requires (an inclusion failed every patient without PNH).
   */
  private static final Pattern EXCEPT = Pattern.compile(
      "\\b(?:except(?: for)?|excluding|other than|with the exception of|apart from|but not|unrelated to)\\b");

  private static final Pattern EXCEPT_FILLER = Pattern.compile(
      "(?:\\s|,|\\.|\\(|\\)|\\bor\\b|\\band\\b|\\bthe\\b|\\bof\\b|\\bskin\\b|\\blocali[sz]ed\\b|\\blocal\\b"
          + "|\\bin situ\\b|\\btreated\\b|\\bcured\\b|\\badequately\\b|\\ba\\b)+");

  /** Whether a word left in an exception does not stop it being understood ("treated", "localized", "of the skin"). */
  static boolean excepting(String word) {
    return EXCEPT_FILLER.matcher(word).matches();
  }

  @Override
  public void read(Sentence s) {
    Matcher lead = LEADING.matcher(s.lower);
    if (lead.lookingAt() && !s.explainedAny(lead.start(), lead.end()) && !compoundNon(s.lower, lead)) {
      s.negated = true;
      s.explain(lead.start(), lead.end());
    }
    fusedNon(s);
    unless(s);
    Matcher ex = EXCEPT.matcher(s.lower);
    while (ex.find()) {
      if (s.explainedAny(ex.start(), ex.end())) continue;
      int end = clauseEnd(s.lower, ex.end());
      boolean any = false;
      java.util.List<String> excepted = new java.util.ArrayList<>();
      for (ConceptMention m : s.mentions) {
        if (m.start() >= ex.end() && m.end() <= end && m.kind() == ConceptKind.CONDITION
            && !exceptsWhatItNarrows(s, m, ex.start()) && narrows(s, m, ex.start())) {
          excepted.add(m.id());
          s.consume(m.start(), m.end());
          any = true;
        } else if (m.start() >= ex.end() && m.end() <= end && m.kind() != ConceptKind.MEASURE) {
          // "a JAK inhibitor other than ruxolitinib": the drug excepted is never what the sentence asks for; no rule
          // says "except this drug", so the exception stays a question
          s.consume(m.start(), m.end());
        }
      }
      s.explain(ex.start(), ex.end());
      String rest = blankMentions(s, ex.end(), end);
      if (!any || !EXCEPT_FILLER.matcher(rest).matches()) {
        // "Lymphoma of any type except Hodgkin lymphoma", "Any malignancy except non-melanoma skin cancer": a kind the
        // terminology does not name, found only by its broader name; excepting that name excepted the very disease
        // the sentence names (an inclusion then excluded every patient with lymphoma). Only the question stays.
        s.hedge(ex.start(), end, "exception", null);
      } else {
        s.except.addAll(excepted);
        s.explain(ex.start(), end);
      }
    }
  }

  /**
   * "Malignancy other than non-melanoma skin cancer": an exception read as the very concept it narrows (or a broader
   * one: "cancer") would except everything, so no malignancy would count; it is not understood and stays a question.
   */
  private static boolean exceptsWhatItNarrows(Sentence s, ConceptMention excepted, int exceptAt) {
    for (ConceptMention m : s.mentions) {
      if (m.end() > exceptAt || m.kind() != ConceptKind.CONDITION) continue;
      if (m.id().equals(excepted.id()) || s.context.lexicon().broaderThan(m.id()).contains(excepted.id())) return true;
    }
    return false;
  }

  /**
   * Whether the disease excepted is a kind of one named before the exception ("malignancy except basal cell
   * carcinoma"). One that is not ("ITP but not lymphoma") is another disease the patient may have beside it: excepting
   * it from the diagnoses counted had still counted the ITP of a patient with lymphoma, whom the sentence spares.
   */
  private static boolean narrows(Sentence s, ConceptMention excepted, int exceptAt) {
    for (ConceptMention m : s.mentions) {
      if (m.end() > exceptAt || m.kind() != ConceptKind.CONDITION) continue;
      if (s.context.lexicon().broaderThan(excepted.id()).contains(m.id())) return true;
    }
    return false;
  }

  private static final Pattern UNLESS = Pattern.compile("\\bunless\\b");
  private static final Pattern UNLESS_END = Pattern.compile(",\\s*(?:or|and)\\b|;|\\)|\\.\\s");

  /**
   * "Hemoglobin &lt; 10 g/dL unless due to MDS", "No history of thrombosis unless on anticoagulation": what "unless"
   * names is the exception, never what the sentence asks for. Its concepts are not read (the "unless" stays a
   * question); read as part of the rule they had made it stricter ("no thrombosis and no anticoagulant" met by a
   * patient with a thrombosis and no anticoagulant). Inside a parenthesis right after a limit ("ALT &gt; 3 × ULN
   * (unless attributed to liver cGVHD)") the assembler reads them as whom the exception is for.
   */
  private static void unless(Sentence s) {
    Matcher u = UNLESS.matcher(s.lower);
    while (u.find()) {
      int open = s.lower.lastIndexOf('(', u.start());
      if (open >= 0 && s.lower.indexOf(')', open) < 0 || open >= 0 && s.lower.indexOf(')', open) > u.start()) continue;
      Matcher e = UNLESS_END.matcher(s.lower).region(u.end(), s.lower.length());
      int end = e.find() ? e.start() : s.lower.length();
      for (ConceptMention m : s.mentions) {
        if (m.start() >= u.end() && m.end() <= end && m.kind() != ConceptKind.MEASURE) s.consume(m.start(), m.end());
      }
    }
  }

  /**
   * "Non-steroidal anti-inflammatory drugs", "Non-fasting glucose", "Non-transfusion-dependent thalassemia",
   * "Non-Hodgkin lymphoma": "non-" glued to a word makes a compound adjective, not a negation of the sentence. Only
   * "non-pregnant", "non-lactating" and "non-smoker" keep negating it.
   */
  private static boolean compoundNon(String lower, Matcher lead) {
    if (!lower.substring(lead.start(), lead.end()).endsWith("non-")) return false;
    return !NEGATING_NON.matcher(lower).region(lead.end(), lower.length()).lookingAt();
  }

  private static final Pattern NEGATING_NON = Pattern.compile("(?:pregnan|lactat|breast|nursing|smok)");

  /** "non-" or "non " right before a name. */
  private static final Pattern NON_BEFORE = Pattern.compile("(?<![a-z])non[- ]?$");

  /**
   * "Non-splenectomized patients", "non-diabetic": a "non" fused to a name the terminology reads denies it, which no
   * rule here says; read as the name, an inclusion required the very thing it rules out (a patient who kept the spleen
   * was INELIGIBLE under "Only non-splenectomized patients are eligible"). The sentence is then not understood. A name
   * that holds its own "non" ("non-Hodgkin lymphoma") is read as found.
   */
  private static void fusedNon(Sentence s) {
    for (ConceptMention m : s.mentions) {
      int from = Math.max(0, m.start() - 4);
      Matcher non = NON_BEFORE.matcher(s.lower.substring(from, m.start()));
      if (!non.find() || s.explainedAny(from + non.start(), m.start())) continue;
      s.hedge(from + non.start(), m.start(), "negative", null);
    }
  }

  /** The clause after "except": to the closing parenthesis, a semicolon or the end. */
  private static int clauseEnd(String text, int from) {
    int depth = 0;
    for (int i = from; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '(') depth++;
      else if (c == ')') {
        if (depth == 0) return i;
        depth--;
      } else if (c == ';') return i;
    }
    return text.length();
  }

  private static String blankMentions(Sentence s, int from, int to) {
    StringBuilder b = new StringBuilder(s.lower.substring(from, to));
    for (ConceptMention m : s.mentions) {
      if (m.start() >= from && m.end() <= to) {
        for (int i = m.start(); i < m.end(); i++) b.setCharAt(i - from, ' ');
      }
    }
    return b.toString().isBlank() ? " " : b.toString();
  }
}
