package org.eligo.criteria.lexicon;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.eligo.terminology.Mention;
import org.eligo.terminology.Terminology;
import org.eligo.terminology.measure.Conversion;
import org.eligo.terminology.measure.Measure;
import org.eligo.terminology.measure.MeasureMention;

/**
 * The {@link ConceptLexicon} backed by Eligo's {@link Terminology}: its concept ids, measure keys, synonyms and unit
 * conversion. A phrase naming several concepts gives one mention per concept, on the same span.
 */
public final class TerminologyLexicon implements ConceptLexicon {
  private static volatile TerminologyLexicon bundled;

  private final Terminology terminology;

  public TerminologyLexicon(Terminology terminology) {
    this.terminology = Objects.requireNonNull(terminology, "terminology");
  }

  /** The lexicon over the bundled terminology, built once per process. */
  public static TerminologyLexicon bundled() {
    TerminologyLexicon current = bundled;
    if (current == null) {
      synchronized (TerminologyLexicon.class) {
        current = bundled;
        if (current == null) {
          current = new TerminologyLexicon(Terminology.load());
          bundled = current;
        }
      }
    }
    return current;
  }

  public Terminology terminology() {
    return terminology;
  }

  @Override
  public List<ConceptMention> findMentions(String sentence) {
    if (sentence == null || sentence.isEmpty()) return List.of();
    List<ConceptMention> out = new ArrayList<>();
    for (Mention m : terminology.findMentions(sentence)) {
      if (m.end() <= m.start()) continue;
      String label = terminology.findConcept(m.conceptId()).map(c -> c.label()).orElse(m.text());
      out.add(new ConceptMention(m.conceptId(), kind(m.kind()), m.start(), m.end(), label));
    }
    for (MeasureMention m : terminology.findMeasures(sentence)) {
      if (m.end() <= m.start()) continue;
      out.add(new ConceptMention(m.measureKey(), ConceptKind.MEASURE, m.start(), m.end(),
          terminology.measure(m.measureKey()).label()));
    }
    out.sort(Comparator.comparingInt(ConceptMention::start).thenComparing(c -> -c.end()));
    return out;
  }

  private static ConceptKind kind(org.eligo.terminology.Kind kind) {
    return switch (kind) {
      case CONDITION -> ConceptKind.CONDITION;
      case MEDICATION -> ConceptKind.DRUG;
      case PROCEDURE -> ConceptKind.PROCEDURE;
      case VACCINE -> ConceptKind.VACCINE;
    };
  }

  @Override
  public Optional<MeasureInfo> measure(String key) {
    return terminology.measures().stream().filter(m -> m.key().equals(key)).findFirst().map(TerminologyLexicon::info);
  }

  private static MeasureInfo info(Measure m) {
    String firstWord = m.label().split(" ", 2)[0];
    boolean capitalised = m.synonyms().stream().anyMatch(syn -> syn.startsWith(firstWord))
        && m.synonyms().stream().noneMatch(syn -> syn.startsWith(firstWord.toLowerCase(java.util.Locale.ROOT)));
    return new MeasureInfo(m.key(), m.label(), m.canonicalUnit().orElse(""), m.unitWhenOmitted().orElse(null),
        capitalised);
  }

  @Override
  public boolean knowsConcept(String id) {
    return terminology.findConcept(id).isPresent();
  }

  @Override
  public boolean isEvent(String conceptId) {
    return terminology.findConcept(conceptId).map(org.eligo.terminology.Concept::event).orElse(false);
  }

  @Override
  public boolean knowsViralLoadTest(String test, String infection) {
    return terminology.infectionTests().stream().anyMatch(t -> t.viralLoad() && t.key().equals(test)
        && t.infection().equals(infection));
  }

  @Override
  public OptionalDouble toCanonical(String measureKey, double value, String unit) {
    if (measure(measureKey).isEmpty()) return OptionalDouble.empty();
    try {
      Conversion c = terminology.toCanonical(measureKey, value, unit);
      return c instanceof Conversion.Converted converted ? OptionalDouble.of(converted.value()) : OptionalDouble.empty();
    } catch (IllegalArgumentException e) {
      return OptionalDouble.empty();
    }
  }

  @Override
  public java.util.Set<String> broaderThan(String conceptId) {
    if (terminology.findConcept(conceptId).isEmpty()) return java.util.Set.of();
    java.util.Set<String> broader = new java.util.HashSet<>(terminology.closure(conceptId));
    broader.remove(conceptId);
    return java.util.Set.copyOf(broader);
  }

  @Override
  public java.util.Set<String> membersOf(String classId) {
    return terminology.findConcept(classId).map(c -> java.util.Set.copyOf(c.includes())).orElse(java.util.Set.of());
  }

  @Override
  public java.util.Set<String> agentsOf(String classId) {
    var concept = terminology.findConcept(classId);
    if (concept.isEmpty() || !concept.get().isGroup()) return java.util.Set.of();
    java.util.Set<String> agents = new java.util.TreeSet<>();
    java.util.ArrayDeque<String> todo = new java.util.ArrayDeque<>(concept.get().includes());
    java.util.Set<String> seen = new java.util.HashSet<>();
    while (!todo.isEmpty()) {
      String id = todo.pop();
      if (!seen.add(id)) continue;
      var member = terminology.findConcept(id);
      if (member.isEmpty()) continue;
      if (member.get().isGroup()) todo.addAll(member.get().includes());
      else agents.add(id);
    }
    return java.util.Set.copyOf(agents);
  }
}
