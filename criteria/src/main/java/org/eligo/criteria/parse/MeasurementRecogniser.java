package org.eligo.criteria.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eligo.core.rule.AllOf;
import org.eligo.core.rule.AnyOf;
import org.eligo.core.rule.Ask;
import org.eligo.core.rule.Comparator;
import org.eligo.core.rule.CriterionType;
import org.eligo.core.rule.MeasurementRule;
import org.eligo.core.rule.Not;
import org.eligo.core.rule.Rule;
import org.eligo.criteria.lexicon.ConceptKind;
import org.eligo.criteria.lexicon.ConceptMention;
import org.eligo.criteria.lexicon.MeasureInfo;

/**
 * Reads lab and body thresholds: a measure's name (or several, "ALT/AST", "creatinine and/or BUN"), a few filler
 * words ("count", "levels", "of"), then a threshold ({@link Thresholds}) in any unit the terminology converts to the
 * measure's canonical unit, or as a multiple of the upper limit of normal, or a range ("between 18.5 and 35 kg/m2"),
 * or two limits on either side ("< 3.0 or > 5.5 mEq/L": any of; "≥ 3.5 and ≤ 5.0 mmol/L": all of);
 * how it was measured ("by echocardiogram or MUGA", "(Cockcroft-Gault)") is passed over, and an age group after it
 * binds it to that group ({@link AgeScope}); "(without transfusion support)" after it
 * sets the rule's transfusion-free window from {@link ParserSettings}, or to the span the text gives ("in the absence
 * of transfusion for at least 8 weeks": read with the default, a patient transfused 4 weeks before was counted).
 * Several measures sharing one threshold give
 * {@code AllOf} when joined by "and" (or by "/" in an inclusion) and {@code AnyOf} when joined by "or" (or by "/" in
 * an exclusion). A value without a unit is read only where the unit cannot be in doubt (a count of 1,000 or more is
 * per microlitre; scores and ratios have none; a measure's data may name the one unit in use, as for eGFR). A
 * creatinine clearance per 1.73 m² is decided only where the clearance and the eGFR agree ({@link #perBodySurface}).
 */
final class MeasurementRecogniser implements Recogniser {
  private static final Pattern OPEN_PAREN = Pattern.compile("\\s*\\(\\s*");
  private static final Pattern SPACE_PAREN = Pattern.compile("[\\s(]*");
  private static final Pattern JOIN = Pattern.compile("\\s*(?:\\([^()]{1,20}\\)\\s*)?(/|,|and/or|and|or|&)\\s*");
  private static final Pattern FILLER = Pattern.compile(
      "(?:\\s*\\([^()]{1,30}\\)|[\\s-]*(?:count|counts|levels?|values?|concentrations?|of|is|was|are|:|each|must be"
          + "|should be|at enrol+ment|at screening|at baseline|size|in|neutrophils|granulocytes|score|serum|total"
          + "|absolute|the|a|an|play|performance|status|scale|index)\\b)*\\s*:?\\s*");
  /**
   * How the value was obtained, which the rule does not distinguish: "(Cockcroft-Gault)", "calculated by the
   * Cockcroft-Gault formula", "per CKD-EPI", "by echocardiogram or MUGA", "(measured or calculated)", "(QTcF)".
   */
  private static final Pattern METHOD = Pattern.compile(
      "\\s*,?\\s*(?<open>\\()?\\s*(?:(?:as\\s+)?(?:(?:measured|calculated|estimated|determined|assessed|corrected)"
          + "(?:\\s+or\\s+(?:measured|calculated|estimated))?\\s*)?(?:by|using|per|with|according\\s+to|on|via)?\\s*"
          + "(?:the\\s+|a\\s+)?(?:(?:cockcroft[\\s-]*(?:and\\s+)?gault|c-?g|mdrd|ckd[\\s-]*epi(?:\\s+2021)?|(?:bedside\\s+)?"
          + "schwartz|fridericia'?s?|bazett'?s?|qtcf|qtcb|24[\\s-]*h(?:ou)?r?s?\\s+urine(?:\\s+collection)?"
          + "|echocardiogra(?:m|phy)|echo|muga(?:\\s+scan)?|multi-?gated\\s+acquisition(?:\\s+scan)?|cardiac\\s+mri"
          + "|(?:cardiac\\s+)?magnetic\\s+resonance(?:\\s+imaging)?)(?:\\s*\\([a-z-]{2,6}\\))?"
          + "(?:\\s+(?:formula|equation|method|correction|scan|calculation))?"
          + "(?:\\s*(?:,|/|or|and/or)\\s*(?:(?:measured|calculated|estimated)\\s+)?(?:by\\s+|using\\s+|per\\s+)?(?:the\\s+)?"
          + "(?:cockcroft[\\s-]*gault|mdrd|ckd[\\s-]*epi|echocardiogra(?:m|phy)|24[\\s-]*h(?:ou)?r?s?\\s+urine(?:\\s+collection)?"
          + "|echo|muga(?:\\s+scan)?|multi-?gated\\s+acquisition(?:\\s+scan)?|cardiac\\s+mri)(?:\\s*\\([a-z-]{2,6}\\))?"
          + "(?:\\s+(?:formula|equation|method|scan))?)*"
          + "|measured\\s+or\\s+calculated|calculated\\s+or\\s+measured|measured|calculated|estimated"
          + "|(?:per|by|at|from|in)\\s+(?:the\\s+)?(?:local|central|site|institutional|study)\\s+(?:laborator(?:y|ies)|labs?)"
          + "|(?:while\\s+breathing\\s+|on\\s+|at\\s+)room\\s+air(?:\\s+at\\s+rest)?|at\\s+rest"
          + "|(?:on|by|at|in)\\s+(?:(?:a|the|screening|baseline|12-lead|triplicate|resting)\\s+)*(?:ecgs?|ekgs?"
          + "|electrocardiograms?)))"
          + "\\s*(?<close>\\))?");
  /** The same limit restated in another unit: "≤ 2.5 mg/dL (221 µmol/L)", "< 30,000/µL [30 × 10^9/L]". */
  private static final Pattern RESTATED = Pattern.compile("\\s*[(\\[]\\s*(?:i\\.?e\\.?,?\\s*|=\\s*)?(?:"
      + Thresholds.CMP + ")?\\s*(?<restated>" + Numbers.NUMBER + ")\\s*" + Thresholds.UNIT + "\\s*[)\\]]");
  /** Words before a measure's name that say how the value is had, which the rule does not distinguish. */
  /** An average of several results named before the measure: "Mean platelet count", "the average of hemoglobin". */
  private static final Pattern MEAN_BEFORE = Pattern.compile("\\b(?:the\\s+|a\\s+)?(?<word>mean|average|median)"
      + "\\s+(?:of\\s+(?:the\\s+|two\\s+|2\\s+|\\w+\\s+)?)?$");
  /**
   * An average named after the limit: "Platelet count &lt; 30 × 10^9/L (mean of two counts taken at least 1 week apart)",
   * "QTcF ≤ 470 ms (mean of triplicate ECGs)", "…, based on the average of 2 measurements".
   */
  private static final Pattern MEAN_AFTER = Pattern.compile("\\s*[,;]?\\s*(?<open>\\()?\\s*(?:(?:as|on|by|using|from"
      + "|based\\s+on|calculated\\s+(?:as|from))\\s+)?(?:the\\s+|an?\\s+)?(?<word>mean|average|median)\\b"
      // an average of results, not a measure whose name starts with the word ("mean corpuscular volume", "mean
      // arterial pressure"): read as an average, "Hemoglobin < 10 g/dL, mean corpuscular volume > 100 fL" was asked
      + "(?=\\s*(?:\\)|$|[,;.]|(?:of|over|from|across|values?|counts?|results?|measurements?|readings?|levels?)\\b))"
      + "[^();]*(?<close>\\))?");
  private static final Pattern HOW_BEFORE = Pattern.compile("(?:\\b(?:calculated|estimated)\\s+)+$");
  /**
   * A creatinine clearance Eligo cannot stand in for: measured only (24-hour urine), or calculated with an ideal,
   * lean or adjusted body weight (Eligo's estimate uses the actual weight).
   */
  private static final Pattern CLEARANCE_NOT_ESTIMATED = Pattern.compile("\\b(?:ideal|lean|adjusted)\\s+(?:body\\s+)?"
      + "weight\\b|\\bibw\\b|\\blbw\\b|^(?!.*\\b(?:calculated|estimated|cockcroft|c-?g|formula|equation)\\b).*"
      + "(?:\\bmeasured\\b|\\b24[\\s-]*h(?:ou)?rs?\\b)");
  private static final Pattern TRANSFUSION = Pattern.compile(
      "\\s*,?\\s*\\(?\\s*(?:(?:both|all|each)\\s+(?:values\\s+|counts\\s+|of\\s+them\\s+)?)?"
          // "(no platelet transfusion within 7 days prior to the count)", "with no RBC transfusion in the 14 days" (§87)
          + "(?:without|independent of|in the absence of|not supported by|with\\s+no|(?<=[(,]\\s{0,2})no)\\s+(?:any\\s+)?"
          + "(?:(?<before>" + Support.WORDS + "(?:" + Support.SEP + Support.WORDS + ")*)" + Support.SEP + ")?(?:blood\\s+"
          + "|platelets?\\s+|(?:packed\\s+)?red\\s+(?:blood\\s+)?cells?\\s+|p?rbcs?\\s+)?transfusions?"
          + "(?<after>(?:" + Support.SEP + Support.WORDS + ")+)?(?:\\s+support)?"
          + "(?:\\s+(?:for\\s+(?:at\\s+least\\s+|a\\s+minimum\\s+of\\s+|≥\\s*)?(?:the\\s+(?:previous|past|last|preceding|prior)\\s+)?"
          + "|(?:with)?in\\s+(?:the\\s+)?(?:previous\\s+|past\\s+|last\\s+|preceding\\s+|prior\\s+)?"
          + "|during\\s+the\\s+(?:previous|past|last|preceding|prior)\\s+)" + Durations.DURATION + ")?\\s*\\)?");

  /** A count a transfusion raises, named as the subject of the clause: "(hemoglobin and platelets may be achieved …)". */
  private static final String COUNT_NAME = "(?:(?:the\\s+)?(?:hemoglobin|haemoglobin|hb|hgb|platelets?(?:\\s+counts?)?|plt)"
      + "(?:\\s+(?:values?|levels?|counts?))?)";
  private static final Pattern HEMOGLOBIN_NAME = Pattern.compile("\\b(?:hemoglobin|haemoglobin|hb|hgb)\\b");
  private static final Pattern PLATELET_NAME = Pattern.compile("\\b(?:platelets?|plt)\\b");

  /** Whether a clause that names the counts it lets a transfusion reach names one of the group's. */
  private static boolean reaches(Matcher clause, List<ConceptMention> group) {
    String subject = clause.group("subject");
    if (subject == null) return true;
    return group.stream().anyMatch(m -> m.id().equals("hemoglobin") && HEMOGLOBIN_NAME.matcher(subject).find()
        || m.id().equals("platelets") && PLATELET_NAME.matcher(subject).find());
  }

  /**
   * A limit the sentence lets a transfusion reach: "…, which may be achieved by transfusion", "(can be reached with
   * platelet transfusion)", "achieved with or without transfusion", "after transfusion if needed". Read as more words,
   * the transfusion was required beside the limit, so a patient at the limit who was never transfused failed it.
   */
  private static final Pattern BY_TRANSFUSION = Pattern.compile("\\s*[,;]?\\s*(?<open>\\()?\\s*(?:(?:which|that|this"
      + "|it|these|both)\\s+|(?<subject>" + COUNT_NAME + "(?:\\s*(?:,|/|and|or)\\s*" + COUNT_NAME + ")*)\\s+)?"
      + "(?:(?:may|can|could|might|is\\s+allowed\\s+to|are\\s+allowed\\s+to)\\s+be\\s+)?"
      + "(?:(?:achieved|reached|attained|obtained|met|maintained|corrected|supported)\\s+(?:by|with|through|via|after"
      + "|using|following|with\\s+the\\s+(?:help|aid|support)\\s+of)|(?:(?:achieved|reached|obtained|met)\\s+)?with\\s+or\\s+without"
      // "(with transfusion support if needed)", "with transfusions as necessary"
      + "|with(?=\\s+(?:(?:a|blood|platelets?|red|cells?|rbc|prbc|packed)\\s+)*transfusions?(?:\\s+support)?\\s+(?:if|as|when)"
      + "\\s+(?:needed|necessary|required|clinically\\s+indicated)\\b)"
      + "|after(?=[^()]{0,60}?\\bif\\s+(?:needed|necessary|required)\\b))\\s+"
      + "(?:(?:a|the|prior|blood|platelets?|red|cells?|rbc|prbc|packed|products?)\\s+)*transfus(?:ions?|ed)"
      + "(?:\\s+support)?(?:\\s+(?:if|as|when)\\s+(?:needed|necessary|required|clinically\\s+indicated))?\\s*(?<close>\\))?"
      // "(patients may receive transfusions to meet this criterion)"
      + "|\\s*[,;]?\\s*(?<open2>\\()?\\s*(?:(?:patients|subjects|participants)\\s+)?(?:may|can|could)\\s+(?:(?:receive"
      + "|be\\s+given|undergo)\\s+(?:(?:a|the|blood|platelets?|red|cells?|rbc|prbc|packed)\\s+)*transfusions?\\s+"
      + "(?:in\\s+order\\s+)?to\\s+(?:meet|reach|achieve|attain)\\s+(?:this|these|the|that)\\s+(?:level|value|threshold|limit"
      + "|criterion|criteria|requirement)s?"
      // "(may be transfused)", "(patients may be transfused to achieve this level)"
      + "|be\\s+transfused(?:\\s+(?:in\\s+order\\s+)?to\\s+(?:meet|reach|achieve|attain)\\s+(?:this|these|the|that)\\s+(?:level"
      + "|value|threshold|limit|criterion|criteria|requirement)s?)?)\\s*(?<close2>\\))?"
      // "(transfusions are permitted to achieve this level)", "(platelet transfusions are allowed)"
      + "|\\s*[,;]?\\s*(?<open3>\\()?\\s*(?:(?:a|the|blood|platelets?|red|cells?|rbc|prbc|packed)\\s+)*transfusions?(?:\\s+support)?"
      + "\\s+(?:is\\s+|are\\s+)?(?:permitted|allowed|acceptable)(?:\\s+(?:in\\s+order\\s+)?to\\s+(?:meet|reach|achieve|attain)\\s+"
      + "(?:this|these|the|that)\\s+(?:level|value|threshold|limit|criterion|criteria|requirement)s?)?\\s*(?<close3>\\))?");

  /** The blood pressure measures, whose names also sit inside other pressures and changes. */
  private static final java.util.Set<String> BLOOD_PRESSURE = java.util.Set.of(BloodPressureRecogniser.SYSTOLIC,
      BloodPressureRecogniser.DIASTOLIC);
  /**
   * Words before a blood pressure's name that make it another pressure ("pulmonary artery systolic pressure", "right
   * ventricular systolic pressure") or a change in it ("a decrease in systolic blood pressure of ≥ 20 mmHg"), never
   * the patient's reading.
   */
  private static final Pattern NOT_THE_READING_BEFORE = Pattern.compile("(?:\\b(?:pulmonary|pulmonic|arterial\\s+"
      + "pulmonary|pa|rv|ventricular|atrial|intracardiac|aortic|central\\s+venous|left\\s+ventricular\\s+end|end|"
      + "ocular|intraocular|(?:decrease|decline|drop|fall|reduction|lowering|increase|rise|change|variation|difference"
      + "|fluctuation)s?\\s+(?:in|of)(?:\\s+(?:the|his|her|their))?)[\\s-]*(?:arter(?:y|ial)\\s+)?)$");
  /**
   * Words anywhere in the sentence that make a blood pressure in it something else than the patient's reading: a
   * change ("a decrease in systolic BP of ≥ 20 mmHg or diastolic BP ≥ 10 mmHg", where "diastolic BP ≥ 10" is the
   * fall, not the level), an orthostatic test, a pressure inside the heart or lungs.
   */
  private static final Pattern NOT_THE_READING_IN_SENTENCE = Pattern.compile("\\b(?:(?:decrease|decline|drop|fall"
      + "|reduction|lowering|increase|rise|change|variation|difference|fluctuation)s?|orthostatic|postural|standing"
      + "|pulmonary|pulmonic|ventricular|atrial|intracardiac|aortic|gradient|echo\\w*|doppler|catheteri[sz]ation)\\b");
  /**
   * Measures whose low results no eligibility limit is about, so that "within normal limits" is read as at most the
   * ULN ({@link Thresholds#normalLimit}): kidney and liver tests. Counts, electrolytes and the rest are bounded from
   * below too, and "within normal limits" stays unread for them.
   */
  private static final java.util.Set<String> UPPER_LIMIT_ONLY = java.util.Set.of("creatinine", "bilirubin-total",
      "bilirubin-direct", "alt", "ast", "alkaline-phosphatase", "bun");
  /** A number followed by "/" and another: a blood pressure pair ("≥ 160/100"), never one limit. */
  private static final Pattern PAIR_AFTER = Pattern.compile("\\s*/\\s*\\d");
  /**
   * A word that makes a measure's name another quantity than the blood or serum value the measure is: another specimen
   * ("urine calcium", "red cell magnesium", "CSF glucose"), a fraction ("ionized calcium", "free calcium"), a subset
   * of the cells counted ("B-lymphocyte count", "CD8 lymphocytes"). Read as the measure, "Calcium (ionized) > 1.3
   * mmol/L" in the exclusion list was total calcium > 5.2 mg/dL and excluded every patient with a normal calcium.
   */
  private static final String OTHER_QUANTITY = "(?:ioni[sz]ed|ionic|unbound"
      + "|(?<!-)(?<!transfusion\\s)(?<!disease\\s)(?<!event\\s)(?<!progression\\s)(?<!relapse\\s)(?<!symptom\\s)free"
      + "|intracellular|intra-?erythrocytic|urine|urinary|csf|cerebrospinal(?:\\s+fluid)?|spinal\\s+fluid|stool"
      + "|fa?ecal|saliva(?:ry)?|sweat|pleural(?:\\s+fluid)?|ascitic(?:\\s+fluid)?|peritoneal(?:\\s+fluid)?"
      + "|synovial(?:\\s+fluid)?|(?:bone\\s+)?marrow|red\\s+(?:blood\\s+)?cells?|rbcs?|erythrocytes?)";
  /** A subset of the cells a count counts, before its name: "B-lymphocytes", "T cell", "CD8+ lymphocyte count". */
  private static final String CELL_SUBSET = "(?:(?:b|t|nk)(?:\\s*-\\s*|\\s+)|cd\\d+\\s*\\+?(?:\\s*-\\s*|\\s+)"
      + "(?:t(?:\\s*-\\s*|\\s+))?|(?:mono)?clonal\\s+(?:b(?:\\s*-\\s*|\\s+))?|atypical\\s+|reactive\\s+|variant\\s+"
      + "|large\\s+granular\\s+)";
  private static final Pattern OTHER_QUANTITY_BEFORE = Pattern.compile("\\b" + OTHER_QUANTITY + "[\\s-]*$");
  private static final Pattern CELL_SUBSET_BEFORE = Pattern.compile("(?:^|[^\\w+-])" + CELL_SUBSET + "$");
  /** The same in brackets right after the name, alone: "Calcium (ionized)", "Magnesium (red blood cell)". */
  private static final Pattern OTHER_QUANTITY_AFTER = Pattern.compile("\\s*,?\\s*\\(\\s*(?:in\\s+|of\\s+|from\\s+)?"
      + "(?:the\\s+|a\\s+)?(?:whole\\s+blood\\s+|serum\\s+|plasma\\s+)?(?:24[\\s-]*h(?:ou)?r?s?\\s+)?" + OTHER_QUANTITY
      + "(?:\\s+(?:fraction|level|value|concentration|sample|specimen|collection|test))?\\s*\\)");
  /** Measures that are counts of cells of which a subset may be named ("B-lymphocytes", "CD8+ T cells"). */
  private static final java.util.Set<String> CELL_COUNTS = java.util.Set.of("lymphocytes", "wbc");

  /**
   * Whether words before the measure's name, or in brackets right after it, make it another quantity: another specimen,
   * a fraction or a subset of the cells ({@link #OTHER_QUANTITY}). A measure whose own name says the specimen ("PNH
   * clone size in red cells", "creatinine clearance (measured 24 h urine …)", "bone marrow blasts") is that measure.
   */
  private static boolean anotherQuantity(Sentence s, ConceptMention m) {
    String before = s.lower.substring(Math.max(0, m.start() - 40), m.start());
    Matcher b = OTHER_QUANTITY_BEFORE.matcher(before);
    Matcher a = OTHER_QUANTITY_AFTER.matcher(s.lower).region(m.end(), s.lower.length());
    String qualifier = b.find() ? b.group() : a.lookingAt() ? a.group() : null;
    if (qualifier == null) {
      return CELL_COUNTS.contains(m.id()) && CELL_SUBSET_BEFORE.matcher(before).find();
    }
    String label = s.context.lexicon().measure(m.id()).map(MeasureInfo::label).orElse("").toLowerCase(Locale.ROOT);
    Matcher word = OTHER_QUANTITY_WORD.matcher(qualifier);
    if (!word.find()) return true;
    String w = word.group().replaceAll("\\s+", " ");
    if (RED_CELLS.matcher(w).matches()) return !RED_CELLS_IN_LABEL.matcher(label).find();
    return !label.contains(w.replaceAll("s$", ""));
  }

  private static final Pattern OTHER_QUANTITY_WORD = Pattern.compile(OTHER_QUANTITY);
  private static final Pattern RED_CELLS = Pattern.compile("red (?:blood )?cells?|rbcs?|erythrocytes?");
  private static final Pattern RED_CELLS_IN_LABEL = Pattern.compile("\\b(?:red (?:blood )?cell|rbc|erythrocyte)");

  @Override
  public void read(Sentence s) {
    List<ConceptMention> measures = withoutAliases(s, s.freeMentions(ConceptKind.MEASURE));
    boolean notTheReading = NOT_THE_READING_IN_SENTENCE.matcher(s.lower).find();
    measures.removeIf(m -> BLOOD_PRESSURE.contains(m.id()) && (notTheReading
        || NOT_THE_READING_BEFORE.matcher(s.lower.substring(Math.max(0, m.start() - 40), m.start())).find()));
    measures.removeIf(m -> anotherQuantity(s, m));
    Matcher closing = closingTransfusion(s);
    Matcher closingReach = s.type == CriterionType.INCLUSION ? closingReach(s) : null;
    boolean reachUsed = false;
    int i = 0;
    while (i < measures.size()) {
      ConceptMention first = measures.get(i);
      if ("ecog".equals(first.id())) {
        i++;
        continue;
      }
      List<ConceptMention> group = new ArrayList<>(List.of(first));
      List<String> joins = new ArrayList<>();
      int j = i + 1;
      int end = first.end();
      while (j < measures.size()) {
        if (measures.get(j).start() < end) { // one phrase naming two measures ("transaminase": ALT and AST)
          joins.add("/");
          group.add(measures.get(j));
          end = Math.max(end, measures.get(j).end());
          j++;
          continue;
        }
        Matcher join = JOIN.matcher(s.lower).region(end, measures.get(j).start());
        if (!join.matches()) break;
        joins.add(join.group(1));
        group.add(measures.get(j));
        end = measures.get(j).end();
        j++;
      }
      Matcher filler = FILLER.matcher(s.lower).region(end, s.lower.length());
      int at = filler.lookingAt() ? filler.end() : end;
      Thresholds.Threshold t = Thresholds.at(s.lower, at);
      if (t == null && group.stream().allMatch(m -> UPPER_LIMIT_ONLY.contains(m.id()))) {
        t = Thresholds.normalLimit(s.lower, at); // "creatinine within normal institutional limits"
      }
      Thresholds.Range range = t == null && group.size() == 1 ? Thresholds.range(s.lower, at) : null;
      if (range != null) {
        t = new Thresholds.Threshold(range.end(), Comparator.GE, range.low(), range.unit(), false);
      }
      if (t == null || (range == null && !t.uln() && t.unit() == null
          && PAIR_AFTER.matcher(s.lower).region(t.end(), s.lower.length()).lookingAt())) {
        i = j;
        continue;
      }
      Thresholds.TwoSided sides = range == null ? twoSided(s, group, Thresholds.otherSide(s.lower, t)) : null;
      if (sides != null) t = sides.first();
      int readEnd = sides == null ? t.end() : sides.second().end();
      Matcher restated = RESTATED.matcher(s.lower).region(readEnd, s.lower.length());
      Thresholds.Threshold last = sides == null ? t : sides.second();
      if (!last.uln() && restated.lookingAt() && sameLimit(s, group, last, restated)) readEnd = restated.end();
      Matcher tf = TRANSFUSION.matcher(s.lower).region(readEnd, s.lower.length());
      boolean transfusionFree = tf.lookingAt();
      if (transfusionFree) readEnd = tf.end();
      Matcher byTransfusion = BY_TRANSFUSION.matcher(s.lower).region(readEnd, s.lower.length());
      boolean reachedByTransfusion = !transfusionFree && s.type == CriterionType.INCLUSION && byTransfusion.lookingAt()
          && (byTransfusion.group("open") == null) == (byTransfusion.group("close") == null)
          && (byTransfusion.group("open2") == null) == (byTransfusion.group("close2") == null)
          && (byTransfusion.group("open3") == null) == (byTransfusion.group("close3") == null)
          && reaches(byTransfusion, group);
      if (reachedByTransfusion) {
        readEnd = byTransfusion.end();
        // the clause is this reading's: its "may be transfused" or "permitted" is no further question of the sentence
        s.setAside(byTransfusion.start(), byTransfusion.end());
      }
      Matcher method = METHOD.matcher(s.lower).region(readEnd, s.lower.length());
      if (method.lookingAt() && method.end() > readEnd && (method.group("open") == null) == (method.group("close") == null)) {
        readEnd = method.end();
      }
      AgeScope.Found ages = AgeScope.at(s.lower, readEnd);
      if (ages == null) ages = AgeScope.sexAt(s.lower, readEnd);
      if (ages != null) readEnd = ages.end();
      List<Rule> rules = new ArrayList<>();
      java.util.Set<String> seen = new java.util.HashSet<>();
      if (group.stream().anyMatch(m -> m.id().equals("creatinine-clearance"))
          && CLEARANCE_NOT_ESTIMATED.matcher(s.lower).find()) {
        i = j;
        continue;
      }
      for (ConceptMention m : group) {
        MeasurementRule rule = rule(s, m, t);
        MeasurementRule upTo = range == null ? null
            : rule(s, m, new Thresholds.Threshold(range.end(), Comparator.LE, range.high(), range.unit(), false));
        if (rule == null || (range != null && upTo == null)) {
          rules.clear();
          break;
        }
        MeasurementRule other = sides == null ? null : rule(s, m, sides.second());
        if (transfusionFree) {
          // "without transfusion for at least 8 weeks": the trial's own window, else the default for the measure
          Integer days = tf.group("n") != null ? Integer.valueOf(Durations.days(tf))
              : s.context.settings().transfusionFreeDays(m.id());
          rule = rule.withTransfusionFreeDays(days);
          if (other != null) other = other.withTransfusionFreeDays(days);
        } else if (closing != null && readEnd <= closing.start()
            && s.context.settings().transfusionFreeDays().containsKey(m.id())
            && !LIST_BREAK.matcher(s.lower.substring(readEnd, closing.start())).find()
            && !opensParenthesis(s.lower.substring(readEnd, closing.start()))) {
          // "Hemoglobin ≥ 9 g/dL, platelets ≥ 100 × 10^9/L (without transfusion within 7 days)": the clause that closes
          // a list of counts binds each of them, not only the last (a platelet count of the day after a transfusion
          // had met it)
          Integer days = closing.group("n") != null ? Integer.valueOf(Durations.days(closing))
              : s.context.settings().transfusionFreeDays(m.id());
          rule = rule.withTransfusionFreeDays(days);
          if (other != null) other = other.withTransfusionFreeDays(days);
          if (upTo != null) upTo = upTo.withTransfusionFreeDays(days);
        }
        if (seen.add(m.id())) {
          Rule limit = upTo != null ? new AllOf(List.of(rule, upTo))
              : other == null ? rule : sides.or() ? new AnyOf(List.of(rule, other)) : new AllOf(List.of(rule, other));
          if (m.id().equals(CLEARANCE) && PER_BODY_SURFACE.matcher(s.lower.substring(at, readEnd)).find()) {
            limit = perBodySurface(s, limit);
          }
          rules.add(limit);
        }
      }
      if (!rules.isEmpty()) {
        int start = absorbPreceding(s, first);
        Rule read = anyTimeInWindow(s, start, readEnd, combine(rules, joins, s.type));
        if (transfusionFree && (tf.group("before") != null || tf.group("after") != null)) {
          // "(without transfusion or growth factor support within 14 days)": the support named beside the transfusion
          int days = tf.group("n") != null ? Durations.days(tf) : s.context.settings().transfusionFreeDays(first.id());
          read = new AllOf(List.of(read, Support.without(s, tf.start(), tf.end(), days)));
        }
        boolean reachedByClosing = !reachedByTransfusion && !transfusionFree && closingReach != null
            && readEnd <= closingReach.start()
            && group.stream().anyMatch(m -> s.context.settings().transfusionFreeDays().containsKey(m.id()))
            && reaches(closingReach, group)
            && !LIST_BREAK.matcher(s.lower.substring(readEnd, closingReach.start())).find()
            && !opensParenthesis(s.lower.substring(readEnd, closingReach.start()));
        reachUsed |= reachedByClosing;
        if (reachedByTransfusion || reachedByClosing) {
          // the latest result, or a question whether a transfusion would bring the patient to the limit; a clause that
          // closes a list of counts ("Hemoglobin ≥ 8 g/dL and platelets ≥ 50 × 10^9/L (may be achieved by
          // transfusion)") lets a transfusion reach each of them, not only the last (a hemoglobin of 7.5 had failed)
          read = new AnyOf(List.of(read, new Ask("Can the patient be transfused to meet the limit: \u201c"
              + s.text.substring(start, readEnd).strip() + "\u201d?")));
        }
        if (ages == null && !s.negated && evidenceOfDiagnosis(s, start, readEnd, group)) {
          // "Confirmed diagnosis of iTTP (ADAMTS13 activity < 10%)", "Diagnosis of PNH confirmed by a granulocyte clone
          // ≥ 10%", "Documented diagnosis of TTP with ADAMTS13 activity < 10%": the result that made the diagnosis, not
          // the latest one (read as the latest, a patient in remission, whose ADAMTS13 has recovered, was failed)
          read = new AnyOf(List.of(read, new Ask("Did a result show \u201c" + s.text.substring(start, readEnd).strip()
              + "\u201d when the diagnosis was made (the latest result does not show it)?")));
        }
        Matcher mean = MEAN_BEFORE.matcher(s.lower.substring(0, start));
        boolean meanBefore = mean.find();
        Matcher after = MEAN_AFTER.matcher(s.lower).region(readEnd, s.lower.length());
        boolean meanAfter = !meanBefore && after.lookingAt()
            && (after.group("open") == null || after.group("close") != null);
        if ((meanBefore || meanAfter) && s.type == CriterionType.INCLUSION && ages == null) {
          // "Mean platelet count < 30 × 10^9/L from 2 counts", "Platelet count < 30 × 10^9/L (mean of two counts)": an
          // average of results, which the latest alone cannot fail (read as the latest, a patient whose counts of 25
          // and 33 average 29 was ruled out)
          String word = meanBefore ? mean.group("word") : after.group("word");
          s.read(meanBefore ? mean.start() : start, meanAfter ? after.end() : readEnd, new Ask("Does the " + word
              + " of the patient's results meet the limit: \u201c" + s.text.strip() + "\u201d?"));
          i = j;
          continue;
        }
        if (ages == null) {
          s.read(start, readEnd, read);
        } else {
          readEnd = groupLimits(s, group, joins, start, readEnd, read, ages.ages());
        }
      }
      i = j;
    }
    // the closing clause is the counts' reading: its "may be transfused" or "permitted" is no further question
    if (reachUsed) s.setAside(closingReach.start(), closingReach.end());
    Matcher rest = TRANSFUSION.matcher(s.lower);
    while (rest.find()) s.consume(rest.start(), rest.end());
  }

  /**
   * Whether the bracketed value is the limit itself in another unit (within 3% once both are converted), not a
   * second, more lenient limit ("≤ 1.5 mg/dL (≤ 2.0 mg/dL for …)").
   */
  private static boolean sameLimit(Sentence s, List<ConceptMention> group, Thresholds.Threshold t, Matcher restated) {
    if (t.unit() == null || restated.group("unit") == null) return false;
    double again = Thresholds.value(restated.group("restated"), restated.group("unit"));
    if (Double.isNaN(again)) return false;
    for (ConceptMention m : group) {
      java.util.OptionalDouble a = s.context.lexicon().toCanonical(m.id(), t.value(), t.unit().replaceAll("\\s+", ""));
      java.util.OptionalDouble b = s.context.lexicon().toCanonical(m.id(), again,
          restated.group("unit").replaceAll("\\s+", ""));
      if (a.isEmpty() || b.isEmpty() || Math.abs(a.getAsDouble() - b.getAsDouble()) > 0.03 * Math.abs(a.getAsDouble())) {
        return false;
      }
    }
    return true;
  }

  /**
   * The two limits of "potassium < 3.0 or > 5.5 mEq/L" (either) or "≥ 3.5 and ≤ 5.0 mmol/L" (both) when they read as
   * one: both convert for every measure named, and once in one unit the "or" limits lie outside the range between them
   * and the "and" limits inside it ("< 3 or > 5.5" is out of range; "≤ 1.5 or ≥ 60" is not, and is often a creatinine
   * and a clearance). Null otherwise: the first limit is then read alone and the rest stays unread.
   */
  private static Thresholds.TwoSided twoSided(Sentence s, List<ConceptMention> group, Thresholds.TwoSided sides) {
    if (sides == null) return null;
    // "< 9 g/dL or > 16 g/dL (men) or > 15 g/dL (women)": the second limit is one group's, not the other side of the
    // first; read as one they would bind the first to men too
    int after = sides.second().end();
    if (AgeScope.at(s.lower, after) != null || AgeScope.sexAt(s.lower, after) != null) return null;
    for (ConceptMention m : group) {
      MeasurementRule a = rule(s, m, sides.first());
      MeasurementRule b = rule(s, m, sides.second());
      if (a == null || b == null) return null;
      MeasurementRule under = Thresholds.below(a.comparator()) ? a : b; // "< 3.0"
      MeasurementRule over = under == a ? b : a; // "> 5.5"
      // out of range: under the one or over the other (3.0 < 5.5); in range: over the one and under the other
      boolean ordered = sides.or() ? under.threshold() < over.threshold() : over.threshold() < under.threshold();
      if (!ordered) return null;
    }
    return sides;
  }

  /** A further limit for another group after one for a group: "> 450 ms for men, or > 470 ms for women". */
  private static final Pattern NEXT_GROUP = Pattern.compile("\\s*(?<sep>[,;/])?\\s*(?:(?<join>or|and)\\s+)?");

  /**
   * Reads a limit bound to a group (an age group or a sex) and the limits for other groups that follow it with the
   * same measures ("QTcF > 450 ms for men or > 470 ms for women"). Joined by "or" (or "/"), each limit holds for its
   * group: any of (all of (group, limit)); joined by "and" or a comma, each binds its group only: all of (any of (not
   * group, limit)). Returns where the reading ends.
   */
  private static int groupLimits(Sentence s, List<ConceptMention> group, List<String> joins, int start, int end,
                                 Rule first, Rule firstGroup) {
    List<Rule> limits = new ArrayList<>(List.of(first));
    List<Rule> groups = new ArrayList<>(List.of(firstGroup));
    boolean or = false;
    int readEnd = end;
    while (true) {
      Matcher next = NEXT_GROUP.matcher(s.lower).region(readEnd, s.lower.length());
      if (!next.lookingAt() || (next.group("sep") == null && next.group("join") == null)) break;
      Thresholds.Threshold t = Thresholds.at(s.lower, next.end());
      if (t == null) break;
      AgeScope.Found who = AgeScope.at(s.lower, t.end());
      if (who == null) who = AgeScope.sexAt(s.lower, t.end());
      if (who == null) break;
      List<Rule> rules = new ArrayList<>();
      for (ConceptMention m : group) {
        MeasurementRule rule = rule(s, m, t);
        if (rule == null) break;
        rules.add(rule);
      }
      if (rules.size() != group.size()) break;
      limits.add(combine(rules, joins, s.type));
      groups.add(who.ages());
      or |= "or".equals(next.group("join")) || "/".equals(next.group("sep"));
      readEnd = who.end();
    }
    if (limits.size() == 1) {
      s.read(start, readEnd, AgeScope.bind(first, firstGroup, s.lower, start, readEnd, s.type));
      return readEnd;
    }
    List<Rule> parts = new ArrayList<>();
    for (int k = 0; k < limits.size(); k++) {
      parts.add(or ? new AllOf(List.of(groups.get(k), limits.get(k)))
          : new AnyOf(List.of(new Not(groups.get(k)), limits.get(k))));
    }
    s.read(start, readEnd, or ? new AnyOf(parts) : new AllOf(parts));
    return readEnd;
  }

  /** A break between two clauses of a sentence, past which a transfusion clause no longer binds a count. */
  private static final Pattern LIST_BREAK = Pattern.compile(";|\\.\\s|\\b(?:if|unless|except|for\\s+patients|in\\s+patients"
      + "|who|which|while|whereas)\\b");

  /**
   * Whether a parenthesis opens and stays open in the text: the clause after it is the parenthesis' own ("Absolute
   * reticulocyte count ≥ 60,000/uL (or hemoglobin 10 gm/dL without transfusion support)").
   */
  private static boolean opensParenthesis(String between) {
    int depth = 0;
    for (char c : between.toCharArray()) {
      if (c == '(') depth++;
      else if (c == ')' && depth > 0) depth--;
    }
    return depth > 0;
  }

  /**
   * What may follow a clause that closes the sentence: nothing, or the moment of the counts ("… without transfusion
   * support at screening").
   */
  private static final Pattern CLOSES = Pattern.compile("\\s*(?:,?\\s*(?:at|during|before|prior\\s+to)\\s+(?:the\\s+)?"
      + "(?:screening|enrol+ment|registration|randomi[sz]ation|baseline|study\\s+entry|inclusion)(?:\\s+visit)?)?[\\s.;)]*");

  /** "with or without" just before: the transfusion is indifferent, not denied. */
  private static final Pattern WITH_OR = Pattern.compile("\\bwith\\s+or\\s*$");

  /**
   * A clause that ends the sentence and lets a transfusion reach the limits before it ("Hemoglobin ≥ 8 g/dL and
   * platelets ≥ 50 × 10^9/L (may be achieved by transfusion)", "…, with or without transfusion"), or null.
   */
  private static Matcher closingReach(Sentence s) {
    for (int from = s.lower.indexOf("transf"); from >= 0; from = s.lower.indexOf("transf", from + 1)) {
      // the clause starts at a word or a mark at most a few words before "transfusion"
      for (int at = Math.max(1, from - 90); at <= from; at++) {
        char c = s.lower.charAt(at);
        if (!(c == ',' || c == ';' || c == '(' || (Character.isLetter(c) && !Character.isLetterOrDigit(s.lower.charAt(at - 1)))))
          continue;
        Matcher m = BY_TRANSFUSION.matcher(s.lower).region(at, s.lower.length());
        if (m.lookingAt() && s.lower.substring(m.end()).matches("[\\s.;)]*")
            && (m.group("open") == null) == (m.group("close") == null)
            && (m.group("open2") == null) == (m.group("close2") == null)
            && (m.group("open3") == null) == (m.group("close3") == null)) {
          return m;
        }
      }
    }
    return null;
  }

  /** A transfusion clause that ends the sentence ("…, ANC ≥ 1,000/mm3 (without transfusion within 14 days)"), or null. */
  private static Matcher closingTransfusion(Sentence s) {
    Matcher m = TRANSFUSION.matcher(s.lower);
    Matcher last = null;
    int from = 0;
    while (from < s.lower.length() && m.find(from)) {
      int without = s.lower.indexOf("without", m.start());
      if (without >= 0 && without < m.end() && WITH_OR.matcher(s.lower.substring(0, without)).find()) {
        // "…, with or without transfusion": no transfusion-free window
        from = m.end();
        continue;
      }
      if (m.end() > m.start() && CLOSES.matcher(s.lower.substring(m.end())).matches()) {
        last = TRANSFUSION.matcher(s.lower);
        last.find(m.start());
        return last;
      }
      from = Math.max(m.end(), m.start() + 1);
    }
    return null;
  }

  /** Drops "(BUN)" after "blood urea nitrogen": the same measure named again in parentheses. */
  private static List<ConceptMention> withoutAliases(Sentence s, List<ConceptMention> measures) {
    List<ConceptMention> out = new ArrayList<>();
    for (ConceptMention m : measures) {
      ConceptMention last = out.isEmpty() ? null : out.get(out.size() - 1);
      if (last != null && last.id().equals(m.id()) && OPEN_PAREN.matcher(s.lower.substring(last.end(), m.start())).matches()) {
        continue;
      }
      out.add(m);
    }
    return out;
  }

  /**
   * A condition named right before the measure ("Paroxysmal Nocturnal Hemoglobinuria (PNH) clone") is its name; so
   * are "calculated" or "estimated" ("calculated CrCl").
   */
  private static int absorbPreceding(Sentence s, ConceptMention measure) {
    int start = measure.start();
    Matcher how = HOW_BEFORE.matcher(s.lower.substring(0, start));
    if (how.find()) start = how.start();
    for (ConceptMention m : s.mentions) {
      if (m.end() <= measure.start() && m.kind() == ConceptKind.CONDITION
          && SPACE_PAREN.matcher(s.lower.substring(m.end(), measure.start())).matches()
          && (parenthesisClosesInName(s, m.end(), measure) || DEGREE_BEFORE.matcher(s.lower.substring(0, m.start()))
              .find() || DefiningMeasures.defines(measure.id(), m.id()))) {
        start = Math.min(start, m.start());
      }
    }
    return start;
  }

  /** A word that says a diagnosis is spoken of: "diagnosis of", "diagnosed with". */
  private static final Pattern DIAGNOSIS_WORD = Pattern.compile("\\bdiagnos(?:is|ed|es)\\b");
  /** Words after the diagnosis that say what showed it: "confirmed by", "as defined by", "based on". */
  private static final Pattern EVIDENCE_LINK = Pattern.compile("\\b(?:(?:confirmed|documented|defined|evidenced"
      + "|demonstrated|proven|established|shown|supported|characteri[sz]ed)\\s+(?:by|with|through|as)|based\\s+on"
      + "|according\\s+to|consistent\\s+with)\\b");
  /** The limit opens a parenthesis right after the diagnosis: "Diagnosis of iTTP (ADAMTS13 activity < 10%)". */
  private static final Pattern OPENS_AFTER = Pattern.compile("\\(\\s*(?:(?:e\\.g\\.|i\\.e\\.|defined\\s+as|as\\s+defined"
      + "\\s+by|including)\\s*,?\\s*)?$");
  /** A diagnosis the sentence says was confirmed, so that "with" after it names what confirmed it. */
  private static final Pattern CONFIRMED_DIAGNOSIS = Pattern.compile("\\b(?:confirmed|documented|established|proven)"
      + "\\s+diagnosis\\b");
  private static final Pattern WITH_AT_END = Pattern.compile("\\bwith\\s+(?:an?\\s+|the\\s+)?$");
  /** Words that put the limit now, or within a time: then it is the latest result, as any limit is. */
  private static final Pattern NOW_OR_WINDOW = Pattern.compile("\\b(?:at|during)\\s+(?:the\\s+)?(?:time\\s+of\\s+"
      + "(?:the\\s+)?)?(?:screening|baseline|enrol\\w*|randomi[sz]ation|study\\s+entry|entry|inclusion|day\\s*1)\\b"
      + "|\\b(?:current(?:ly)?|now|within|active|ongoing|acute|persistent|persisting|recent|latest|last"
      + "|despite|while|on\\s+two)\\b");
  /**
   * Words that put the limit within a time only with a span ("in the past 3 months", "4 weeks prior to", "no more than
   * 30 days before"); alone ("Previous diagnosis of iTTP confirmed by …", "… prior to screening") they put it in the
   * past, as the diagnosis is (read as the latest result, a patient in remission was failed: DECISIONS 89, review).
   */
  private static final Pattern PAST_WORD = Pattern.compile("\\b(?:past|previous|prior|before|since)\\b"
      + "|\\bno\\s+(?:more|older)\\s+than\\b");
  private static final Pattern SPAN = Pattern.compile("(?i)" + Durations.DURATION);
  /** A word that opens another requirement between the diagnosis and the limit. */
  private static final Pattern ANOTHER_REQUIREMENT = Pattern.compile("[;.]\\s|\\b(?:and|or|plus|who|whose|must|should)\\b");

  /**
   * Whether a limit is what showed a diagnosis the sentence speaks of, not a result the patient must have now:
   * "Confirmed diagnosis of immune-mediated TTP (ADAMTS13 activity &lt; 10%)", "Diagnosis of iTTP, confirmed by
   * ADAMTS13 activity &lt; 10%", "Documented diagnosis of TTP with ADAMTS13 activity &lt; 10%", "Diagnosis of severe
   * aplastic anemia (bone marrow cellularity &lt; 25%)". The result that made the diagnosis may be years old: the
   * latest (of a patient in remission, after treatment) does not fail it. Not when the clause puts the limit now or
   * within a time ("… with platelet count &lt; 30 × 10^9/L at screening", "acute", "current"), nor when another
   * requirement stands between the two ("Diagnosis of ITP and platelet count &lt; 30 × 10^9/L").
   */
  static boolean evidenceOfDiagnosis(Sentence s, int start, int readEnd, List<ConceptMention> measures) {
    int from = Math.max(s.lower.lastIndexOf(';', start - 1), 0);
    int to = s.lower.indexOf(';', readEnd);
    if (to < 0) to = s.lower.length();
    String before = s.lower.substring(from, start);
    Matcher diagnosis = DIAGNOSIS_WORD.matcher(before);
    int after = -1;
    while (diagnosis.find()) after = diagnosis.end();
    boolean named = after >= 0;
    // the disease the limit follows: "Immune TTP confirmed by ADAMTS13 activity < 10%" (named without "diagnosis")
    ConceptMention disease = null;
    for (ConceptMention m : s.mentions) {
      if (m.kind() == ConceptKind.CONDITION && m.start() >= from && m.end() <= start
          && (disease == null || m.end() > disease.end())) {
        disease = m;
      }
    }
    if (!named) {
      if (disease == null) return false;
      after = disease.end() - from;
    }
    String clause = s.lower.substring(from, to);
    if (NOW_OR_WINDOW.matcher(clause).find()
        || PAST_WORD.matcher(clause).find() && SPAN.matcher(clause).find()) {
      return false;
    }
    String between = before.substring(after);
    Matcher link = EVIDENCE_LINK.matcher(between);
    boolean linked = link.find();
    // a disease named without "diagnosis" and "defined as/by" a limit is what the limit is now ("Anemia, defined as
    // hemoglobin < 10 g/dL"): only words that say it was shown make the limit the diagnosis's evidence
    // … unless the limit, in brackets right after the disease, is the test that confirms it ("Pure red cell aplasia
    // (reticulocytes < 1%)", "Immune TTP (ADAMTS13 activity < 10%)": DefiningMeasures.confirms)
    if (!named && !linked && disease != null && OPENS_AFTER.matcher(between).find()
        && !ANOTHER_REQUIREMENT.matcher(between).find() && confirming(disease, measures)) {
      return true;
    }
    if (!named && (!linked || link.group().startsWith("defined") || link.group().startsWith("characteri"))) {
      return false;
    }
    String upToLimit = linked ? between.substring(link.end()) : between;
    // what the link names must be the limit's test: after "according to the IWG criteria," or "confirmed by a
    // positive DAT," or "for at least 6 months", "with a platelet count < 30" is a count the trial asks now (read as
    // the evidence, every ITP patient with a normal count was asked); a test that confirms the disease still is
    boolean plain = !ELSEWHERE.matcher(upToLimit).find()
        || disease != null && confirming(disease, measures);
    if (linked && !ANOTHER_REQUIREMENT.matcher(upToLimit).find()) return plain;
    if (ANOTHER_REQUIREMENT.matcher(between).find()) return false;
    return plain && (OPENS_AFTER.matcher(between).find()
        || CONFIRMED_DIAGNOSIS.matcher(before).find() && WITH_AT_END.matcher(between).find());
  }

  /** Between a diagnosis (or what showed it) and a limit, words that make the limit a requirement of its own. */
  private static final Pattern ELSEWHERE = Pattern.compile(",|\\d|\\b(?:criteria|guidelines?|classification"
      + "|definition|standards?)\\b");

  private static boolean confirming(ConceptMention disease, List<ConceptMention> measures) {
    return !measures.isEmpty() && measures.stream().allMatch(m -> DefiningMeasures.confirms(m.id(), disease.id()));
  }

  /**
   * A degree written before a disease, which limits in parentheses after it define: "Uncontrolled hypertension
   * (systolic blood pressure ≥ 160 mmHg …)" is the limits, the degree asked.
   */
  private static final Pattern DEGREE_BEFORE = Pattern.compile("\\b(?:uncontrolled|(?:poorly|inadequately|not)\\s+"
      + "controlled|severe|significant)\\s+$");

  /**
   * Whether a parenthesis opened between a disease and a measure closes inside the measure's name: "(PNH) clone" is
   * one name, but in "ITP (platelet count &lt; 30 × 10^9/L)" the parenthesis holds a limit of its own beside the
   * disease (absorbed, the disease was dropped and every low count met the exclusion); unless a degree before the
   * disease is what the limit defines ({@link #DEGREE_BEFORE}), or the limit is what the disease is
   * ({@link DefiningMeasures}: "Hypertension (systolic blood pressure ≥ 160 mmHg)").
   */
  private static boolean parenthesisClosesInName(Sentence s, int from, ConceptMention measure) {
    int open = s.lower.lastIndexOf('(', measure.start());
    if (open < from) return true;
    int close = s.lower.indexOf(')', open);
    return close >= 0 && close < measure.end();
  }

  /** Scales that say the same thing for different patients: "Karnofsky/Lansky ≥ 60" asks for either. */
  private static final java.util.Set<String> PERFORMANCE_SCALES = java.util.Set.of("karnofsky", "lansky", "ecog");

  private static Rule combine(List<Rule> rules, List<String> joins, CriterionType type) {
    if (rules.size() == 1) return rules.get(0);
    if (rules.stream().allMatch(r -> r instanceof MeasurementRule m && PERFORMANCE_SCALES.contains(m.measure()))
        && joins.stream().allMatch(j -> j.equals("/") || j.equals("or"))) {
      return new AnyOf(rules);
    }
    boolean or = joins.stream().anyMatch(j -> j.equals("or") || j.equals("and/or"));
    boolean and = joins.stream().anyMatch(j -> j.equals("and") || j.equals("&"));
    if (or && !and) return new AnyOf(rules);
    if (and && !or) return new AllOf(rules);
    return type == CriterionType.EXCLUSION ? new AnyOf(rules) : new AllOf(rules);
  }

  private static MeasurementRule rule(Sentence s, ConceptMention m, Thresholds.Threshold t) {
    MeasureInfo info = s.context.lexicon().measure(m.id()).orElse(null);
    if (info == null) return null;
    String canonical = info.canonicalUnit();
    int recency = s.context.settings().recencyDays();
    if (t.uln()) {
      return new MeasurementRule(m.id(), label(info), t.comparator(), t.value(), true, canonical, recency, null);
    }
    if (t.lln()) {
      return new MeasurementRule(m.id(), label(info), t.comparator(), t.value(), false, canonical, recency, null, true);
    }
    String unit = t.unit();
    double value = t.value();
    Matcher unread = UNIT_NOT_READ.matcher(s.lower).region(t.end(), s.lower.length());
    if (unit == null && unread.lookingAt() && s.mentions.stream().noneMatch(o -> o.start() == unread.start("word")
        || unread.start("after") >= 0 && o.start() == unread.start("after"))) {
      // "creatinine clearance ≥ 1 mL/hr" with a unit no pattern knows: the measure's usual unit would read 1 mL/min
      // (a measure's name after "/" is the next limit: "Karnofsky ≥ 70/Lansky ≥ 70")
      return null;
    }
    if (unit != null && COUNT.contains(canonical) && unit.replaceAll("\\s+", "").matches("[gt]/l")) {
      // "neutrophils < 0.5 G/L", "RBC ≥ 3.5 T/L": giga or tera per litre (a count is never a mass or a tonne),
      // lower-cased in the text
      unit = unit.replaceAll("\\s+", "").toUpperCase(java.util.Locale.ROOT);
    }
    if (unit == null) {
      if (isScore(canonical)) {
        return new MeasurementRule(m.id(), label(info), t.comparator(), value, false, canonical, recency, null);
      }
      if (canonical.equals("10*9/L") && value >= 1000) unit = "/uL";
      else if (canonical.equals("%")) unit = "%";
      else if (info.unitWhenOmitted() != null) unit = info.unitWhenOmitted();
      else return null;
    }
    if (m.id().equals(CLEARANCE)) {
      // per 1.73 m² the limit is on the scaled clearance, which perBodySurface compares; the number is the same
      unit = SCALED.matcher(unit).replaceFirst("");
    }
    OptionalDouble converted = s.context.lexicon().toCanonical(m.id(), value, unit.replaceAll("\\s+", ""));
    if (converted.isEmpty()) return null;
    return new MeasurementRule(m.id(), label(info), t.comparator(), round(converted.getAsDouble()), false, canonical,
        recency, null);
  }

  /**
   * A unit right after a number that no threshold pattern read: a word joined by "/" ("mL/s", "Gi/L", "/hpf") or
   * "per" and a word. The number's unit is then unknown, never the measure's usual one.
   */
  private static final Pattern UNIT_NOT_READ = Pattern.compile("\\s*(?!and\\s*/\\s*or\\b)(?<word>)(?:[a-z]{1,8}\\s*/\\s*"
      + "[a-z(]|/\\s*(?<after>)[a-z(]|per\\s+(?:[nmu]?l|mcl|mm3|lit(?:er|re)|microlit(?:er|re)|kg|m2|s|sec|seconds?|min|minutes?|h|hours?)\\b)");
  /** Canonical units of cell counts, in which "g/l" can only be giga per litre. */
  private static final java.util.Set<String> COUNT = java.util.Set.of("10*9/L", "10*12/L");

  /** Words between a limit and its window: "…, documented within", "at any time in". */
  private static final Pattern TO_WINDOW = Pattern.compile("[\\s,]*(?:(?:documented|measured|recorded|observed|"
      + "confirmed)\\s*)?(?:(?:at\\s+)?any\\s+time\\s*)?");

  /**
   * "Platelet count < 30 × 10^9/L within the past 12 months", "ANC < 0.5 × 10^9/L at any time in the last year": in an
   * inclusion, a window longer than the one for a recent value (a screening lab's "within 14 days" is not) lets any
   * result in it count, which the latest value alone cannot rule out: failing it leaves the question open. Read on
   * the latest value alone, a patient whose count was below the limit six months ago and above it now was excluded.
   */
  private static Rule anyTimeInWindow(Sentence s, int start, int readEnd, Rule read) {
    if (s.type != CriterionType.INCLUSION || s.negated || !s.timing.explicit() || s.timingAt < readEnd
        || !(s.timing.window() instanceof org.eligo.core.rule.TimeWindow.WithinDays(int days, boolean onset))
        || days <= s.context.settings().recencyDays()
        || !TO_WINDOW.matcher(s.lower).region(readEnd, s.timingAt).matches()) {
      return read;
    }
    String limit = s.text.substring(start, readEnd).strip();
    return new AnyOf(List.of(read, new org.eligo.core.rule.Ask("Was \u201c" + limit + "\u201d met at any time in the "
        + "last " + days + " days (the latest result does not meet it)?")));
  }

  private static final String CLEARANCE = "creatinine-clearance";
  private static final Pattern PER_BODY_SURFACE = Pattern.compile("1[.,]73");
  /** "/1.73 m²", "per 1.73 square metres" at the end of a unit. */
  private static final Pattern SCALED = Pattern.compile("\\s*(?:/|per)\\s*1[.,]73.*$");

  /**
   * "Creatinine clearance ≥ 60 mL/min/1.73 m²": a clearance scaled to a body surface of 1.73 m², which the record's
   * clearance (a laboratory's in mL/min, or Eligo's Cockcroft-Gault estimate) is not: for a small patient the scaled
   * figure is higher (55 mL/min for 1.5 m² is 63 mL/min/1.73 m²), for a large one lower, and UCUM reads the
   * annotation {1.73_m2} as 1. Each limit is decided only where the clearance and the eGFR (which is scaled to
   * 1.73 m²) agree on it, and asked about where they differ; read on the clearance alone it excluded small patients
   * who meet it.
   */
  private static Rule perBodySurface(Sentence s, Rule limit) {
    return switch (limit) {
      case MeasurementRule m when m.measure().equals(CLEARANCE) -> {
        MeasureInfo egfr = s.context.lexicon().measure("egfr").orElse(null);
        if (egfr == null) yield new org.eligo.core.rule.Unparsed("a creatinine clearance per 1.73 m²");
        MeasurementRule scaled = new MeasurementRule("egfr", label(egfr), m.comparator(), m.threshold(), false,
            egfr.canonicalUnit(), m.recencyDays(), m.transfusionFreeDays());
        org.eligo.core.rule.Ask ask = new org.eligo.core.rule.Ask("Is the " + m.label() + " per 1.73 m² of body surface "
            + m.comparator().symbol() + " " + org.eligo.core.rule.ReadableNumber.of(m.threshold())
            + " mL/min/1.73 m²? (the clearance in mL/min and the eGFR differ on it)");
        yield new AnyOf(List.of(new AllOf(List.of(m, scaled)),
            new AllOf(List.of(new AnyOf(List.of(m, scaled)), ask))));
      }
      case AllOf a -> new AllOf(a.rules().stream().map(r -> perBodySurface(s, r)).toList());
      case AnyOf a -> new AnyOf(a.rules().stream().map(r -> perBodySurface(s, r)).toList());
      default -> limit;
    };
  }

  /** The measure's name inside a sentence: "platelet count", but "Karnofsky performance status". */
  private static String label(MeasureInfo info) {
    String l = info.label();
    boolean commonWord = l.length() > 1 && Character.isUpperCase(l.charAt(0)) && Character.isLowerCase(l.charAt(1));
    if (!commonWord || info.capitalised()) return l;
    return Character.toLowerCase(l.charAt(0)) + l.substring(1);
  }

  /** Unitless: a score ({@code {score}}), a ratio such as the INR ({@code {INR}}), or none. */
  static boolean isScore(String unit) {
    return unit.isEmpty() || unit.startsWith("{") || unit.equals("1");
  }

  private static double round(double v) {
    return Math.round(v * 1e9) / 1e9;
  }

}
