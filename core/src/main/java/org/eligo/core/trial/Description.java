package org.eligo.core.trial;

/** API v2 {@code descriptionModule}: the brief summary and detailed description. */
public record Description(String briefSummary, String detailedDescription) {}
