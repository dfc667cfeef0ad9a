package org.eligo.criteria.lexicon;

/** What a concept mention names, which decides the kind of rule it becomes. */
public enum ConceptKind { CONDITION, DRUG, PROCEDURE, VACCINE, MEASURE }
