package org.eligo.terminology;

import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eligo.terminology.data.TerminologyData;
import org.eligo.terminology.data.TerminologyDataReader;
import org.eligo.terminology.data.TerminologyValidator;
import org.eligo.terminology.infection.InfectionTest;
import org.eligo.terminology.infection.QualitativeResult;
import org.eligo.terminology.infection.ResultAnswer;
import org.eligo.terminology.measure.Conversion;
import org.eligo.terminology.measure.Measure;
import org.eligo.terminology.measure.MeasureConverter;
import org.eligo.terminology.measure.MeasureMention;
import org.eligo.terminology.text.PhraseMatcher;
import org.eligo.terminology.unit.UcumUnits;

/**
 * The terminology: concepts with verified codes and synonyms, their class closure, lab measures and unit conversion, and
 * laboratory tests for infections with the qualitative answers they are reported with.
 *
 * <p>{@link #load()} reads and validates the bundled data once per process and returns the shared, immutable, thread-safe
 * instance. The criteria parser calls {@link #findMentions} and {@link #findMeasures}; the FHIR reader calls
 * {@link #conceptsForCode}, {@link #conceptsForText}, {@link #measureForLoinc}, {@link #toCanonical},
 * {@link #infectionTestForLoinc} and {@link #qualitativeResult}; the evaluator then
 * compares concept ids ({@link #isA}) and canonical numbers only.
 *
 * <p>Programming errors (an unknown concept id or measure key) throw {@link IllegalArgumentException}; bad data throws
 * {@link TerminologyDataException} listing every problem; bad values and units are returned as {@link Conversion.Failed}.
 */
public final class Terminology {
    /** Classpath directory of the bundled data. */
    public static final String DEFAULT_ROOT = "org/eligo/terminology";

    private static volatile Terminology bundled;

    private final ConceptIndex concepts;
    private final PhraseMatcher<Concept> conceptMatcher;
    private final Map<String, Measure> measures;
    private final Map<String, Measure> measuresByLoinc;
    private final PhraseMatcher<Measure> measureMatcher;
    private final MeasureConverter converter;
    private final UcumUnits ucum;
    private final List<InfectionTest> infectionTests;
    private final Map<String, InfectionTest> infectionTestsByLoinc = new HashMap<>();
    private final Map<String, QualitativeResult> resultsByCode = new HashMap<>();
    private final Map<String, QualitativeResult> resultsByText = new HashMap<>();

    private Terminology(TerminologyData data, UcumUnits ucum) {
        this.ucum = ucum;
        this.concepts = new ConceptIndex(data.concepts());
        // "PAH deficiency", "PE tube", "CHF score" name no disease (a measure's "ECOG score" is the measure)
        PhraseMatcher.Builder<Concept> conceptPhrases =
                PhraseMatcher.<Concept>builder().abbreviationsBeforeAnotherNounNameNothing();
        for (Concept concept : data.concepts()) {
            concept.synonyms().forEach(s -> conceptPhrases.add(s, concept));
            conceptPhrases.add(concept.label(), concept);
        }
        this.conceptMatcher = conceptPhrases.build();
        Map<String, Measure> byKey = new LinkedHashMap<>();
        Map<String, Measure> byLoinc = new HashMap<>();
        PhraseMatcher.Builder<Measure> measurePhrases = PhraseMatcher.builder();
        for (Measure measure : data.measures()) {
            byKey.put(measure.key(), measure);
            measure.loinc().forEach(c -> byLoinc.put(c.code().strip(), measure));
            measure.synonyms().forEach(s -> measurePhrases.add(s, measure));
        }
        this.measures = java.util.Collections.unmodifiableMap(byKey);
        this.measuresByLoinc = byLoinc;
        this.measureMatcher = measurePhrases.build();
        this.converter = new MeasureConverter(ucum);
        this.infectionTests = data.infectionTests();
        for (InfectionTest test : infectionTests) {
            test.loinc().forEach(c -> infectionTestsByLoinc.put(c.code().strip(), test));
        }
        for (ResultAnswer answer : data.resultAnswers()) {
            resultsByCode.put(answer.coding().system() + "|" + answer.coding().code().strip(), answer.result());
            if (answer.coding().display() != null) {
                resultsByText.put(textKey(answer.coding().display()), answer.result());
            }
            answer.texts().forEach(t -> resultsByText.put(textKey(t), answer.result()));
        }
    }

    /** The bundled terminology, read and validated on first call; throws {@link TerminologyDataException} if the data is bad. */
    public static Terminology load() {
        Terminology current = bundled;
        if (current == null) {
            synchronized (Terminology.class) {
                current = bundled;
                if (current == null) {
                    current = loadFrom(Terminology.class.getClassLoader(), DEFAULT_ROOT);
                    bundled = current;
                }
            }
        }
        return current;
    }

    /**
     * Reads and validates terminology data from another classpath root (same layout as {@link #DEFAULT_ROOT}); for tests and
     * for deployments that ship their own data.
     */
    public static Terminology loadFrom(ClassLoader loader, String root) {
        UcumUnits ucum = UcumUnits.shared();
        TerminologyData data = new TerminologyDataReader(loader, root).read();
        List<DataProblem> problems = new TerminologyValidator(ucum).validate(data);
        if (!problems.isEmpty()) {
            throw new TerminologyDataException(problems);
        }
        return new Terminology(data, ucum);
    }

    // ---- concepts ----

    /** The concept with this id; throws if there is none (ids come from this terminology, so a miss is a programming error). */
    public Concept concept(String id) {
        Concept concept = concepts.byId().get(id);
        if (concept == null) {
            throw new IllegalArgumentException("Unknown concept id '" + id + "'");
        }
        return concept;
    }

    /** The concept with this id, if any. */
    public Optional<Concept> findConcept(String id) {
        return Optional.ofNullable(concepts.byId().get(id));
    }

    /** All concepts, in data file order. */
    public Collection<Concept> concepts() {
        return concepts.byId().values();
    }

    /** The concept itself and every class or umbrella that includes it, transitively. */
    public Set<String> closure(String conceptId) {
        concept(conceptId);
        return concepts.closure(conceptId);
    }

    /** Whether {@code conceptId} is {@code classId} or is included by it, transitively (everolimus is an mtor-inhibitor). */
    public boolean isA(String conceptId, String classId) {
        concept(classId);
        return closure(conceptId).contains(classId);
    }

    /**
     * The concepts a code names (exactly or through an ICD-10-CM/ATC prefix), each with every group that includes it.
     * Codes are compared without dots and case for ICD-10-CM and ATC, and without leading zeros for CVX.
     * An unknown system or code gives an empty set.
     */
    public Set<String> conceptsForCode(String system, String code) {
        return concepts.conceptsForCode(system, code);
    }

    /** The concepts a free text names (e.g. a medication's display "Rapamune 1 mg tablet"), each with its groups. */
    public Set<String> conceptsForText(String text) {
        Set<String> result = new LinkedHashSet<>();
        if (text == null) {
            return result;
        }
        for (Mention mention : findMentions(text)) {
            result.addAll(concepts.closure(mention.conceptId()));
        }
        return result;
    }

    /**
     * Every concept mention in a sentence, leftmost first and as long as possible ("severe aplastic anemia" is one mention of
     * severe-aplastic-anemia, not also of aplastic-anemia). Abbreviations such as AA, SAA, CsA, ATG or HSCT match only as written
     * and on word boundaries. With kinds given, only concepts of those kinds are looked for.
     */
    public List<Mention> findMentions(String sentence, Kind... kinds) {
        if (sentence == null || sentence.isEmpty()) {
            return List.of();
        }
        Set<Kind> wanted = kinds.length == 0 ? EnumSet.allOf(Kind.class) : EnumSet.copyOf(List.of(kinds));
        return conceptMatcher.find(sentence, c -> wanted.contains(c.kind())).stream()
                .flatMap(m -> m.targets().stream().map(c -> new Mention(c.id(), c.kind(), m.start(), m.end(), m.text())))
                .toList();
    }

    // ---- measures ----

    /** The measure with this key; throws if there is none. */
    public Measure measure(String key) {
        Measure measure = measures.get(key);
        if (measure == null) {
            throw new IllegalArgumentException("Unknown measure key '" + key + "' (known: " + measures.keySet() + ")");
        }
        return measure;
    }

    /** All measures, in data file order. */
    public Collection<Measure> measures() {
        return measures.values();
    }

    /** The measure a LOINC code reports, if the terminology knows the code. */
    public Optional<Measure> measureForLoinc(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(measuresByLoinc.get(code.strip()));
    }

    /** Every measure mention in a sentence ("ANC", "serum creatinine", "PLT"), leftmost first and as long as possible. */
    public List<MeasureMention> findMeasures(String sentence) {
        if (sentence == null || sentence.isEmpty()) {
            return List.of();
        }
        return measureMatcher.find(sentence, m -> true).stream()
                .flatMap(m -> m.targets().stream().map(t -> new MeasureMention(t.key(), m.start(), m.end(), m.text())))
                .toList();
    }

    /**
     * A value in the measure's canonical unit, or why it cannot be given. The unit may be written as registry text or lab
     * systems do ({@code ×109/L}, {@code /mm3}, {@code gm/dL}, {@code K/uL}) or in UCUM.
     */
    public Conversion toCanonical(String measureKey, double value, String unit) {
        return converter.toCanonical(measure(measureKey), value, unit);
    }

    // ---- infection tests ----

    /** The laboratory tests for infections, in data file order. */
    public List<InfectionTest> infectionTests() {
        return infectionTests;
    }

    /** The infection test a LOINC code reports (HBsAg, HCV RNA ...), if the terminology knows the code. */
    public Optional<InfectionTest> infectionTestForLoinc(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(infectionTestsByLoinc.get(code.strip()));
    }

    /**
     * What a coded qualitative answer means (SNOMED CT {@code 10828004} Positive, LOINC {@code LA11883-8} Not detected,
     * HL7 v3 interpretation {@code NEG}), if the terminology knows it.
     */
    public Optional<QualitativeResult> qualitativeResult(String system, String code) {
        if (system == null || code == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(resultsByCode.get(system.strip() + "|" + code.strip()));
    }

    /** What a qualitative answer written as text means ("Reactive", "not detected"): exact names only, case ignored. */
    public Optional<QualitativeResult> qualitativeResultForText(String text) {
        return text == null ? Optional.empty() : Optional.ofNullable(resultsByText.get(textKey(text)));
    }

    private static String textKey(String text) {
        return text.strip().replaceAll("\\s+", " ").toLowerCase(java.util.Locale.ROOT);
    }

    /** The UCUM converter used by this terminology (cached factors), for callers converting between arbitrary units. */
    public UcumUnits ucum() {
        return ucum;
    }
}
