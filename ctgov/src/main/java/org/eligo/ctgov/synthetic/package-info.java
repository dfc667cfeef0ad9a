/**
 * A synthetic trial registry: realistic-looking {@link org.eligo.core.trial.Trial}s, deterministic for a seed, for
 * tests, demos and benchmarks.
 *
 * <p>{@link org.eligo.ctgov.synthetic.SyntheticTrialGenerator} makes one trial per index; {@link
 * org.eligo.ctgov.synthetic.SyntheticRegistryWriter} writes many as API v2 JSON files sharded into folders of 1,000.
 * NCT IDs start with {@code NCT9} (NCT90000000 onwards), a range the registry has not reached, so they never collide
 * with real records. Sponsors, sites, people, e-mail addresses ({@code example.org}) and phone numbers (the
 * fictional 555-01xx range) are invented; conditions, drug names and their other names, and city coordinates are
 * real so that search, geo filters and criteria parsing meet realistic data.
 */
package org.eligo.ctgov.synthetic;
