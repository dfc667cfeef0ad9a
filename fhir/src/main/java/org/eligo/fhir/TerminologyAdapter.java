package org.eligo.fhir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eligo.core.patient.InfectionResult.Finding;
import org.eligo.terminology.Terminology;
import org.eligo.terminology.infection.QualitativeResult;
import org.eligo.terminology.infection.Reading;
import org.eligo.terminology.measure.PlausibleRange;
import org.eligo.terminology.measure.ValueType;

/**
 * {@link FhirTerminology} over the terminology module (infection tests included), plus the coded status observations
 * listed in {@code coded-observations.tsv} (pregnancy status) where the terminology has none.
 */
public final class TerminologyAdapter implements FhirTerminology {
  private static volatile TerminologyAdapter bundled;

  private final Terminology terminology;
  // In file order: the first LOINC of a measure is its main one.
  private final Map<String, Measure> codedByLoinc = new java.util.LinkedHashMap<>();
  private final Map<String, Set<String>> answersByCode = new HashMap<>();
  private final Map<String, Set<String>> answersByText = new HashMap<>();
  private final Map<String, InfectionTest> infectionTestsByLoinc = new HashMap<>();

  public TerminologyAdapter(Terminology terminology) {
    this.terminology = java.util.Objects.requireNonNull(terminology, "terminology");
    loadCodedObservations();
    indexMeasureNames();
    for (org.eligo.terminology.infection.InfectionTest t : terminology.infectionTests()) {
      InfectionTest test = infectionTest(t);
      t.loinc().forEach(c -> infectionTestsByLoinc.put(c.code().strip(), test));
    }
  }

  /** The adapter over the bundled terminology ({@link Terminology#load()}). */
  public static TerminologyAdapter bundled() {
    TerminologyAdapter a = bundled;
    if (a == null) {
      synchronized (TerminologyAdapter.class) {
        if (bundled == null) bundled = new TerminologyAdapter(Terminology.load());
        a = bundled;
      }
    }
    return a;
  }

  /**
   * The LOINC code of a coded status measure from this module's supplement ({@code coded-observations.tsv}), or
   * null.
   */
  public static String supplementLoinc(String measureKey) {
    return bundled().codedByLoinc.entrySet().stream().filter(e -> e.getValue().key().equals(measureKey))
        .map(Map.Entry::getKey).findFirst().orElse(null);
  }

  @Override
  public Set<String> conceptsForCode(String system, String code) {
    return terminology.conceptsForCode(system, code);
  }

  @Override
  public Set<String> conceptsForText(String text) {
    if (text == null) return new java.util.LinkedHashSet<>();
    // "Insulin lispro protamine and insulin lispro 75/25": the insulin, not protamine (DECISIONS 98 review)
    Set<String> out = new java.util.LinkedHashSet<>();
    for (org.eligo.terminology.Mention m : terminology.findMentions(text)) {
      if (org.eligo.terminology.text.WithinAnotherProduct.at(text, m.start(), m.end())) continue;
      out.addAll(terminology.closure(m.conceptId()));
    }
    return out;
  }

  /** Abbreviations longer than two letters that commonly name something else too (costovertebral angle). */
  private static final Set<String> AMBIGUOUS = Set.of("CVA");
  /** Words beside an abbreviation that do not change what it names ("History of PE", "Acute MI"). */
  private static final Set<String> PLAIN_WORDS = Set.of("history", "hx", "of", "acute", "chronic", "known", "recent",
      "old", "prior", "previous", "with", "and", "or", "status", "post", "active", "the", "a", "in", "left", "right",
      "bilateral", "recurrent", "disease", "diagnosis", "dx", "confirmed", "new", "onset", "episode", "s", "p");

  @Override
  public boolean namedOnlyByAbbreviation(String text) {
    if (text == null || text.isBlank()) return false;
    List<org.eligo.terminology.Mention> mentions = terminology.findMentions(text);
    if (mentions.isEmpty()) return false;
    StringBuilder rest = new StringBuilder(text);
    for (org.eligo.terminology.Mention m : mentions) {
      String written = text.substring(m.start(), m.end());
      // two letters (PE, MI, SS) name many things; of longer ones only those known to ("CVA" tenderness)
      boolean abbreviation = (written.length() <= 2 || AMBIGUOUS.contains(written))
          && written.equals(written.toUpperCase(Locale.ROOT));
      if (!abbreviation) return false;
      for (int i = m.start(); i < m.end(); i++) rest.setCharAt(i, ' ');
    }
    for (String word : rest.toString().toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
      if (word.length() > 1 && !PLAIN_WORDS.contains(word)) return true;
    }
    return false;
  }

  @Override
  public Set<String> answerConceptsForCode(String measureKey, String system, String code) {
    return answersByCode.getOrDefault(measureKey + "|" + system + "|" + code.strip(), Set.of());
  }

  @Override
  public Set<String> answerConceptsForText(String measureKey, String text) {
    return answersByText.getOrDefault(measureKey + "|" + text.strip().toLowerCase(Locale.ROOT), Set.of());
  }

  @Override
  public Optional<Measure> measureForLoinc(String loincCode) {
    Optional<org.eligo.terminology.measure.Measure> found = terminology.measureForLoinc(loincCode);
    if (found.isPresent()) return found.map(TerminologyAdapter::measure);
    return Optional.ofNullable(codedByLoinc.get(loincCode.strip()));
  }

  @Override
  public Optional<Measure> measureForName(String name) {
    if (name == null || name.isBlank()) return Optional.empty();
    return Optional.ofNullable(measuresByName.get(name.strip().toLowerCase(Locale.ROOT)))
        .filter(m -> !m.key().isEmpty());
  }

  /** Numeric measures by label and synonym, lower case; a name of several measures maps to a blank measure. */
  private final Map<String, Measure> measuresByName = new HashMap<>();

  private void indexMeasureNames() {
    Measure ambiguous = new Measure("", "", "", null, null, false);
    for (org.eligo.terminology.measure.Measure m : terminology.measures()) {
      if (m.valueType() == ValueType.CODED || m.canonicalUnit().isEmpty()) continue;
      Measure measure = measure(m);
      Set<String> names = new HashSet<>(m.synonyms());
      names.add(m.label());
      for (String n : names) {
        measuresByName.merge(n.strip().toLowerCase(Locale.ROOT), measure,
            (a, b) -> a.key().equals(b.key()) ? a : ambiguous);
      }
    }
  }

  @Override
  public Optional<InfectionTest> infectionTestForLoinc(String loincCode) {
    return loincCode == null ? Optional.empty() : Optional.ofNullable(infectionTestsByLoinc.get(loincCode.strip()));
  }

  private InfectionTest infectionTest(org.eligo.terminology.infection.InfectionTest t) {
    return new InfectionTest(t.key(), t.label(), t.infection(), terminology.closure(t.infection()), finding(t.positive())
        .orElseThrow(), finding(t.negative()), t.viralLoad());
  }

  private static Optional<Finding> finding(Reading reading) {
    return switch (reading) {
      case INFECTED -> Optional.of(Finding.INFECTED);
      case EXPOSED -> Optional.of(Finding.EXPOSED);
      case NOT_INFECTED -> Optional.of(Finding.NOT_INFECTED);
      case NOTHING -> Optional.empty();
    };
  }

  @Override
  public Optional<Boolean> positiveForCode(String system, String code) {
    return terminology.qualitativeResult(system, code).map(r -> r == QualitativeResult.POSITIVE);
  }

  @Override
  public Optional<Boolean> positiveForText(String text) {
    return terminology.qualitativeResultForText(text).map(r -> r == QualitativeResult.POSITIVE);
  }

  @Override
  public Conversion toCanonical(Measure measure, double value, String unit) {
    return switch (terminology.toCanonical(measure.key(), value, unit)) {
      case org.eligo.terminology.measure.Conversion.Converted c -> new Conversion.Converted(c.value());
      case org.eligo.terminology.measure.Conversion.Failed f -> new Conversion.Failed(switch (f.reason()) {
        case UNKNOWN_UNIT -> Conversion.Kind.UNKNOWN_UNIT;
        case INCOMPATIBLE_UNIT -> Conversion.Kind.INCOMPATIBLE_UNIT;
        case IMPLAUSIBLE_VALUE -> Conversion.Kind.IMPLAUSIBLE_VALUE;
        case NOT_NUMERIC -> Conversion.Kind.OTHER;
      }, f.message());
    };
  }

  private static Measure measure(org.eligo.terminology.measure.Measure m) {
    Optional<PlausibleRange> range = m.plausibleRange();
    String first = m.label().split(" ", 2)[0];
    boolean name = m.synonyms().stream().noneMatch(syn -> syn.startsWith(first.toLowerCase(Locale.ROOT)))
        && m.synonyms().stream().anyMatch(syn -> syn.startsWith(first)); // "Karnofsky" keeps its capital
    return new Measure(m.key(), name ? m.label() : lowerFirst(m.label()), m.canonicalUnit().orElse(""),
        range.map(PlausibleRange::min).orElse(null), range.map(PlausibleRange::max).orElse(null),
        m.valueType() == ValueType.CODED, range.map(PlausibleRange::zero).orElse(false));
  }

  /** "Platelet count" → "platelet count"; acronyms such as "ECOG" stay. */
  static String lowerFirst(String label) {
    if (label.length() > 1 && Character.isUpperCase(label.charAt(1))) return label;
    return label.isEmpty() ? label : Character.toLowerCase(label.charAt(0)) + label.substring(1);
  }

  private void loadCodedObservations() {
    try (InputStream in = TerminologyAdapter.class.getResourceAsStream("coded-observations.tsv")) {
      if (in == null) throw new IllegalStateException("coded-observations.tsv is missing from the classpath");
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line; (line = reader.readLine()) != null; ) {
        if (line.isBlank() || line.startsWith("#")) continue;
        String[] f = line.split("\t");
        switch (f[0]) {
          case "measure" -> codedByLoinc.put(f[2], new Measure(f[1], f[3], "", null, null, true));
          case "answer" -> {
            answersByCode.computeIfAbsent(f[1] + "|" + f[2] + "|" + f[3], k -> new HashSet<>()).add(f[4]);
            answersByText.computeIfAbsent(f[1] + "|" + f[5].toLowerCase(Locale.ROOT), k -> new HashSet<>())
                .add(f[4]);
          }
          default -> throw new IllegalStateException("coded-observations.tsv: unknown row kind '" + f[0] + "'");
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
