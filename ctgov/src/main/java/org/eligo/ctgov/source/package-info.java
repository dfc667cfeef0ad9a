/**
 * Streaming inputs of API v2 study documents: one study file, an API page ({@code {"studies": [...],
 * "nextPageToken": ...}}) read one study at a time, a directory tree of such files, and the bulk ZIP that
 * ClinicalTrials.gov offers, read entry by entry.
 *
 * <p>{@link org.eligo.ctgov.source.StudySources#open(java.nio.file.Path)} detects the kind. A source yields {@link
 * org.eligo.ctgov.source.StudyRecord}s lazily: a {@link org.eligo.ctgov.source.RawStudy} for each readable study,
 * a {@link org.eligo.ctgov.source.RawStudyError} for each record that is not (truncated JSON, wrong top-level type,
 * a corrupt ZIP entry, an unreadable file) while the rest goes on. An input unusable as a whole throws {@link
 * org.eligo.ctgov.source.UnusableInputException} when it is opened. Each record carries its {@link
 * org.eligo.ctgov.source.Origin}. Mapping a raw study onto the model is {@link org.eligo.ctgov.json.StudyJsonReader}'s
 * job, not this package's.
 */
package org.eligo.ctgov.source;
