package org.eligo.criteria.parse;

import org.eligo.core.rule.Rule;

/**
 * A part of a sentence a recogniser understood: where it is and the rule it stands for.
 *
 * @param start offset in the match text
 * @param end offset just after it
 */
public record Reading(int start, int end, Rule rule) {}
