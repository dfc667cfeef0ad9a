/**
 * ClinicalTrials.gov API v2 adapter: reading and writing study JSON ({@link org.eligo.ctgov.json}), streaming study
 * inputs from files, API pages, directories and the bulk ZIP ({@link org.eligo.ctgov.source}), and a deterministic
 * synthetic registry for tests and benchmarks ({@link org.eligo.ctgov.synthetic}).
 */
package org.eligo.ctgov;
