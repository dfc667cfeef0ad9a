package org.eligo.store.rules;

/** Who produced a rule set: the criteria parser, or a person curating it. */
public enum RuleSetOrigin { PARSED, CURATED }
