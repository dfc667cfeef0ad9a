package org.eligo.criteria.parse;

import java.util.List;

/**
 * The parser's passes in the order they run, in one place. Each reads the sentence and what earlier passes found;
 * the first to settle the whole sentence ends the run, and {@link RuleAssembler} builds the rule from the rest.
 *
 * <ol>
 *   <li>{@link ScreeningConfirmationRecogniser}: consent, willingness, investigator judgement, other studies.</li>
 *   <li>{@link PermissionRecogniser}: a sentence that grants ("… are eligible", "… is permitted") requires nothing.</li>
 *   <li>{@link SexRecogniser}: "Male and female", "Women only".</li>
 *   <li>{@link ListOfFollowingRecogniser}: "at least two of the following" over sub-items or an inline list.</li>
 *   <li>{@link DefinedByDiagnosesRecogniser}: a disease defined by diseases ("Evans syndrome, defined as AIHA and
 *       ITP"): either.</li>
 *   <li>{@link PriorTherapyCount}: "at least two of: corticosteroids, IVIG, rituximab"; {@link NaiveRecogniser}:
 *       "naive to eltrombopag"; {@link HalfLifeWashout}: "washout of 5 half-lives from eltrombopag", asked;
 *       {@link RecoveryAlternative}: "no rituximab within 6 months (or B-cell recovery)";
 *       {@link HalfLivesFirst}: "within 5 half-lives or 14 days, whichever is longer" (§73).</li>
 *   <li>{@link HedgeRecogniser}: clauses the record cannot settle become questions.</li>
 *   <li>{@link GradeRecogniser}: the class a disease is graded by ("NYHA class III or IV", "Child-Pugh B or C"),
 *       asked; the disease it grades where none is named.</li>
 *   <li>{@link DoseRecogniser}: a dose limit on a drug ("&gt; 10 mg/day prednisone or equivalent"), asked.</li>
 *   <li>{@link ShorterWindowRecogniser}: "within 30 days or 5 half-lives, whichever is shorter", left unread.</li>
 *   <li>{@link WashoutRecogniser}: time since the last dose of a drug ("at least 4 weeks since last dose of
 *       rituximab"), read as the drug denied within that time.</li>
 *   <li>{@link TimeRecogniser}: time windows and "current"/"history of".</li>
 *   <li>{@link AntiglobulinTestRecogniser}: the direct antiglobulin (Coombs) test and its result (§86);
 *       {@link HemolysisEvidenceRecogniser}: "Evidence of hemolysis:" before the markers that show it.</li>
 *   <li>{@link InfectionTestRecogniser}: infections named by a test result ("positive HBsAg", "HIV-negative").</li>
 *   <li>{@link NegationRecogniser}: a leading "no"/"not", and exceptions.</li>
 *   <li>{@link AgeRecogniser}, {@link EcogRecogniser}, {@link BloodPressureRecogniser} ("≥ 160/100 mmHg"),
 *       {@link MeasurementRecogniser}: numbers with units.</li>
 *   <li>{@link PregnancyRecogniser}, {@link AllergyRecogniser}: pregnancy, breastfeeding, allergies.</li>
 *   <li>{@link DialysisRecogniser}: on dialysis (a recent procedure or the dependence), or dialysis at any time.</li>
 *   <li>{@link ConceptRecogniser}: diseases, drugs, procedures and vaccines as history rules.</li>
 *   <li>{@link RuleAssembler}: joins the readings with the sentence's connectives, questions and negation.</li>
 * </ol>
 */
public final class ParserPasses {
  private ParserPasses() {}

  /** A new list of the passes; every pass is stateless, so one list serves all threads. */
  public static List<Recogniser> standard() {
    return List.of(
        new CourseLengthRecogniser(),
        new ScreeningConfirmationRecogniser(),
        new PermissionRecogniser(),
        new SexRecogniser(),
        new DiseaseDurationRecogniser(),
        new TransfusionCountRecogniser(),
        new ListOfFollowingRecogniser(),
        new DefinedByDiagnosesRecogniser(),
        new PriorTherapyCount(),
        new NaiveRecogniser(),
        new HalfLifeWashout(),
        new RecoveryAlternative(),
        new HalfLivesFirst(),
        new HedgeRecogniser(),
        new GradeRecogniser(),
        new DoseRecogniser(),
        new ShorterWindowRecogniser(),
        new WashoutRecogniser(),
        new TimeRecogniser(),
        new ViralLoadLimitRecogniser(),
        new ViralLoadQualifierRecogniser(),
        new AntiglobulinTestRecogniser(),
        new HemolysisEvidenceRecogniser(),
        new InfectionTestRecogniser(),
        new NegationRecogniser(),
        new AgeRecogniser(),
        new EcogRecogniser(),
        new BloodPressureRecogniser(),
        new MeasurementRecogniser(),
        new PregnancyRecogniser(),
        new AllergyRecogniser(),
        new DialysisRecogniser(),
        new ConceptRecogniser(),
        new RuleAssembler());
  }
}
