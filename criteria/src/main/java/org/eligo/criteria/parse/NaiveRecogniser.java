package org.eligo.criteria.parse;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.List;
import org.eligo.core.rule.AllOf;
import org.eligo.core.rule.AnyOf;
import org.eligo.core.rule.CriterionType;
import org.eligo.core.rule.MedicationRule;
import org.eligo.core.rule.MedicationTiming;
import org.eligo.core.rule.Not;
import org.eligo.core.rule.Rule;

/**
 * A patient naive to a drug in the inclusion list: "Naive to complement inhibitor therapy", "Eculizumab-naïve",
 * "TPO-RA naive patients", "Patients must be treatment-naive to romiplostim", "Previously untreated with
 * eltrombopag", and with its restatement in brackets, "Complement-inhibitor naïve (no prior treatment with
 * eculizumab or ravulizumab)" (DECISIONS §73): the drug never taken,
 * {@code not(medication ever)}, as "No prior exposure to X" already reads. A medication list without the drug meets
 * it, one with it fails it, no list leaves it open. "Naive" had been read as a past moment and left unread. Only a
 * drug or drug class the terminology knows is read; "Treatment-naive" alone, or a disease ("untreated ITP"), names no
 * treatment the record can be searched for and stays asked.
 */
final class NaiveRecogniser implements Recogniser {
  private static final String WHO = "(?:(?:patients?|subjects?|participants?|adults?)\\s+(?:must\\s+be|should\\s+be"
      + "|who\\s+are|are)\\s+|(?:must|should)\\s+be\\s+)?";
  private static final Pattern NAIVE_TO = Pattern.compile("(?i)^\\s*" + WHO + "(?:(?:treatment|therapy)[- ])?"
      + "na[iï]ve\\s+(?:to|of)\\s+(?:(?:any\\s+)?(?:prior\\s+)?(?:treatment|therapy)\\s+with\\s+)?(?:any\\s+)?(?:prior\\s+)?"
      + "(?<x>[^,;:()]+?)(?:\\s+(?:therapy|therapies|treatment|treatments|agents?|drugs?))?\\s*[.;]?\\s*$");
  private static final Pattern X_NAIVE = Pattern.compile("(?i)^\\s*" + WHO + "(?<x>[\\p{L}\\d][\\p{L}\\d /-]*?)"
      + "(?:\\s+(?:therapy|treatment))?[- ]na[iï]ve(?:\\s+(?:patients?|subjects?|participants?|adults?))?\\s*[.;]?\\s*$");

  /** "Previously untreated with eltrombopag": read as "untreated" not understood beside the drug, it required it. */
  private static final Pattern UNTREATED = Pattern.compile("(?i)^\\s*" + WHO + "(?:previously\\s+|prior(?:ly)?\\s+)?"
      + "untreated\\s+(?:with|by)\\s+(?:any\\s+)?(?:prior\\s+)?(?<x>[^,;:()]+?)(?:\\s+(?:therapy|therapies|treatment"
      + "|agents?|drugs?))?\\s*[.;]?\\s*$");

  @Override
  public void read(Sentence s) {
    if (s.type != CriterionType.INCLUSION || !s.children.isEmpty() || !s.lower.contains("na")
        && !s.lower.contains("untreated")) {
      return;
    }
    Rule naive = naive(s, s.text);
    if (naive != null) {
      s.settle(naive);
      return;
    }
    // "Complement-inhibitor naïve (no prior treatment with eculizumab or ravulizumab)", "No prior treatment with a
    // TPO-RA (TPO-RA naive)", "Treatment-naive (no prior eculizumab)": the naive words and their restatement, each
    // the drugs never taken; a bare "treatment-naive" is what the brackets define
    Matcher p = BRACKETED.matcher(s.text);
    if (!p.matches()) return;
    String outside = p.group("out").strip();
    String inside = p.group("in").strip();
    Rule in = naiveOrDenied(s, inside);
    Rule out = naiveOrDenied(s, outside);
    if (in == null && BARE.matcher(inside).matches() && out != null) in = out;
    if (out == null && BARE.matcher(outside).matches() && in != null) out = in;
    if (in == null || out == null) return;
    s.settle(in.equals(out) ? in : new AllOf(List.of(out, in)));
  }

  private static final Pattern BRACKETED = Pattern.compile("(?s)^(?<out>[^()]+?)\\s*\\((?:i\\.e\\.,?\\s*|that is,?\\s*"
      + "|defined as\\s*)?(?<in>[^()]+)\\)\\s*[.;]?\\s*$");
  private static final Pattern BARE = Pattern.compile("(?i)^\\s*(?:(?:treatment|therapy)[- ])?na[iï]ve(?:\\s+(?:patients?"
      + "|subjects?|participants?))?\\s*$");

  /** Naive to drugs (the drugs never taken), or null. */
  private static Rule naive(Sentence s, String text) {
    Matcher m = NAIVE_TO.matcher(text);
    if (!m.matches()) {
      m = X_NAIVE.matcher(text);
      if (!m.matches()) m = UNTREATED.matcher(text);
      if (!m.matches()) return null;
    }
    Rule taken = s.parser.parseNested("Prior treatment with " + m.group("x").strip(), s.type, s.depth + 1);
    return everTaken(taken) ? new Not(taken) : null;
  }

  /** Naive to drugs, or a denial of drugs at any time the other passes read ("no prior treatment with X"), or null. */
  private static Rule naiveOrDenied(Sentence s, String text) {
    if (text.toLowerCase(java.util.Locale.ROOT).matches("(?s).*\\bna[iï]ve\\b.*")) return naive(s, text);
    Rule rule = s.parser.parseNested(text, s.type, s.depth + 1);
    return rule instanceof Not n && everTaken(n.rule()) ? rule : null;
  }

  /** A drug (or any of several) at any time, and nothing else. */
  private static boolean everTaken(Rule rule) {
    return switch (rule) {
      case MedicationRule m -> m.timing() == MedicationTiming.EVER;
      case AnyOf a -> a.rules().stream().allMatch(NaiveRecogniser::everTaken);
      default -> false;
    };
  }
}
