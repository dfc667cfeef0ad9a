package org.eligo.core.eval;

import org.eligo.core.rule.AgeRule;
import org.eligo.core.rule.AllOf;
import org.eligo.core.rule.AllergyRule;
import org.eligo.core.rule.AnyOf;
import org.eligo.core.rule.Ask;
import org.eligo.core.rule.AtLeast;
import org.eligo.core.rule.ConditionRule;
import org.eligo.core.rule.Criterion;
import org.eligo.core.rule.ImmunizationRule;
import org.eligo.core.rule.MeasurementRule;
import org.eligo.core.rule.MedicationRule;
import org.eligo.core.rule.Not;
import org.eligo.core.rule.PregnancyRule;
import org.eligo.core.rule.ViralLoadRule;
import org.eligo.core.rule.QualitativeResultRule;
import org.eligo.core.rule.ProcedureRule;
import org.eligo.core.rule.Rule;
import org.eligo.core.rule.ScreeningConfirmation;
import org.eligo.core.rule.SexRule;
import org.eligo.core.rule.Unparsed;

/**
 * Which truth values a rule can take for some patient, known from its shape alone: a question ({@link Ask}), an
 * unparsed sentence or a screening confirmation is always UNKNOWN, and combinators propagate that (an all-of with a
 * question in it can never be MET). The answer errs on the side of "possible": a rule said never to be MET is never
 * MET for any patient, which is what lets screening skip criteria that cannot exclude anyone.
 *
 * @param met some patient can meet the rule
 * @param notMet some patient can fail it
 */
public record PossibleTruths(boolean met, boolean notMet) {
  private static final PossibleTruths ANY = new PossibleTruths(true, true);
  private static final PossibleTruths ONLY_UNKNOWN = new PossibleTruths(false, false);

  /** Always UNKNOWN, whatever the record holds. */
  public boolean alwaysUnknown() {
    return !met && !notMet;
  }

  public static PossibleTruths of(Rule rule) {
    return switch (rule) {
      case Ask r -> ONLY_UNKNOWN;
      case Unparsed r -> ONLY_UNKNOWN;
      case ScreeningConfirmation r -> ONLY_UNKNOWN;
      case Not r -> {
        PossibleTruths inner = of(r.rule());
        yield new PossibleTruths(inner.notMet(), inner.met());
      }
      case AllOf r -> new PossibleTruths(r.rules().stream().allMatch(p -> of(p).met()),
          r.rules().stream().anyMatch(p -> of(p).notMet()));
      case AnyOf r -> new PossibleTruths(r.rules().stream().anyMatch(p -> of(p).met()),
          r.rules().stream().allMatch(p -> of(p).notMet()));
      case AtLeast r -> new PossibleTruths(r.rules().stream().filter(p -> of(p).met()).count() >= r.count(),
          r.rules().stream().filter(p -> of(p).notMet()).count() >= r.rules().size() - r.count() + 1);
      case AgeRule r -> ANY;
      case SexRule r -> ANY;
      case MeasurementRule r -> ANY;
      case ConditionRule r -> ANY;
      case MedicationRule r -> ANY;
      case ProcedureRule r -> ANY;
      case ImmunizationRule r -> ANY;
      case AllergyRule r -> ANY;
      case PregnancyRule r -> ANY;
      case ViralLoadRule r -> ANY;
      // a positive at any time is all the ever mode reads: never failed
      case QualitativeResultRule r -> r.ever() ? new PossibleTruths(true, false) : ANY;
    };
  }

  /** Whether the criterion can make some patient INELIGIBLE: an inclusion that can fail, an exclusion that can be met. */
  public static boolean canExclude(Criterion criterion) {
    PossibleTruths possible = of(criterion.rule());
    return switch (criterion.type()) {
      case INCLUSION -> possible.notMet();
      case EXCLUSION -> possible.met();
    };
  }
}
