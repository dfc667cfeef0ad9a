package org.eligo.core.rule;

/** Whether a criterion must hold to take part (inclusion) or must not (exclusion). */
public enum CriterionType { INCLUSION, EXCLUSION }
