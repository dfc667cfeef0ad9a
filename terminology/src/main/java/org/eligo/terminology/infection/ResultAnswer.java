package org.eligo.terminology.infection;

import java.util.List;
import java.util.Objects;
import org.eligo.terminology.Coding;

/**
 * A coded qualitative answer a lab reports (SNOMED CT "Positive", LOINC answer "Not detected", HL7 v3 interpretation
 * {@code NEG}), with the spellings of the same answer written as text.
 *
 * @param coding the verified code
 * @param result what it means
 * @param texts  other spellings that mean the same when written as text ("Nonreactive"); the display counts too
 */
public record ResultAnswer(Coding coding, QualitativeResult result, List<String> texts) {
    public ResultAnswer {
        Objects.requireNonNull(coding, "coding");
        Objects.requireNonNull(result, "result");
        texts = List.copyOf(texts);
    }
}
