package org.eligo.server.http;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An error a client caused or must know about, as RFC 9457 problem details: thrown by handlers and turned into
 * {@code application/problem+json}, a FHIR OperationOutcome or an error page in one place ({@link ErrorResponses}).
 *
 * @see ProblemType
 */
public final class ApiProblem extends RuntimeException {
  private final ProblemType type;
  private final String detail;
  private final Map<String, Object> extensions;

  public ApiProblem(ProblemType type, String detail) {
    this(type, detail, Map.of());
  }

  public ApiProblem(ProblemType type, String detail, Map<String, Object> extensions) {
    super(type.title() + ": " + detail, null, false, false);
    this.type = Objects.requireNonNull(type, "type");
    this.detail = Objects.requireNonNull(detail, "detail");
    this.extensions = new LinkedHashMap<>(extensions);
  }

  public ProblemType type() {
    return type;
  }

  public int status() {
    return type.status();
  }

  public String detail() {
    return detail;
  }

  /** Extra members of the problem object (e.g. {@code parameters}). */
  public Map<String, Object> extensions() {
    return Map.copyOf(extensions);
  }

  public static ApiProblem notFound(String detail) {
    return new ApiProblem(ProblemType.NOT_FOUND, detail);
  }

  public static ApiProblem badRequest(String detail) {
    return new ApiProblem(ProblemType.BAD_REQUEST, detail);
  }
}
