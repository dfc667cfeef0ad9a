/**
 * Stored eligibility rule sets: for each study, the current rule set parsed from its criteria text and the
 * current curated one, each kept as the JSON document its producer wrote.
 */
package org.eligo.store.rules;
