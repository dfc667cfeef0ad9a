package org.eligo.terminology;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A named clinical concept (disease, drug, drug class, procedure, vaccine) with its verified codes and the words that name it.
 *
 * @param id           kebab-case identifier that other modules store and compare, e.g. {@code aplastic-anemia}
 * @param label        human-readable name
 * @param kind         what the concept names
 * @param codes        verified codes, each with its source
 * @param codePrefixes code hierarchy prefixes (ICD-10-CM, ATC) that also belong to the concept
 * @param synonyms     names, abbreviations, brand names and spellings used in text
 * @param includes     ids of member concepts (for classes and umbrella diagnoses); membership is transitive
 * @param note         optional remark about how the concept is meant
 * @param event        a one-off event (myocardial infarction, stroke, pulmonary embolism), not a lasting disease: a
 *                     criterion asking whether it happened within a time counts it by its onset alone, however long a
 *                     problem list keeps it marked active (DECISIONS §25)
 */
public record Concept(String id, String label, Kind kind, List<Coding> codes, List<CodePrefix> codePrefixes,
                      List<String> synonyms, List<String> includes, Optional<String> note, boolean event) {
    public Concept {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        codes = List.copyOf(codes);
        codePrefixes = List.copyOf(codePrefixes);
        synonyms = List.copyOf(synonyms);
        includes = List.copyOf(includes);
        Objects.requireNonNull(note, "note");
    }

    /** A concept that is no one-off event. */
    public Concept(String id, String label, Kind kind, List<Coding> codes, List<CodePrefix> codePrefixes,
                   List<String> synonyms, List<String> includes, Optional<String> note) {
        this(id, label, kind, codes, codePrefixes, synonyms, includes, note, false);
    }

    /** Whether the concept groups other concepts (a drug class or an umbrella diagnosis). */
    public boolean isGroup() {
        return !includes.isEmpty();
    }
}
