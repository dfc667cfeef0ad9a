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

  /** One grading scheme: its words, the disease it grades and the diseases whose mention it then qualifies. */
  private record Scheme(Pattern pattern, String disease, String diseaseWords, Set<String> graded) {}

  private static final String ROMAN = "(?:iv|iii|ii|i|[1-4])";
  private static final String CLASS_LIST = "(?:(?:≥|>|<|≤)\\s*)?" + ROMAN + "\\b(?:\\s*(?:,|-|–|/|to|or|and|and/or)\\s*"
      + ROMAN + "\\b)*(?:\\s+or\\s+(?:higher|greater|above|worse|more))?";
  private static final String LETTER_LIST = "(?:(?:≥|>|<|≤)\\s*)?(?:[abc]|\\d{1,2})\\b(?:\\s*(?:,|-|–|/|to|or|and"
      + "|and/or)\\s*(?:[abc]|\\d{1,2})\\b)*(?:\\s+or\\s+(?:higher|greater|above|worse|more))?";

  private static final List<Scheme> SCHEMES = List.of(
      new Scheme(Pattern.compile("\\b(?:nyha|new york heart association)(?:\\s*\\(nyha\\))?(?:\\s+functional)?"
          + "(?:\\s+(?:class(?:es|ification)?|grade|stage)s?)?\\s*(?:of\\s+)?" + CLASS_LIST),
          "congestive-heart-failure", "heart failure", Set.of("congestive-heart-failure", "pulmonary-hypertension")),
      new Scheme(Pattern.compile("\\bchild[- ](?:turcotte[- ])?pugh(?:\\s*\\(cp\\))?(?:\\s+(?:class|grade|score"
          + "|category|stage)s?)?\\s*(?:of\\s+)?" + LETTER_LIST),
          "liver-cirrhosis", "liver cirrhosis", Set.of("liver-cirrhosis")));

  private static final Keywords HINT = Keywords.of("nyha", "new york heart", "pugh");

  /**
   * Heart failure classed by its ejection fraction: "HFrEF", "HFpEF", "heart failure with reduced (preserved, mildly
   * reduced) ejection fraction". The terminology has one heart failure concept, which these name, and a record rarely
   * says which kind: read as heart failure, "HFrEF" excluded a patient whose heart failure has a preserved fraction.
   */
  private static final Pattern EJECTION_CLASS = Pattern.compile("\\bhf(?:r|p|mr|m|imp|i)ef\\b|\\bwith (?:reduced"
      + "|preserved|mid-?range|mildly reduced|improved|recovered|normal) (?:left ventricular )?ejection fraction\\b");
  private static final Keywords EJECTION_HINT = Keywords.of("ef", "ejection fraction");

  @Override
  public void read(Sentence s) {
    // "heart failure with reduced ejection fraction (LVEF ≤ 40%)": the limit written says which, and is read
    if (EJECTION_HINT.in(s.lower)) {
      Matcher m = EJECTION_CLASS.matcher(s.lower);
      while (m.find()) {
        int start = m.start();
        int end = m.end();
        boolean heartFailure = s.mentions.stream().anyMatch(c -> c.id().equals("congestive-heart-failure")
            && c.start() < end && start < c.end());
        boolean limit = s.mentions.stream().anyMatch(c -> c.kind() == ConceptKind.MEASURE && c.id().equals("lvef")
            && (c.end() <= start || c.start() >= end));
        if (heartFailure && !limit && !s.asideAny(start, end)) s.hedge(start, end, "grade", null);
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

  private static java.util.Optional<ConceptMention> context(Sentence s, Scheme scheme) {
    return s.context.lexicon().findMentions(scheme.diseaseWords()).stream()
        .filter(c -> c.kind() == ConceptKind.CONDITION && c.id().equals(scheme.disease())).findFirst();
  }
}
