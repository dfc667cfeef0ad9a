package org.eligo.server.http;

import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads and checks one request's query parameters: unknown names are an error naming them and the accepted ones;
 * dates and numbers that do not parse are errors naming the parameter.
 */
public final class QueryParameters {
  private final Map<String, List<String>> values;

  private QueryParameters(Map<String, List<String>> values) {
    this.values = values;
  }

  /** The request's parameters, after checking that each name is one of {@code allowed}. */
  public static QueryParameters of(Context ctx, Set<String> allowed) {
    Map<String, List<String>> map = ctx.queryParamMap();
    Set<String> unknown = new TreeSet<>(map.keySet());
    unknown.removeAll(allowed);
    if (!unknown.isEmpty()) {
      throw new ApiProblem(ProblemType.UNKNOWN_PARAMETER,
          "Unknown parameter" + (unknown.size() > 1 ? "s: " : ": ") + String.join(", ", unknown)
              + (allowed.isEmpty() ? ". This endpoint takes no query parameters."
                  : ". Accepted: " + String.join(", ", new TreeSet<>(allowed)) + "."),
          Map.of("parameters", List.copyOf(unknown), "accepted", List.copyOf(new TreeSet<>(allowed))));
    }
    return new QueryParameters(map);
  }

  /** The single value of {@code name}, or null; repeated single-valued parameters are an error. */
  public String one(String name) {
    List<String> list = values.get(name);
    if (list == null || list.isEmpty()) return null;
    if (list.size() > 1) {
      throw new ApiProblem(ProblemType.INVALID_PARAMETER, "Parameter " + name + " was given " + list.size()
          + " times; give it once.", Map.of("parameter", name));
    }
    String v = list.get(0).strip();
    return v.isEmpty() ? null : v;
  }

  /** Every value of {@code name}, each also split at commas and pipes (API v2 lists: {@code RECRUITING|COMPLETED}). */
  public List<String> list(String name) {
    List<String> out = new ArrayList<>();
    for (String v : values.getOrDefault(name, List.of())) {
      Arrays.stream(v.split("[,|]")).map(String::strip).filter(s -> !s.isEmpty()).forEach(out::add);
    }
    return out;
  }

  /** A date {@code yyyy-MM-dd}, or {@code fallback} when absent. */
  public LocalDate date(String name, LocalDate fallback) {
    String v = one(name);
    if (v == null) return fallback;
    try {
      return LocalDate.parse(v);
    } catch (DateTimeParseException e) {
      throw new ApiProblem(ProblemType.INVALID_DATE, "Parameter " + name + " must be a date like 2025-06-30, not '"
          + v + "'.", Map.of("parameter", name));
    }
  }

  /** An integer within {@code min..max}, or {@code fallback} when absent. */
  public int integer(String name, int fallback, int min, int max) {
    String v = one(name);
    if (v == null) return fallback;
    try {
      int i = Integer.parseInt(v);
      if (i >= min && i <= max) return i;
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new ApiProblem(ProblemType.INVALID_PARAMETER, "Parameter " + name + " must be a whole number from " + min
        + " to " + max + ", not '" + v + "'.", Map.of("parameter", name));
  }

  /** {@code true}/{@code false}, or {@code fallback} when absent. */
  public boolean bool(String name, boolean fallback) {
    String v = one(name);
    if (v == null) return fallback;
    if (v.equalsIgnoreCase("true")) return true;
    if (v.equalsIgnoreCase("false")) return false;
    throw new ApiProblem(ProblemType.INVALID_PARAMETER, "Parameter " + name + " must be true or false, not '" + v
        + "'.", Map.of("parameter", name));
  }

  /** An enum constant by name (case-insensitive), or an error listing the accepted names. */
  public static <E extends Enum<E>> E enumValue(String parameter, String value, Class<E> type) {
    for (E e : type.getEnumConstants()) {
      if (e.name().equalsIgnoreCase(value)) return e;
    }
    throw new ApiProblem(ProblemType.INVALID_PARAMETER, "Parameter " + parameter + " does not accept '" + value
        + "'. Accepted: " + String.join(", ", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList()) + ".",
        Map.of("parameter", parameter));
  }
}
