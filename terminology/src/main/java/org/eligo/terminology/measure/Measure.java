package org.eligo.terminology.measure;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.eligo.terminology.Coding;

/**
 * A measured quantity that criteria set thresholds on, e.g. absolute neutrophil count.
 *
 * @param key            stable identifier, e.g. {@code anc}
 * @param label          human-readable name
 * @param valueType      how values are expressed
 * @param canonicalUnit  the UCUM unit every value is converted into (empty for coded measures)
 * @param plausibleRange values a patient can really have, in the canonical unit (empty for coded measures)
 * @param loinc          verified LOINC codes of observations that report this measure
 * @param synonyms       names and abbreviations used in text
 * @param unitFactors    measure-specific factors for units UCUM cannot convert (molar units), or that a unit means
 *                       otherwise for this measure (a Karnofsky score written "70%" is 70 points)
 * @param unitWhenOmitted the unit a bare number after this measure's name means in criteria text ("eGFR ≥ 60" is
 *                       mL/min/1.73 m²), when no other unit is in use; empty when a number needs its unit
 * @param note           optional remark
 */
public record Measure(String key, String label, ValueType valueType, Optional<String> canonicalUnit,
                      Optional<PlausibleRange> plausibleRange, List<Coding> loinc, List<String> synonyms,
                      List<MeasureUnitFactor> unitFactors, Optional<String> unitWhenOmitted, Optional<String> note) {
    public Measure {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(valueType, "valueType");
        Objects.requireNonNull(canonicalUnit, "canonicalUnit");
        Objects.requireNonNull(plausibleRange, "plausibleRange");
        loinc = List.copyOf(loinc);
        synonyms = List.copyOf(synonyms);
        unitFactors = List.copyOf(unitFactors);
        Objects.requireNonNull(unitWhenOmitted, "unitWhenOmitted");
        Objects.requireNonNull(note, "note");
    }
}
