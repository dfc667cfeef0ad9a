package org.eligo.ctgov.source;

/** One record read from a study source: a study document, or the reason one could not be read. */
public sealed interface StudyRecord permits RawStudy, RawStudyError {

  Origin origin();
}
