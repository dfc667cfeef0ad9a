package org.eligo.core.rule;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A finding a qualitative test shows, read from the record's coded results ({@code CodedObservation}, answers
 * {@code positive} / {@code negative}): "positive direct antiglobulin test", "DAT positive for IgG". Open-world, as a
 * lab value: no result, or none recent enough, is UNKNOWN.
 *
 * <p>A test may be recorded whole or by its parts (a polyspecific DAT, or the IgG- and C3-specific DATs), so the rule
 * says which measures show the finding and which sets of them rule it out: "positive DAT" is shown by a positive
 * polyspecific, IgG- or C3-specific result and ruled out by a negative polyspecific result or by negative IgG- and
 * C3-specific results together; an IgG-specific result alone rules out nothing it does not test.
 *
 * @param label       words for people, e.g. "direct antiglobulin test (DAT)"
 * @param shownBy     measure keys whose positive result shows the finding
 * @param ruledOutBy  sets of measure keys whose latest results, all negative, rule the finding out
 * @param recencyDays how old the latest results may be to decide; older ones are asked about
 * @param ever        a positive result at any time shows it ("documented positive DAT", "diagnosis … with a positive
 *     DAT"), and no result rules it out (a test at diagnosis may be negative now): MET or UNKNOWN only
 */
public record QualitativeResultRule(String label, Set<String> shownBy, List<Set<String>> ruledOutBy, int recencyDays,
                                    boolean ever) implements Rule {

  public QualitativeResultRule {
    Objects.requireNonNull(label, "label");
    shownBy = Set.copyOf(shownBy);
    ruledOutBy = ruledOutBy.stream().map(Set::copyOf).toList();
    if (shownBy.isEmpty()) throw new IllegalArgumentException("a finding is shown by at least one measure");
    if (ruledOutBy.stream().anyMatch(Set::isEmpty)) throw new IllegalArgumentException("an empty set rules out nothing");
    if (recencyDays <= 0) throw new IllegalArgumentException("recencyDays must be positive: " + recencyDays);
  }

  /** Every measure the rule reads. */
  public Set<String> measures() {
    Set<String> all = new java.util.LinkedHashSet<>(shownBy);
    ruledOutBy.forEach(all::addAll);
    return all;
  }
}
