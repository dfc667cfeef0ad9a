package org.eligo.criteria.pass;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eligo.core.rule.AllOf;
import org.eligo.core.rule.AnyOf;
import org.eligo.core.rule.Ask;
import org.eligo.core.rule.AtLeast;
import org.eligo.core.rule.CriterionType;
import org.eligo.core.rule.MedicationRule;
import org.eligo.core.rule.MedicationTiming;
import org.eligo.core.rule.Not;
import org.eligo.core.rule.Rule;
import org.eligo.criteria.lexicon.ConceptLexicon;

/**
 * A drug class defined by what it is given for ("ITP therapy") holds drugs given for many diseases: prednisone for
 * asthma, IVIG for an immunodeficiency, rituximab for a lymphoma are no ITP therapy, and the record does not say what a
 * drug was for. Read as the class, "Prior ITP therapy within 2 weeks" excluded a patient on prednisone for anything,
 * and "Must have received at least one prior ITP therapy" failed a patient whose ITP drug is no member (anti-D,
 * dapsone, a vinca alkaloid, an investigational drug): the class cannot be closed (DECISIONS 91, review).
 *
 * <p>Only the members given for the disease alone decide. Where the class excludes (an exclusion's positive part, a
 * denial in the inclusion list) it is any of (those members, all of (the other members, asked whether given for the
 * disease)): a patient on none of its members is not excluded. Where it must hold (an inclusion, or negated in an
 * exclusion) it is any of (those members, asked): a list without them is asked, never failed.
 */
public final class ClassByUsePass {
  /** A class by use: its members given for the disease alone, and how they and the rest are named. */
  private record ByUse(Set<String> specific, String specificLabel, String othersLabel, String disease) {}

  /**
   * The classes by use. ITP: thrombopoietin receptor agonists, rhTPO and fostamatinib are given for thrombocytopenia
   * alone (their labelled uses: ITP; eltrombopag also aplastic anemia; avatrombopag and lusutrombopag the
   * thrombocytopenia of chronic liver disease); corticosteroids, IVIG, rituximab, rilzabrutinib and the
   * immunosuppressants are given for many diseases.
   */
  private static final Map<String, ByUse> CLASSES = Map.of("itp-therapy", new ByUse(
      Set.of("tpo-receptor-agonist", "rhtpo", "fostamatinib"), "a TPO-RA, rhTPO or fostamatinib",
      "a drug also given for other diseases (corticosteroid, IVIG, rituximab, immunosuppressant)",
      "immune thrombocytopenia (ITP)"));

  private final ConceptLexicon lexicon;

  public ClassByUsePass(ConceptLexicon lexicon) {
    this.lexicon = lexicon;
  }

  public Rule apply(Rule rule, CriterionType type) {
    return rewrite(rule, type == CriterionType.INCLUSION);
  }

  private Rule rewrite(Rule rule, boolean mustHold) {
    return rewrite(rule, mustHold, Set.of());
  }

  /**
   * @param listed the classes a sibling reads within a window: beside it, the class "now" is the course the record
   *     lists as ongoing, asked when its last dose was ({@code DrugWindowDenial}), and is left as read: split, its
   *     question about drugs the record does not list made every such denial UNKNOWN
   */
  private Rule rewrite(Rule rule, boolean mustHold, Set<Set<String>> listed) {
    return switch (rule) {
      case MedicationRule m when m.timing() instanceof MedicationTiming.Current && listed.contains(m.concepts()) -> m;
      case MedicationRule m when m.concepts().stream().anyMatch(CLASSES::containsKey) -> split(m, mustHold);
      case AllOf a -> new AllOf(each(a.rules(), mustHold, listed));
      case AnyOf a -> new AnyOf(each(a.rules(), mustHold, listed));
      case AtLeast a -> new AtLeast(a.count(), each(a.rules(), mustHold, listed));
      case Not n -> new Not(rewrite(n.rule(), !mustHold, listed));
      default -> rule;
    };
  }

  private List<Rule> each(List<Rule> rules, boolean mustHold, Set<Set<String>> listed) {
    Set<Set<String>> windows = new java.util.HashSet<>(listed);
    for (Rule r : rules) {
      Rule inner = r instanceof Not n ? n.rule() : r;
      if (inner instanceof MedicationRule m && m.timing() instanceof MedicationTiming.WithinDays) {
        windows.add(m.concepts());
      }
    }
    return rules.stream().map(r -> rewrite(r, mustHold, windows)).toList();
  }

  private Rule split(MedicationRule m, boolean mustHold) {
    List<Rule> any = new ArrayList<>();
    Set<String> rest = new LinkedHashSet<>(m.concepts());
    rest.removeAll(CLASSES.keySet());
    if (!rest.isEmpty()) any.add(new MedicationRule(rest, m.timing(), m.label()));
    for (String id : m.concepts()) {
      ByUse c = CLASSES.get(id);
      if (c == null) continue;
      any.add(new MedicationRule(c.specific(), m.timing(), c.specificLabel()));
      if (mustHold) {
        any.add(new Ask("Has the patient had " + m.label() + " as the trial means it (the record may not name the "
            + "drug given for " + c.disease() + ")?"));
        continue;
      }
      Set<String> others = new LinkedHashSet<>(lexicon.membersOf(id));
      others.removeAll(c.specific());
      if (!others.isEmpty()) {
        any.add(new AllOf(List.of(new MedicationRule(others, m.timing(), c.othersLabel()),
            new Ask("Was it given for " + c.disease() + "?"))));
      }
    }
    return any.size() == 1 ? any.get(0) : new AnyOf(any);
  }
}
