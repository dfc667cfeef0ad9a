package org.eligo.core.patient;

/** Administrative sex as the record gives it; {@code UNKNOWN} when absent. */
public enum Sex { FEMALE, MALE, OTHER, UNKNOWN }
