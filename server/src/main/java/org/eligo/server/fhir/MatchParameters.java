package org.eligo.server.fhir;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eligo.server.http.ApiProblem;
import org.eligo.server.http.NctIds;
import org.eligo.server.http.ProblemType;

/**
 * The parts of a {@code Parameters} resource sent to {@code $match}: the patient's Bundle (under any part name,
 * e.g. {@code subject}), and the options {@code trial} (repeatable), {@code asOf} and {@code all}. Read from the JSON
 * as it came, so the Bundle inside gets the same lenient, diagnosed reading as a Bundle posted alone; any other part,
 * or an option of the wrong type, is refused with a message naming it.
 */
record MatchParameters(String bundleJson, List<String> trials, LocalDate asOf, Boolean all) {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ACCEPTED = "a Bundle (e.g. named subject), trial, asOf, all";

  static MatchParameters read(JsonNode parameters) {
    String bundle = null;
    List<String> trials = new ArrayList<>();
    LocalDate asOf = null;
    Boolean all = null;
    List<String> unknown = new ArrayList<>();
    JsonNode parts = parameters.path("parameter");
    if (!parts.isMissingNode() && !parts.isArray()) {
      throw new ApiProblem(ProblemType.INVALID_FHIR, "Parameters.parameter must be an array of parts.");
    }
    for (JsonNode part : parts) {
      String name = part.path("name").asText("");
      if (!part.isObject() || name.isBlank()) {
        throw new ApiProblem(ProblemType.INVALID_FHIR, "Every Parameters part needs a name (accepted: " + ACCEPTED
            + ").");
      }
      if (part.has("resource")) {
        String type = part.path("resource").path("resourceType").asText("");
        if (!type.equals("Bundle")) {
          throw new ApiProblem(ProblemType.INVALID_FHIR, "The part '" + name + "' holds "
              + (type.isEmpty() ? "a resource without resourceType" : "a " + type)
              + "; send the patient's record as a Bundle.");
        }
        if (bundle != null) {
          throw new ApiProblem(ProblemType.INVALID_FHIR, "The Parameters hold more than one Bundle; send one "
              + "patient's record at a time.");
        }
        bundle = text(part.path("resource"));
        continue;
      }
      switch (name) {
        case "trial" -> trials.add(NctIds.require(value(part, "valueString", "valueCode", "valueId")));
        case "asOf" -> asOf = date(value(part, "valueDate", "valueDateTime", "valueString"));
        case "all" -> all = bool(part);
        default -> unknown.add(name);
      }
    }
    if (bundle == null) {
      throw new ApiProblem(ProblemType.INVALID_FHIR, "The Parameters resource holds no Bundle: add a part (e.g. "
          + "\"subject\") whose resource is the patient's Bundle.");
    }
    if (!unknown.isEmpty()) {
      throw new ApiProblem(ProblemType.UNKNOWN_PARAMETER, "Unknown Parameters part" + (unknown.size() > 1 ? "s " : " ")
          + String.join(", ", unknown.stream().map(n -> "'" + n + "'").toList()) + " (accepted: " + ACCEPTED + ").",
          Map.of("parameters", unknown, "accepted", List.of("subject", "trial", "asOf", "all")));
    }
    return new MatchParameters(bundle, List.copyOf(trials), asOf, all);
  }

  /** The part's value from the first of {@code types} it has. */
  private static String value(JsonNode part, String... types) {
    for (String type : types) {
      if (part.path(type).isTextual()) return part.path(type).asText();
    }
    throw new ApiProblem(ProblemType.INVALID_PARAMETER, "The part '" + part.path("name").asText() + "' needs a "
        + String.join(" or ", types) + ".");
  }

  private static Boolean bool(JsonNode part) {
    if (part.path("valueBoolean").isBoolean()) return part.path("valueBoolean").asBoolean();
    String text = part.path("valueString").asText("").strip().toLowerCase(Locale.ROOT);
    if (text.equals("true") || text.equals("false")) return Boolean.valueOf(text);
    throw new ApiProblem(ProblemType.INVALID_PARAMETER, "The part 'all' needs valueBoolean true or false.");
  }

  private static LocalDate date(String text) {
    String day = text.length() > 10 && text.charAt(10) == 'T' ? text.substring(0, 10) : text;
    try {
      return LocalDate.parse(day);
    } catch (DateTimeParseException e) {
      throw new ApiProblem(ProblemType.INVALID_DATE, "asOf must be a date like 2025-06-30, not '" + text + "'.");
    }
  }

  private static String text(JsonNode node) {
    try {
      return JSON.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree could not be written", e);
    }
  }
}
