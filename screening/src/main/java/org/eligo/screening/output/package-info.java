/**
 * Screening results on disk: per trial the candidate patients (ELIGIBLE or NEEDS_INFO) with their open questions
 * and criterion statuses as NDJSON and CSV ({@link org.eligo.screening.output.CandidateRow}), and the run's summary
 * ({@code summary.json}, {@code unreadable-lines.csv}).
 */
package org.eligo.screening.output;
