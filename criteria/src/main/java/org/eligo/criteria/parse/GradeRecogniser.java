package org.eligo.criteria.parse;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eligo.criteria.lexicon.ConceptKind;
import org.eligo.criteria.lexicon.ConceptMention;

/**
 * Reads a class a disease is graded by, which records rarely hold: "NYHA class III or IV", "New York Heart Association
 * class III-IV", "Child-Pugh class B or C", "Child-Pugh B/C", "Child-Pugh score ≥ 7". The class is a question
 * ("Is the patient's heart failure NYHA class III or IV?"), as "severe" is ({@link HedgeRecogniser}): the disease alone
 * never excludes, since its class may be one the trial admits. Where the sentence names no disease the class grades,
 * the class names it (NYHA: heart failure; Child-Pugh: liver cirrhosis), so a patient without the disease is not asked.
 */
final class GradeRecogniser implements Recogniser {

  /**
   * One grading scheme: its words, the disease it grades, the diseases whose mention it then qualifies, and other
   * diseases of the same organ a class written before a list may be meant to grade too.
   */
  private record Scheme(Pattern pattern, String disease, String diseaseWords, Set<String> graded, Set<String> organ) {}

  private static final String ROMAN = "(?:iv|iii|ii|i|[1-4])";
  private static final String CLASS_LIST = "(?:(?:≥|>|<|≤)\\s*)?" + ROMAN + "\\b(?:\\s*(?:,|-|–|/|to|or|and|and/or)\\s*"
      + ROMAN + "\\b)*(?:\\s+or\\s+(?:higher|greater|above|worse|more))?";
  private static final String LETTER_LIST = "(?:(?:≥|>|<|≤)\\s*)?(?:[abc]|\\d{1,2})\\b(?:\\s*(?:,|-|–|/|to|or|and"
      + "|and/or)\\s*(?:[abc]|\\d{1,2})\\b)*(?:\\s+or\\s+(?:higher|greater|above|worse|more))?";

  private static final List<Scheme> SCHEMES = List.of(
      new Scheme(Pattern.compile("\\b(?:nyha|new york heart association)(?:\\s*\\(nyha\\))?(?:\\s+functional)?"
          + "(?:\\s+(?:class(?:es|ification)?|grade|stage)s?)?\\s*(?:of\\s+)?" + CLASS_LIST),
          "congestive-heart-failure", "heart failure", Set.of("congestive-heart-failure", "pulmonary-hypertension"),
          Set.of()),
      new Scheme(Pattern.compile("\\bchild[- ](?:turcotte[- ])?pugh(?:\\s*\\(cp\\))?(?:\\s+(?:class|grade|score"
          + "|category|stage)s?)?\\s*(?:of\\s+)?" + LETTER_LIST),
          "liver-cirrhosis", "liver cirrhosis", Set.of("liver-cirrhosis"),
          Set.of("hepatitis-b", "hepatitis-c", "portal-hypertension")));

  private static final Keywords HINT = Keywords.of("nyha", "new york heart", "pugh");

  /**
   * A kind of a disease the terminology folds into the disease, each with its words and the measure whose limit, written
   * in the same sentence, says the kind instead. A record rarely says the kind, and these words name the disease
   * itself: read as the disease, "HFrEF" excluded a patient whose heart failure has a preserved ejection fraction, and
   * "Chronic thromboembolic pulmonary hypertension" one with pulmonary hypertension from left heart disease. The kind
   * is asked, as a class is.
   */
  private record Kind(String disease, Pattern pattern, String limit) {}

  private static final List<Kind> KINDS = List.of(
      // heart failure classed by its ejection fraction
      new Kind("congestive-heart-failure", Pattern.compile("\\bhf(?:r|p|mr|m|imp|i)ef\\b|\\bwith (?:reduced"
          + "|preserved|mid-?range|mildly reduced|improved|recovered|normal) (?:left ventricular )?ejection fraction\\b"),
          "lvef"),
      // pulmonary hypertension by its group: arterial (WHO group 1), thromboembolic (group 4), or by its cause
      new Kind("pulmonary-hypertension", Pattern.compile("\\b(?:pah|cteph|(?:primary|secondary|idiopathic|heritable"
          + "|chronic thromboembolic) pulmonary (?:arterial )?hypertension|pulmonary arterial hypertension)\\b"), null),
      // heparin-induced thrombocytopenia with thrombosis (HITT), angina that is stable, hemoglobin H disease
      new Kind("heparin-induced-thrombocytopenia", Pattern.compile("\\bhitt\\b|\\b(?:and|with) thrombosis\\b"),
          null),
      new Kind("angina-pectoris", Pattern.compile("\\bstable angina\\b"), null),
      new Kind("alpha-thalassemia", Pattern.compile("\\b(?:hemoglobin h|hbh) disease\\b"), null));
  private static final Pattern ALTERNATIVE = Pattern.compile("\\bor\\b|;|\\bnor\\b");
  private static final Keywords KIND_HINT = Keywords.of("ef", "ejection fraction", "pah", "cteph", "pulmonary", "hitt",
      "thrombosis", "stable angina", "hbh", "hemoglobin h");

  @Override
  public void read(Sentence s) {
    if (KIND_HINT.in(s.lower)) {
      for (Kind kind : KINDS) {
        Matcher m = kind.pattern().matcher(s.lower);
        while (m.find()) {
          int start = m.start();
          int end = m.end();
          boolean named = s.mentions.stream().anyMatch(c -> c.id().equals(kind.disease())
              && c.start() < end && start < c.end());
          // "heart failure with reduced ejection fraction (LVEF ≤ 40%)": the limit written says which, and is read
          // only a limit that says the kind: one written as an alternative ("HFrEF or LVEF < 40%") does not, and read
          // instead, the HFrEF stood for any heart failure (a preserved fraction too)
          boolean limit = kind.limit() != null && s.mentions.stream().anyMatch(c -> c.kind() == ConceptKind.MEASURE
              && c.id().equals(kind.limit()) && (c.end() <= start || c.start() >= end)
              && !ALTERNATIVE.matcher(s.lower.substring(Math.min(c.end(), end), Math.max(c.start(), start))).find());
          if (named && !limit && !s.asideAny(start, end)) s.hedge(start, end, "grade", null);
        }
      }
    }
    if (!HINT.in(s.lower)) return;
    for (Scheme scheme : SCHEMES) {
      Matcher m = scheme.pattern().matcher(s.lower);
      while (m.find()) {
        if (s.asideAny(m.start(), m.end())) continue;
        boolean named = s.mentions.stream().anyMatch(c -> c.kind() == ConceptKind.CONDITION
            && scheme.graded().contains(c.id()));
        boolean other = s.mentions.stream().anyMatch(c -> c.kind() == ConceptKind.CONDITION
            && c.start() < m.end() && m.start() < c.end());
        if (!named && !other) {
          // "Child-Pugh class B or C": the class names the disease it grades
          context(s, scheme).ifPresent(c -> {
            s.mentions.add(new ConceptMention(c.id(), c.kind(), m.start(), m.end(), c.label()));
            s.mentions.sort(Comparator.comparingInt(ConceptMention::start).thenComparing(x -> -x.end()));
          });
        }
        s.hedge(m.start(), m.end(), "grade", null);
      }
    }
  }

  /**
   * Whether a class written as {@code classText} may grade one of {@code diseases}: a scheme's class may grade the
   * diseases of the organ it grades ("Child-Pugh class B or C cirrhosis or hepatitis B": the hepatitis may be meant
   * too), never another ("NYHA class III/IV heart failure or myocardial infarction": an infarction has no NYHA class).
   * A kind written into a name ("stable angina", "HFrEF") grades that name alone.
   */
  static boolean mayGrade(String classText, java.util.Collection<String> diseases) {
    for (Scheme scheme : SCHEMES) {
      if (scheme.pattern().matcher(classText).find()) {
        return diseases.stream().anyMatch(d -> scheme.graded().contains(d) || scheme.organ().contains(d));
      }
    }
    return false;
  }

  private static java.util.Optional<ConceptMention> context(Sentence s, Scheme scheme) {
    return s.context.lexicon().findMentions(scheme.diseaseWords()).stream()
        .filter(c -> c.kind() == ConceptKind.CONDITION && c.id().equals(scheme.disease())).findFirst();
  }
}
