package org.eligo.core.eval;

import java.time.LocalDate;

/**
 * A fact from the record that a criterion's status rests on.
 *
 * @param resource the FHIR reference, e.g. {@code Observation/anc-1}
 * @param description what it is, e.g. "absolute neutrophil count 0.62 10*9/L (620 /uL)"
 * @param value the number compared, or null for coded facts
 */
public record Evidence(String resource, String description, Double value, String unit, LocalDate date) {}
