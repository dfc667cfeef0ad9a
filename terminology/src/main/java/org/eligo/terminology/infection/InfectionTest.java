package org.eligo.terminology.infection;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.eligo.terminology.Coding;

/**
 * A laboratory test for an infection, e.g. HBsAg for hepatitis B.
 *
 * @param key       stable identifier, e.g. {@code hbsag}
 * @param label     the test's name as results are shown, e.g. "HBsAg"
 * @param infection the concept id of the infection it tests for, e.g. {@code hepatitis-b}
 * @param positive  what a positive (reactive, detected) result shows
 * @param negative  what a negative (non-reactive, not detected) result shows
 * @param viralLoad true when the test reports a quantity of virus (IU/mL, copies/mL): more than zero is detected
 * @param loinc     verified LOINC codes of observations that report this test
 * @param note      optional remark
 */
public record InfectionTest(String key, String label, String infection, Reading positive, Reading negative,
                            boolean viralLoad, List<Coding> loinc, Optional<String> note) {
    public InfectionTest {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(infection, "infection");
        Objects.requireNonNull(positive, "positive");
        Objects.requireNonNull(negative, "negative");
        loinc = List.copyOf(loinc);
        Objects.requireNonNull(note, "note");
    }

    /** What a result shows about the infection. */
    public Reading reading(QualitativeResult result) {
        return result == QualitativeResult.POSITIVE ? positive : negative;
    }
}
