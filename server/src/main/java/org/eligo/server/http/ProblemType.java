package org.eligo.server.http;

/**
 * The kinds of problem the API answers, each with its HTTP status, a short title and a type URI (relative to the
 * server, documented on {@code /api/docs#problems}).
 */
public enum ProblemType {
  BAD_REQUEST(400, "Bad request", "bad-request"),
  MALFORMED_JSON(400, "Malformed JSON", "malformed-json"),
  INVALID_FHIR(422, "Invalid FHIR input", "invalid-fhir"),
  UNKNOWN_PARAMETER(400, "Unknown parameter", "unknown-parameter"),
  INVALID_PARAMETER(400, "Invalid parameter value", "invalid-parameter"),
  INVALID_DATE(400, "Invalid date", "invalid-date"),
  INVALID_NCT_ID(400, "Invalid NCT ID", "invalid-nct-id"),
  UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type", "unsupported-media-type"),
  UNAUTHORIZED(401, "Authentication required", "unauthorized"),
  FORBIDDEN(403, "Forbidden", "forbidden"),
  NOT_FOUND(404, "Not found", "not-found"),
  METHOD_NOT_ALLOWED(405, "Method not allowed", "method-not-allowed"),
  NOT_ACCEPTABLE(406, "Not acceptable", "not-acceptable"),
  CONTENT_TOO_LARGE(413, "Content too large", "content-too-large"),
  NOT_READY(503, "Not ready", "not-ready"),
  TIMEOUT(503, "Request timed out", "timeout"),
  INTERNAL(500, "Internal server error", "internal");

  private final int status;
  private final String title;
  private final String slug;

  ProblemType(int status, String title, String slug) {
    this.status = status;
    this.title = title;
    this.slug = slug;
  }

  public int status() {
    return status;
  }

  public String title() {
    return title;
  }

  /** The problem's {@code type} member: a URI reference to its documentation. */
  public String uri() {
    return "/api/docs#problem-" + slug;
  }

  public String slug() {
    return slug;
  }
}
