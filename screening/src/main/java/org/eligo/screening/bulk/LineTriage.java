package org.eligo.screening.bulk;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.Optional;

/**
 * Checks one NDJSON line without building objects and finds the patient it belongs to: the Patient's own id, or the
 * {@code subject}/{@code patient} reference of a clinical resource. Everything else about the resource is read later.
 * Thread-safe.
 */
public final class LineTriage {
  private static final JsonFactory JSON = new JsonFactory();

  /** What a line is. */
  public sealed interface Result {}

  /** A usable line: its type and the id of its patient. */
  public record Routed(SupportedType type, String patientId) implements Result {}

  /** A line that cannot be used, with the reason (never quoting the line). */
  public record Rejected(String reason) implements Result {}

  /** An empty line, which writers sometimes leave at the end of a file. */
  public record Blank() implements Result {}

  private static final Blank BLANK = new Blank();

  private LineTriage() {}

  /** Triage of {@code bytes[from, to)} from a file of {@code fileType} resources. */
  public static Result triage(byte[] bytes, int from, int to, SupportedType fileType) {
    boolean blank = true;
    for (int i = from; i < to && blank; i++) blank = Character.isWhitespace(bytes[i]);
    if (blank) return BLANK;
    String resourceType = null;
    String id = null;
    String reference = null;
    try (JsonParser p = JSON.createParser(bytes, from, to - from)) {
      if (p.nextToken() != JsonToken.START_OBJECT) return new Rejected("not JSON: the line is not a JSON object");
      String patientElement = fileType.patientElement();
      for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
        String name = p.currentName();
        JsonToken value = p.nextToken();
        if (name.equals("resourceType") && value == JsonToken.VALUE_STRING) {
          resourceType = p.getText();
        } else if (name.equals("id") && value == JsonToken.VALUE_STRING) {
          id = p.getText();
        } else if (!patientElement.isEmpty() && name.equals(patientElement) && value == JsonToken.START_OBJECT) {
          reference = reference(p);
        } else {
          p.skipChildren();
        }
      }
      if (p.nextToken() != null) return new Rejected("not JSON: more than one value on the line");
    } catch (IOException e) {
      return new Rejected("not JSON: " + shortReason(e));
    }
    if (resourceType == null) return new Rejected("no resourceType: not a FHIR resource");
    Optional<SupportedType> type = SupportedType.of(resourceType);
    if (type.isEmpty()) {
      return new Rejected("unknown resource type" + (resourceType.matches("[A-Za-z]{1,64}") ? " '" + resourceType
          + "'" : "") + ": screening reads " + java.util.Arrays.toString(SupportedType.values()));
    }
    if (type.get() != fileType) {
      return new Rejected("a " + resourceType + " in a file of " + fileType + " resources");
    }
    if (fileType == SupportedType.Patient) {
      if (id == null || !validId(id)) return new Rejected("Patient has no valid id");
      return new Routed(fileType, id);
    }
    if (reference == null) {
      return new Rejected(resourceType + " has no patient reference (" + fileType.patientElement() + ")");
    }
    String patientId = patientId(reference);
    if (patientId == null) {
      return new Rejected(resourceType + "." + fileType.patientElement() + " does not refer to a Patient");
    }
    return new Routed(fileType, patientId);
  }

  /** The id in a reference to a Patient ({@code Patient/x}, an absolute URL, with or without {@code _history}). */
  static String patientId(String reference) {
    String ref = reference;
    int history = ref.indexOf("/_history/");
    if (history >= 0) ref = ref.substring(0, history);
    int slash = ref.lastIndexOf('/');
    if (slash < 0 || !ref.substring(0, slash).endsWith("Patient")) return null;
    String id = ref.substring(slash + 1);
    return validId(id) ? id : null;
  }

  /** FHIR ids: 1 to 64 of letters, digits, '-' and '.'. */
  public static boolean validId(String id) {
    if (id.isEmpty() || id.length() > 64) return false;
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      if (!(Character.isLetterOrDigit(c) && c < 128) && c != '-' && c != '.') return false;
    }
    return true;
  }

  private static String reference(JsonParser p) throws IOException {
    String reference = null;
    for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
      String name = p.currentName();
      JsonToken value = p.nextToken();
      if (name.equals("reference") && value == JsonToken.VALUE_STRING) reference = p.getText();
      else p.skipChildren();
    }
    return reference;
  }

  private static String shortReason(IOException e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    int cut = m.indexOf('\n');
    m = cut >= 0 ? m.substring(0, cut) : m;
    // Jackson quotes the offending text; keep only its description of what went wrong
    m = m.split("[('\":]")[0].strip();
    return m.length() > 120 ? m.substring(0, 120) : m;
  }
}
