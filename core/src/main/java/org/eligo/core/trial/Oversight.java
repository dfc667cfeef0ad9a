package org.eligo.core.trial;

/** API v2 {@code oversightModule}: data monitoring and FDA regulation flags. */
public record Oversight(
    Boolean oversightHasDmc,
    Boolean isFdaRegulatedDrug,
    Boolean isFdaRegulatedDevice,
    Boolean isUnapprovedDevice,
    Boolean isPpsd,
    Boolean isUsExport,
    Boolean fdaaa801Violation) {}
