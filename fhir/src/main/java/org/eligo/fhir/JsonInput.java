package org.eligo.fhir;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.eligo.fhir.FhirDiagnostic.Severity;

/**
 * Reads JSON text into a tree under a size limit, turning syntax errors into an {@link UnusableFhirInputException}
 * that gives the line and column but never the offending text.
 */
final class JsonInput {
  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();

  private JsonInput() {}

  /** The JSON tree of {@code text}. */
  static JsonNode parse(String text, long maxBytes, String what) {
    text = withoutByteOrderMark(text);
    if (text.length() > maxBytes || (text.length() * 3L > maxBytes
        && text.getBytes(StandardCharsets.UTF_8).length > maxBytes)) {
      throw tooLarge(maxBytes, what);
    }
    try {
      return checkEmpty(MAPPER.readTree(text), what);
    } catch (JsonProcessingException e) {
      throw syntax(e, what);
    }
  }

  /** The JSON tree of the stream's content (UTF-8), reading at most {@code maxBytes + 1} bytes. */
  static JsonNode parse(InputStream in, long maxBytes, String what) {
    byte[] bytes;
    try {
      bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
    } catch (IOException e) {
      throw new UncheckedIOException("could not read the " + what, e);
    }
    if (bytes.length > maxBytes) throw tooLarge(maxBytes, what);
    try {
      return checkEmpty(MAPPER.readTree(bytes), what);
    } catch (JsonProcessingException e) {
      throw syntax(e, what);
    } catch (IOException e) {
      throw new UncheckedIOException("could not read the " + what, e);
    }
  }

  /** {@code text} without a leading byte-order mark, which some editors and exports write before JSON. */
  static String withoutByteOrderMark(String text) {
    return !text.isEmpty() && text.charAt(0) == '\uFEFF' ? text.substring(1) : text;
  }

  /** The JSON tree of one line of text, or the reason it is not JSON (with its column). */
  static JsonNode parseLine(String line) throws LineSyntaxException {
    try {
      JsonNode node = MAPPER.readTree(withoutByteOrderMark(line));
      if (node == null || node.isMissingNode()) throw new LineSyntaxException("the line is empty");
      return node;
    } catch (JsonProcessingException e) {
      throw new LineSyntaxException(reason(e) + " at column " + e.getLocation().getColumnNr());
    }
  }

  /** A line of bulk input that is not JSON. */
  static final class LineSyntaxException extends Exception {
    LineSyntaxException(String message) {
      super(message);
    }
  }

  private static JsonNode checkEmpty(JsonNode node, String what) {
    if (node == null || node.isMissingNode()) {
      throw unusable("the " + what + " is empty");
    }
    return node;
  }

  private static UnusableFhirInputException tooLarge(long maxBytes, String what) {
    return unusable("the " + what + " is larger than the limit of " + maxBytes + " bytes");
  }

  private static UnusableFhirInputException syntax(JsonProcessingException e, String what) {
    JsonLocation at = e.getLocation();
    String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
    if (e instanceof com.fasterxml.jackson.core.exc.StreamConstraintsException) {
      String m = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
      com.fasterxml.jackson.core.StreamReadConstraints limits = com.fasterxml.jackson.core.StreamReadConstraints
          .defaults();
      return notJson("the " + what + " goes beyond what Eligo reads" + where + ": " + limit(m.toLowerCase(
          java.util.Locale.ROOT), limits));
    }
    return notJson("the " + what + " is not valid JSON" + where + ": " + reason(e));
  }

  /**
   * Which of the JSON reader's limits the input broke, in words (as the REST API said it before the FHIR reader was
   * the one to read the body): nesting, a number's digits, a string's or a field name's length.
   */
  private static String limit(String message, com.fasterxml.jackson.core.StreamReadConstraints limits) {
    if (message.contains("nesting depth")) {
      return "objects and arrays nested more than " + limits.getMaxNestingDepth() + " levels deep";
    }
    if (message.contains("number value length")) {
      return "a number longer than " + limits.getMaxNumberLength() + " digits";
    }
    if (message.contains("string value length")) {
      return "a string longer than " + limits.getMaxStringLength() + " characters";
    }
    if (message.contains("name length")) {
      return "a field name longer than " + limits.getMaxNameLength() + " characters";
    }
    return "a value longer than the JSON reader's limits";
  }

  /** What kind of syntax error it is, without quoting the input. */
  private static String reason(JsonProcessingException e) {
    if (e instanceof JsonEOFException) return "the text ends before an object or array is closed";
    String m = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
    if (m.startsWith("Unexpected character")) return "unexpected character";
    if (m.startsWith("Unrecognized token")) return "unrecognised word (text outside quotes?)";
    if (m.startsWith("Unexpected end-of-input")) return "the text ends too early";
    if (m.contains("trailing token")) return "more text after the end of the JSON value";
    if (m.startsWith("Illegal unquoted character")) return "a control character inside a string";
    return "invalid JSON syntax";
  }

  private static UnusableFhirInputException notJson(String message) {
    return new UnusableFhirInputException(new FhirDiagnostic(Severity.ERROR, "", "", -1, "", message), true);
  }

  static UnusableFhirInputException unusable(String message) {
    return new UnusableFhirInputException(new FhirDiagnostic(Severity.ERROR, "", "", -1, "", message));
  }
}
