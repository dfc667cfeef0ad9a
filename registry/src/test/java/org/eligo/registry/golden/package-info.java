/**
 * Golden eligibility tests: hand-made FHIR patients run end to end (Bundle JSON → {@code Registry.match}) against
 * the seed trials, one case per criterion boundary, plus the "no false exclusion" suite over every trial of the
 * registry. Cases and patient recipes are data in {@code src/test/resources/golden/}.
 */
package org.eligo.registry.golden;
