package org.eligo.ctgov.source;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/** A study document as read, not yet checked against the model (that is the study reader's job). */
public record RawStudy(Origin origin, JsonNode json) implements StudyRecord {

  public RawStudy {
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(json, "json");
  }
}
