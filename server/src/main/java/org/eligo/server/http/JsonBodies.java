package org.eligo.server.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;

/** Request bodies that must be JSON ({@code application/json} or {@code application/fhir+json}). */
public final class JsonBodies {
  private static final ObjectMapper JSON = new ObjectMapper();

  private JsonBodies() {}

  /**
   * The body as JSON text, after checking the media type (415 otherwise), that it is not empty and that it parses
   * (400 with line and column otherwise).
   */
  public static String require(Context ctx) {
    String body = requirePresent(ctx);
    // Checked token by token, without building a tree: the readers that follow parse it for real.
    try (JsonParser tokens = JSON.createParser(body)) {
      while (tokens.nextToken() != null) {
        tokens.skipChildren();
      }
    } catch (JsonProcessingException e) {
      throw malformed(e);
    } catch (IOException e) {
      throw new UncheckedIOException("reading a request body held in memory", e);
    }
    return body;
  }

  /**
   * The body as JSON text, after checking the media type (415 otherwise) and that it is not empty, for a route whose
   * reader parses it and reports its syntax errors itself (the FHIR reader: {@code UnusableFhirInputException.notJson},
   * answered as malformed JSON with line and column), so the body is parsed once.
   */
  public static String requirePresent(Context ctx) {
    requireJsonMediaType(ctx);
    String body = text(ctx);
    if (body.isBlank()) throw ApiProblem.badRequest("The request body is empty; send a JSON document.");
    return body;
  }

  /** The body as text, without the byte-order mark some editors and exports write before JSON. */
  public static String text(Context ctx) {
    String body = ctx.body();
    return !body.isEmpty() && body.charAt(0) == '\uFEFF' ? body.substring(1) : body;
  }

  /** Refuses (415) a body sent as anything but JSON. */
  public static void requireJsonMediaType(Context ctx) {
    String type = ctx.contentType();
    String base = type == null ? "" : type.split(";")[0].strip().toLowerCase(Locale.ROOT);
    if (!base.equals("application/json") && !base.equals("application/fhir+json")) {
      throw new ApiProblem(ProblemType.UNSUPPORTED_MEDIA_TYPE, "Send the body as application/json or "
          + "application/fhir+json" + (type == null ? "." : ", not " + type + "."));
    }
  }

  /** The malformed-JSON problem for {@code e}, with its line and column. */
  public static ApiProblem malformed(JsonProcessingException e) {
    String where = e.getLocation() != null ? " (line " + e.getLocation().getLineNr() + ", column "
        + e.getLocation().getColumnNr() + ")" : "";
    if (e instanceof StreamConstraintsException) {
      return new ApiProblem(ProblemType.MALFORMED_JSON, "The request body goes beyond what Eligo reads" + where + ": "
          + limit(e) + ".");
    }
    return new ApiProblem(ProblemType.MALFORMED_JSON, "The request body is not valid JSON" + where + ".");
  }

  /**
   * Which of the JSON reader's limits a document broke, in words: nesting deeper than 1,000 levels, a number of over
   * 1,000 digits, a string of over 20 million characters, a field name of over 50,000 characters.
   */
  public static String limit(JsonProcessingException e) {
    String m = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
    StreamReadConstraints limits = StreamReadConstraints.defaults();
    if (m.contains("nesting depth")) {
      return "objects and arrays nested more than " + limits.getMaxNestingDepth() + " levels deep";
    }
    if (m.contains("Number value length") || m.contains("number value length")) {
      return "a number longer than " + limits.getMaxNumberLength() + " digits";
    }
    if (m.contains("String value length") || m.contains("string value length")) {
      return "a string longer than " + limits.getMaxStringLength() + " characters";
    }
    if (m.contains("Name length") || m.contains("name length")) {
      return "a field name longer than " + limits.getMaxNameLength() + " characters";
    }
    return "a document larger or deeper than the JSON reader's limits";
  }
}
