package org.eligo.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import org.eligo.fhir.FhirDiagnostic;
import org.eligo.fhir.UnusableFhirInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every failure into the one error model: {@code application/problem+json} (RFC 9457) under {@code /api},
 * a FHIR OperationOutcome under {@code /fhir}, an HTML page elsewhere. Never sends a stack trace; unexpected errors
 * are logged by class and stack frames only, without messages, which may quote patient data.
 */
public final class ErrorResponses {
  private static final Logger LOG = LoggerFactory.getLogger(ErrorResponses.class);
  private static final String WRITTEN = "eligo.problemWritten";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final BiConsumer<Context, ApiProblem> htmlPage;
  private final long maxRequestBytes;

  /** @param htmlPage renders a problem as an HTML page, for requests outside the API and FHIR paths */
  public ErrorResponses(BiConsumer<Context, ApiProblem> htmlPage) {
    this(htmlPage, -1);
  }

  /**
   * @param htmlPage renders a problem as an HTML page, for requests outside the API and FHIR paths
   * @param maxRequestBytes the request body limit, named in 413 answers (-1: not named)
   */
  public ErrorResponses(BiConsumer<Context, ApiProblem> htmlPage, long maxRequestBytes) {
    this.htmlPage = htmlPage;
    this.maxRequestBytes = maxRequestBytes;
  }

  private String tooLarge() {
    return "The request body is larger than " + (maxRequestBytes < 0 ? "this server accepts"
        : "the " + maxRequestBytes + " bytes this server accepts") + ".";
  }

  /** Handles an exception thrown by any handler. */
  public void exception(Exception thrown, Context ctx) {
    if (!Deadlines.answerable(ctx)) {
      // The client hung up and Jetty recycled the exchange: nobody to answer. What Jetty throws at a handler that
      // touches a recycled request is expected; anything else is still worth a line.
      Throwable e = unwrap(thrown);
      if (!(e instanceof IllegalStateException || e instanceof NullPointerException
          || e instanceof java.io.EOFException)) {
        LOG.warn("{} after the client hung up; frames: {}", e.getClass().getName(), Arrays.stream(e.getStackTrace())
            .limit(25).map(StackTraceElement::toString).collect(Collectors.joining(" < ")));
      }
      return;
    }
    write(ctx, toProblem(thrown, ctx));
  }

  /** Seconds a client is asked to wait before it tries a request answered 503 again. */
  public static final int RETRY_AFTER_SECONDS = 5;

  /**
   * Marks a response a route has written itself with an error status (a page saying what was not found, with its
   * form), so that the status handler does not replace it with the generic "nothing is served here" answer.
   */
  public static void answeredByRoute(Context ctx) {
    ctx.attribute(WRITTEN, Boolean.TRUE);
  }

  /** Handles an error status set without an exception (e.g. no route matched). */
  public void status(Context ctx) {
    if (ctx.attribute(WRITTEN) != null) return;
    int status = ctx.statusCode();
    ProblemType type = switch (status) {
      case 404 -> ProblemType.NOT_FOUND;
      case 405 -> ProblemType.METHOD_NOT_ALLOWED;
      case 413 -> ProblemType.CONTENT_TOO_LARGE;
      case 401 -> ProblemType.UNAUTHORIZED;
      case 403 -> ProblemType.FORBIDDEN;
      case 503 -> ProblemType.TIMEOUT;
      case 500 -> ProblemType.INTERNAL;
      default -> ProblemType.BAD_REQUEST;
    };
    String detail = switch (status) {
      case 404 -> "Nothing is served at " + ctx.method() + " " + ctx.path() + ".";
      case 405 -> ctx.method() + " is not served at " + ctx.path() + "; it takes other methods"
          + (ctx.res().getHeader("Allow") == null ? "" : " (" + ctx.res().getHeader("Allow") + ")") + ".";
      case 413 -> tooLarge();
      default -> type.title() + ".";
    };
    write(ctx, new ApiProblem(type, detail));
  }

  ApiProblem toProblem(Throwable thrown, Context ctx) {
    Throwable e = unwrap(thrown);
    return switch (e) {
      case ApiProblem p -> p;
      case UnusableFhirInputException u when u.notJson() -> new ApiProblem(ProblemType.MALFORMED_JSON,
          u.getMessage().replaceFirst("^the FHIR input ", "The request body ") + ".");
      case UnusableFhirInputException u -> new ApiProblem(ProblemType.INVALID_FHIR,
          u.diagnostics().isEmpty() ? "The input is not a usable FHIR R4 Bundle."
              : u.diagnostics().stream().map(ErrorResponses::describe).collect(Collectors.joining("; ")),
          Map.of("diagnostics", u.diagnostics().stream().map(ErrorResponses::diagnostic).toList()));
      case com.fasterxml.jackson.core.exc.StreamConstraintsException c -> JsonBodies.malformed(c);
      case JsonProcessingException j -> new ApiProblem(ProblemType.MALFORMED_JSON, "The request body is not valid JSON"
          + (j.getLocation() != null ? " (line " + j.getLocation().getLineNr() + ", column "
              + j.getLocation().getColumnNr() + ")" : "") + ": " + j.getOriginalMessage());
      case TimeoutException t -> new ApiProblem(ProblemType.TIMEOUT, "The request took longer than the server allows; "
          + "try fewer trials or a smaller record.");
      case HttpResponseException h when h.getStatus() == 413 -> new ApiProblem(ProblemType.CONTENT_TOO_LARGE,
          tooLarge());
      // a multipart upload (the web form) sent without Content-Length, or with parts over the limit: Jetty's parser
      // stops at the limit and getParts() throws; the client sent too much, not the server failed
      case Exception x when multipartTooLarge(x) -> new ApiProblem(ProblemType.CONTENT_TOO_LARGE, tooLarge());
      case HttpResponseException h -> new ApiProblem(byStatus(h.getStatus()), h.getMessage() == null ? "" : h.getMessage());
      // Reading the request failed: the client closed the connection or sent less than it announced.
      case java.io.EOFException eof -> new ApiProblem(ProblemType.BAD_REQUEST, "The request could not be read to its "
          + "end: the connection closed early.");
      default -> {
        LOG.error("unexpected {} on {} {}; frames: {}", e.getClass().getName(), ctx.method(), routeOf(ctx),
            Arrays.stream(e.getStackTrace()).limit(25).map(StackTraceElement::toString)
                .collect(Collectors.joining(" < ")));
        yield new ApiProblem(ProblemType.INTERNAL, "Something went wrong on the server; it has been logged.");
      }
    };
  }

  private void write(Context ctx, ApiProblem problem) {
    ctx.attribute(WRITTEN, Boolean.TRUE);
    if (problem.type() == ProblemType.CONTENT_TOO_LARGE) UnreadBody.discard(ctx.req());
    ctx.status(problem.status());
    if (problem.type() == ProblemType.UNAUTHORIZED) ctx.header("WWW-Authenticate", "Bearer realm=\"eligo\"");
    // Overloaded or not ready yet: a client may try again (RFC 9110 section 10.2.3), not at once.
    if (problem.status() == 503) ctx.header("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
    String path = ctx.path();
    if (path.startsWith("/fhir")) {
      ctx.contentType("application/fhir+json; charset=utf-8").result(operationOutcome(problem));
    } else if (path.startsWith("/api") || path.equals("/health") || path.equals("/ready") || path.equals("/metrics")) {
      ctx.contentType("application/problem+json; charset=utf-8").result(problemJson(problem, path));
    } else {
      htmlPage.accept(ctx, problem);
    }
  }

  /** The RFC 9457 body. */
  static String problemJson(ApiProblem problem, String instance) {
    ObjectNode o = JSON.createObjectNode();
    o.put("type", problem.type().uri());
    o.put("title", problem.type().title());
    o.put("status", problem.status());
    o.put("detail", problem.detail());
    o.put("instance", instance);
    problem.extensions().forEach((k, v) -> o.set(k, JSON.valueToTree(v)));
    return o.toString();
  }

  /** A FHIR R4 OperationOutcome with one issue. */
  static String operationOutcome(ApiProblem problem) {
    ObjectNode o = JSON.createObjectNode();
    o.put("resourceType", "OperationOutcome");
    ArrayNode issues = o.putArray("issue");
    ObjectNode issue = issues.addObject();
    issue.put("severity", problem.status() >= 500 ? "fatal" : "error");
    issue.put("code", switch (problem.type()) {
      case NOT_FOUND -> "not-found";
      case INVALID_FHIR, MALFORMED_JSON -> "invalid";
      case UNKNOWN_PARAMETER, INVALID_PARAMETER, INVALID_DATE, INVALID_NCT_ID, BAD_REQUEST,
           UNSUPPORTED_MEDIA_TYPE, METHOD_NOT_ALLOWED -> "invalid";
      case NOT_ACCEPTABLE -> "not-supported";
      case CONTENT_TOO_LARGE -> "too-costly";
      case TIMEOUT -> "timeout";
      case UNAUTHORIZED -> "login";
      case FORBIDDEN -> "forbidden";
      case NOT_READY, INTERNAL -> "exception";
    });
    issue.putObject("details").put("text", problem.type().title());
    issue.put("diagnostics", problem.detail());
    return o.toString();
  }

  private static ProblemType byStatus(int status) {
    for (ProblemType t : ProblemType.values()) if (t.status() == status) return t;
    return status >= 500 ? ProblemType.INTERNAL : ProblemType.BAD_REQUEST;
  }

  /** Whether a multipart body was refused for its size (Jetty MultiPart: "max length exceeded", "max file size …"). */
  private static boolean multipartTooLarge(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof IllegalStateException && t.getMessage() != null
          && (t.getMessage().startsWith("max length exceeded") || t.getMessage().startsWith("max file size exceeded")
              || t.getMessage().startsWith("max memory file size exceeded"))) {
        return true;
      }
    }
    return false;
  }

  private static Throwable unwrap(Throwable e) {
    Throwable t = e;
    while ((t instanceof CompletionException || t instanceof ExecutionException
        || t instanceof java.lang.reflect.UndeclaredThrowableException) && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }

  private static String describe(FhirDiagnostic d) {
    return d.location().isBlank() ? d.message() : d.location() + ": " + d.message();
  }

  private static Map<String, Object> diagnostic(FhirDiagnostic d) {
    return Map.of("severity", d.severity().name(), "location", d.location(), "entry", d.entryIndex(),
        "message", d.message());
  }

  /** The matched route template, or "unmatched". */
  public static String routeOf(Context ctx) {
    try {
      var endpoint = ctx.endpoint();
      // "*" is a before-handler's or error handler's path: the request never reached a route
      return endpoint == null || endpoint.path.equals("*") ? "unmatched" : endpoint.path;
    } catch (RuntimeException e) {
      return "unmatched";
    }
  }
}
