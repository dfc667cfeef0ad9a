package org.eligo.terminology.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.eligo.terminology.CodePrefix;
import org.eligo.terminology.Coding;
import org.eligo.terminology.Concept;
import org.eligo.terminology.DataProblem;
import org.eligo.terminology.Kind;
import org.eligo.terminology.measure.Measure;
import org.eligo.terminology.measure.MeasureUnitFactor;
import org.eligo.terminology.measure.PlausibleRange;
import org.eligo.terminology.measure.ValueType;

/**
 * Reads the terminology data from a classpath root: {@code concepts/index.txt} names the concept files (one per line,
 * {@code #} comments), {@code measures.json} holds the measures and the optional {@code infection-tests.json} the laboratory
 * tests for infections ({@link InfectionTestsReader}). Unreadable parts become {@link DataProblem}s, not exceptions.
 * The JSON shapes are documented in {@code terminology/README.md}.
 */
public final class TerminologyDataReader {
    private static final Set<String> FILE_CONCEPTS = Set.of("concepts");
    private static final Set<String> CONCEPT_FIELDS = Set.of("id", "label", "kind", "note", "codes", "codePrefixes", "synonyms", "includes",
            "event");
    private static final Set<String> CODE_FIELDS = Set.of("system", "code", "display", "source");
    private static final Set<String> PREFIX_FIELDS = Set.of("system", "prefix", "display", "source");
    private static final Set<String> FILE_MEASURES = Set.of("measures");
    private static final Set<String> MEASURE_FIELDS = Set.of("key", "label", "valueType", "canonicalUnit", "plausibleRange", "loinc",
            "synonyms", "unitFactors", "unitWhenOmitted", "note");
    private static final Set<String> RANGE_FIELDS = Set.of("min", "max", "zero");
    private static final Set<String> FACTOR_FIELDS = Set.of("unit", "toCanonical", "source");

    private final ClassLoader loader;
    private final String root;

    /**
     * @param loader class loader to read resources with
     * @param root   resource directory without leading or trailing slash, e.g. {@code org/eligo/terminology}
     */
    public TerminologyDataReader(ClassLoader loader, String root) {
        this.loader = loader;
        this.root = root;
    }

    public TerminologyData read() {
        List<DataProblem> problems = new ArrayList<>();
        List<Concept> concepts = new ArrayList<>();
        List<String> origins = new ArrayList<>();
        for (String file : conceptFiles(problems)) {
            String location = "concepts/" + file;
            JsonFields top = JsonFields.of(parse(location, problems), location, FILE_CONCEPTS, problems);
            if (top == null) {
                continue;
            }
            List<Object> entries = top.list("concepts");
            for (int i = 0; i < entries.size(); i++) {
                Object entry = entries.get(i);
                String where = location + ": concept " + nameOf(entry, "id", i);
                Concept concept = toConcept(JsonFields.of(entry, where, CONCEPT_FIELDS, problems), problems);
                if (concept != null) {
                    concepts.add(concept);
                    origins.add(location);
                }
            }
        }
        List<Measure> measures = new ArrayList<>();
        Object measureFile = parse("measures.json", problems);
        JsonFields top = measureFile == null ? null : JsonFields.of(measureFile, "measures.json", FILE_MEASURES, problems);
        if (top != null) {
            List<Object> entries = top.list("measures");
            for (int i = 0; i < entries.size(); i++) {
                Object entry = entries.get(i);
                String where = "measures.json: measure " + nameOf(entry, "key", i);
                Measure measure = toMeasure(JsonFields.of(entry, where, MEASURE_FIELDS, problems), problems);
                if (measure != null) {
                    measures.add(measure);
                }
            }
        }
        InfectionTestsReader.Read infection = new InfectionTestsReader.Read(List.of(), List.of());
        if (loader.getResource(root + "/" + InfectionTestsReader.FILE) != null) {
            Object file = parse(InfectionTestsReader.FILE, problems);
            if (file != null) {
                infection = InfectionTestsReader.read(file, problems);
            }
        }
        return new TerminologyData(concepts, origins, measures, infection.tests(), infection.answers(), problems);
    }

    private static String nameOf(Object entry, String field, int index) {
        if (entry instanceof java.util.Map<?, ?> map && map.get(field) instanceof String name) {
            return "'" + name + "'";
        }
        return "#" + (index + 1);
    }

    private List<String> conceptFiles(List<DataProblem> problems) {
        String index = root + "/concepts/index.txt";
        try (InputStream in = loader.getResourceAsStream(index)) {
            if (in == null) {
                problems.add(new DataProblem("concepts/index.txt", "not found on the classpath at " + index));
                return List.of();
            }
            List<String> files = new ArrayList<>();
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line; (line = reader.readLine()) != null; ) {
                    String file = line.strip();
                    if (!file.isEmpty() && !file.startsWith("#")) {
                        files.add(file);
                    }
                }
            }
            return files;
        } catch (IOException e) {
            problems.add(new DataProblem("concepts/index.txt", "cannot be read: " + e.getMessage()));
            return List.of();
        }
    }

    private Object parse(String location, List<DataProblem> problems) {
        String path = root + "/" + location;
        try (InputStream in = loader.getResourceAsStream(path)) {
            if (in == null) {
                problems.add(new DataProblem(location, "not found on the classpath at " + path));
                return null;
            }
            return JsonTree.parse(in);
        } catch (IOException e) {
            problems.add(new DataProblem(location, "is not valid JSON: " + e.getMessage()));
            return null;
        }
    }

    private static Concept toConcept(JsonFields c, List<DataProblem> problems) {
        if (c == null) {
            return null;
        }
        String id = c.string("id");
        String label = c.string("label");
        String kindName = c.string("kind");
        if (id == null || label == null || kindName == null) {
            problems.add(new DataProblem(c.where(), "needs \"id\", \"label\" and \"kind\""));
            return null;
        }
        Kind kind;
        try {
            kind = Kind.valueOf(kindName.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(new DataProblem(c.where(), "unknown kind '" + kindName + "' (expected one of " + List.of(Kind.values()) + ")"));
            return null;
        }
        List<Coding> codes = new ArrayList<>();
        for (Object element : c.list("codes")) {
            JsonFields code = JsonFields.of(element, c.where() + ", a code", CODE_FIELDS, problems);
            if (code == null) {
                continue;
            }
            String system = code.string("system");
            String value = code.string("code");
            if (system == null || value == null) {
                problems.add(new DataProblem(c.where(), "a code needs \"system\" and \"code\""));
                continue;
            }
            codes.add(new Coding(system, value, code.string("display"), code.string("source")));
        }
        List<CodePrefix> prefixes = new ArrayList<>();
        for (Object element : c.list("codePrefixes")) {
            JsonFields prefix = JsonFields.of(element, c.where() + ", a code prefix", PREFIX_FIELDS, problems);
            if (prefix == null) {
                continue;
            }
            String system = prefix.string("system");
            String value = prefix.string("prefix");
            if (system == null || value == null) {
                problems.add(new DataProblem(c.where(), "a code prefix needs \"system\" and \"prefix\""));
                continue;
            }
            prefixes.add(new CodePrefix(system, value, prefix.string("display"), prefix.string("source")));
        }
        Object event = c.raw("event");
        if (event != null && !(event instanceof Boolean)) {
            problems.add(new DataProblem(c.where(), "\"event\" must be true or false"));
        }
        return new Concept(id, label, kind, codes, prefixes, c.strings("synonyms"), c.strings("includes"),
                Optional.ofNullable(c.string("note")), Boolean.TRUE.equals(event));
    }

    private static Measure toMeasure(JsonFields m, List<DataProblem> problems) {
        if (m == null) {
            return null;
        }
        String key = m.string("key");
        String label = m.string("label");
        String typeName = m.string("valueType");
        if (key == null || label == null || typeName == null) {
            problems.add(new DataProblem(m.where(), "needs \"key\", \"label\" and \"valueType\""));
            return null;
        }
        ValueType type;
        try {
            type = ValueType.valueOf(typeName.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(new DataProblem(m.where(), "unknown valueType '" + typeName + "' (expected one of " + List.of(ValueType.values()) + ")"));
            return null;
        }
        Optional<PlausibleRange> range = Optional.empty();
        if (m.raw("plausibleRange") != null) {
            JsonFields r = JsonFields.of(m.raw("plausibleRange"), m.where() + ", plausibleRange", RANGE_FIELDS, problems);
            Double min = r == null ? null : r.number("min");
            Double max = r == null ? null : r.number("max");
            if (min != null || max != null) {
                if (min == null || max == null || min > max) {
                    problems.add(new DataProblem(m.where(), "plausibleRange needs min <= max"));
                    return null;
                }
                Object zero = r.raw("zero");
                if (zero != null && !(zero instanceof Boolean)) {
                    problems.add(new DataProblem(m.where(), "plausibleRange \"zero\" must be true or false"));
                }
                range = Optional.of(new PlausibleRange(min, max, Boolean.TRUE.equals(zero)));
            }
        }
        List<Coding> loinc = new ArrayList<>();
        for (Object element : m.list("loinc")) {
            JsonFields code = JsonFields.of(element, m.where() + ", a LOINC code", CODE_FIELDS, problems);
            if (code == null) {
                continue;
            }
            String system = code.string("system");
            String value = code.string("code");
            loinc.add(new Coding(system == null ? "" : system, value == null ? "" : value, code.string("display"), code.string("source")));
        }
        List<MeasureUnitFactor> factors = new ArrayList<>();
        for (Object element : m.list("unitFactors")) {
            JsonFields f = JsonFields.of(element, m.where() + ", a unit factor", FACTOR_FIELDS, problems);
            if (f == null) {
                continue;
            }
            String unit = f.string("unit");
            Double toCanonical = f.number("toCanonical");
            if (unit == null || toCanonical == null) {
                problems.add(new DataProblem(m.where(), "a unit factor needs \"unit\" and \"toCanonical\""));
                continue;
            }
            factors.add(new MeasureUnitFactor(unit, toCanonical, f.string("source")));
        }
        return new Measure(key, label, type, Optional.ofNullable(m.string("canonicalUnit")), range, loinc, m.strings("synonyms"), factors,
                Optional.ofNullable(m.string("unitWhenOmitted")), Optional.ofNullable(m.string("note")));
    }
}
