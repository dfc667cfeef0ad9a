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
    ResourceScope scope = new ResourceScope(index, isResourceType(type) ? type : "Resource", id, diagnostics, null);
    if (!(node instanceof ObjectNode object)) {
      scope.error("", "is not a JSON object; skipped");
      return null;
    }
    if (type.isEmpty()) {
      scope.error("resourceType", "is missing; the entry is skipped");
      return null;
    }
    if (!isResourceType(type)) {
      scope.error("resourceType", "is not a FHIR R4 resource type" + closest(type) + "; the entry is skipped");
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
    } catch (RuntimeException e) {
      // HAPI's parser fails inside on some shapes valid JSON can take (an extension written as nested arrays threw
      // NullPointerException): the entry is as unreadable as one HAPI rejects; its message is not quoted
      scope.error("", "could not be parsed as a FHIR R4 " + type + " (its structure is not FHIR's); the entry is "
          + "skipped");
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

  /**
   * A hint naming the R4 resource type nearest to a misspelt one (at most two edits away), e.g.
   * " (did you mean Observation?)", or empty. The misspelt text itself is never quoted: it may hold anything.
   */
  public static String closest(String type) {
    String best = closestType(type);
    return best == null ? "" : " (did you mean " + best + "?)";
  }

  /** The FHIR R4 resource type {@code type} most likely misspells (at most two edits away), or null. */
  static String closestType(String type) {
    String best = null;
    int bestDistance = 3;
    for (String known : CONTEXT.getResourceTypes()) {
      int d = distance(type, known, bestDistance);
      if (d < bestDistance) {
        bestDistance = d;
        best = known;
      }
    }
    return best;
  }

  /** Levenshtein distance, or {@code limit} when it is at least that. */
  private static int distance(String a, String b, int limit) {
    if (Math.abs(a.length() - b.length()) >= limit) return limit;
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) prev[j] = j;
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return Math.min(prev[b.length()], limit);
  }

  private static String hapiCode(String message) {
    if (message != null && message.startsWith("HAPI-")) {
      int colon = message.indexOf(':');
      if (colon > 0) return message.substring(0, colon);
    }
    return "invalid structure";
  }
}
