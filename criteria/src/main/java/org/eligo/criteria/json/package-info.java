/**
 * Rule sets as human-editable JSON ({@link org.eligo.criteria.json.RuleSetJson}): one object per rule with a
 * {@code "kind"}, problems in a file reported as values with their JSON path, never as exceptions (except for bundled
 * files that must be valid).
 */
package org.eligo.criteria.json;
