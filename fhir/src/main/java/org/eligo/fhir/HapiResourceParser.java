package org.eligo.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IJsonLikeParser;
import ca.uhn.fhir.parser.json.jackson.JacksonStructure;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.Resource;

/**
 * Parses one FHIR R4 resource, given as a JSON tree, with HAPI's lenient parser: element-level problems become
 * diagnostics and the rest of the resource is kept. Holds the one shared {@link FhirContext}, which is expensive to
 * create and safe to share.
 */
public final class HapiResourceParser {
  private static final FhirContext CONTEXT = FhirContext.forR4();

  private HapiResourceParser() {}

  /** The shared R4 context. */
  public static FhirContext context() {
    return CONTEXT;
  }

  /**
   * The outcome of parsing one resource.
   *
   * @param resource the resource, or null when it could not be parsed at all
   * @param diagnostics what was wrong with it, located by element
   */
  public record Parsed(Resource resource, List<FhirDiagnostic> diagnostics) {
    public Parsed {
      diagnostics = List.copyOf(diagnostics);
    }
  }

  /**
   * Parses a resource.
   *
   * @param index the position reported in diagnostics (Bundle entry index or input line number)
   */
  public static Parsed parse(JsonNode node, int index) {
    List<FhirDiagnostic> diagnostics = new ArrayList<>();
    Resource resource = parse(node, index, diagnostics);
    return new Parsed(resource, diagnostics);
  }

  /**
   * Parses a resource given as JSON text (e.g. one NDJSON line); text that is not JSON gives a diagnostic naming
   * the column.
   */
  public static Parsed parse(String json, int index) {
    JsonNode node;
    try {
      node = JsonInput.parseLine(json);
    } catch (JsonInput.LineSyntaxException e) {
      return new Parsed(null, List.of(new FhirDiagnostic(FhirDiagnostic.Severity.ERROR, "", "", index, "",
          "not valid JSON: " + e.getMessage())));
    }
    return parse(node, index);
  }

  /** Parses a resource, adding diagnostics to {@code diagnostics}; null when it could not be parsed. */
  static Resource parse(JsonNode node, int index, List<FhirDiagnostic> diagnostics) {
    String type = text(node, "resourceType");
    String id = text(node, "id");
    ResourceScope scope = new ResourceScope(index, type.isEmpty() ? "Resource" : type, id, diagnostics, null);
    if (!(node instanceof ObjectNode object)) {
      scope.error("", "is not a JSON object; skipped");
      return null;
    }
    if (type.isEmpty()) {
      scope.error("resourceType", "is missing; the entry is skipped");
      return null;
    }
    if (!isResourceType(type)) {
      scope.error("resourceType", "'" + safe(type) + "' is not a FHIR R4 resource type; the entry is skipped");
      return null;
    }
    IJsonLikeParser parser = (IJsonLikeParser) CONTEXT.newJsonParser();
    parser.setParserErrorHandler(new ParseIssueCollector(scope));
    JacksonStructure structure = new JacksonStructure();
    structure.setNativeObject(object);
    try {
      return (Resource) parser.parseResource(structure);
    } catch (DataFormatException | ClassCastException e) {
      scope.error("", "could not be parsed as a FHIR R4 " + type + " (" + hapiCode(e.getMessage())
          + "); the entry is skipped");
      return null;
    }
  }

  /** True when {@code type} names an R4 resource. */
  public static boolean isResourceType(String type) {
    return CONTEXT.getResourceTypes().contains(type);
  }

  static String text(JsonNode node, String field) {
    JsonNode v = node == null ? null : node.get(field);
    return v != null && v.isTextual() ? v.asText() : "";
  }

  /** A resource type name as typed, cut short and stripped of anything but letters, for messages. */
  public static String safe(String type) {
    String s = type.replaceAll("[^A-Za-z]", "");
    return s.length() > 40 ? s.substring(0, 40) : s;
  }

  private static String hapiCode(String message) {
    if (message != null && message.startsWith("HAPI-")) {
      int colon = message.indexOf(':');
      if (colon > 0) return message.substring(0, colon);
    }
    return "invalid structure";
  }
}
