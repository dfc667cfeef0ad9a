package org.eligo.ctgov.source;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * A study document as read, not yet checked against the model (that is the study reader's job).
 *
 * @param source the UTF-8 bytes the study was read from (a study file, a ZIP entry, or the study's own span of an
 *     API page), or null when they cannot be told (a document in UTF-16, or with more after the study): an import
 *     stores them rather than writing the parsed tree out again
 */
public record RawStudy(Origin origin, JsonNode json, byte[] source) implements StudyRecord {

  public RawStudy {
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(json, "json");
  }

  public RawStudy(Origin origin, JsonNode json) {
    this(origin, json, null);
  }
}
