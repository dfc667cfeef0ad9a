package org.eligo.ctgov.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import org.eligo.core.trial.DateStruct;
import org.eligo.core.trial.PartialDate;

/**
 * Typed access to the fields of a JSON object that records a diagnostic, with its path, for every value of the wrong
 * shape and returns null for it. Absent fields and JSON {@code null} are both "not given" and are not reported.
 */
final class FieldReader {

  private final List<Diagnostic> diagnostics = new ArrayList<>();

  List<Diagnostic> diagnostics() {
    return diagnostics;
  }

  boolean hasErrors() {
    return diagnostics.stream().anyMatch(Diagnostic::isError);
  }

  void error(JsonPath path, String reason) {
    diagnostics.add(Diagnostic.error(path.toString(), reason));
  }

  void warning(JsonPath path, String reason) {
    diagnostics.add(Diagnostic.warning(path.toString(), reason));
  }

  static JsonPath at(JsonPath parentPath, String name) {
    return parentPath.field(name);
  }

  static JsonPath at(JsonPath arrayPath, int index) {
    return arrayPath.element(index);
  }

  /** The field's value, or null when it is absent or JSON null. */
  static JsonNode given(JsonNode parent, String name) {
    JsonNode value = parent == null ? null : parent.get(name);
    return value == null || value.isNull() || value.isMissingNode() ? null : value;
  }

  /** The field as an object, or null when absent or not an object (then reported). */
  JsonNode object(JsonNode parent, JsonPath parentPath, String name) {
    JsonNode value = given(parent, name);
    if (value == null) return null;
    if (!value.isObject()) {
      wrongType(at(parentPath, name), "an object", value);
      return null;
    }
    return value;
  }

  String text(JsonNode parent, JsonPath parentPath, String name) {
    JsonNode value = given(parent, name);
    if (value == null) return null;
    if (!value.isTextual()) {
      wrongType(at(parentPath, name), "a string", value);
      return null;
    }
    return value.textValue();
  }

  Boolean bool(JsonNode parent, JsonPath parentPath, String name) {
    JsonNode value = given(parent, name);
    if (value == null) return null;
    if (!value.isBoolean()) {
      wrongType(at(parentPath, name), "a boolean", value);
      return null;
    }
    return value.booleanValue();
  }

  /** An integer; a number with no fraction such as {@code 80.0} is accepted as {@code 80}. */
  Integer integer(JsonNode parent, JsonPath parentPath, String name) {
    JsonNode value = given(parent, name);
    if (value == null) return null;
    JsonPath path = at(parentPath, name);
    if (!value.isNumber()) {
      wrongType(path, "an integer", value);
      return null;
    }
    double d = value.doubleValue();
    if (d != Math.rint(d) || d > Integer.MAX_VALUE || d < Integer.MIN_VALUE) {
      error(path, "expected an integer, found " + value.asText());
      return null;
    }
    return (int) d;
  }

  Double number(JsonNode parent, JsonPath parentPath, String name) {
    JsonNode value = given(parent, name);
    if (value == null) return null;
    if (!value.isNumber()) {
      wrongType(at(parentPath, name), "a number", value);
      return null;
    }
    return value.doubleValue();
  }

  /**
   * An API v2 enum value, matched exactly (the API writes them in upper case).
   *
   * @param apiName the enum's name in the API description, for the message ("Status", "Phase")
   */
  <E extends Enum<E>> E enumValue(JsonNode parent, JsonPath parentPath, String name, Class<E> type, String apiName) {
    JsonNode value = given(parent, name);
    return value == null ? null : enumOf(value, at(parentPath, name), type, apiName);
  }

  private <E extends Enum<E>> E enumOf(JsonNode value, JsonPath path, Class<E> type, String apiName) {
    if (!value.isTextual()) {
      wrongType(path, "a string", value);
      return null;
    }
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equals(value.textValue())) return constant;
    }
    error(path, "unknown enum value '" + value.textValue() + "' for " + apiName + "; expected one of "
        + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ")));
    return null;
  }

  /** A registry date: {@code yyyy}, {@code yyyy-MM} or {@code yyyy-MM-dd}, kept at the precision given. */
  PartialDate date(JsonNode parent, JsonPath parentPath, String name) {
    String text = text(parent, parentPath, name);
    if (text == null) return null;
    JsonPath path = at(parentPath, name);
    try {
      return new PartialDate(text);
    } catch (IllegalArgumentException e) {
      error(path, "invalid date '" + text + "': expected yyyy, yyyy-MM or yyyy-MM-dd on the calendar");
      return null;
    }
  }

  /** A {@code {date, type}} structure. */
  DateStruct dateStruct(JsonNode parent, JsonPath parentPath, String name) {
    JsonNode node = object(parent, parentPath, name);
    if (node == null) return null;
    JsonPath path = at(parentPath, name);
    PartialDate date = date(node, path, "date");
    DateStruct.DateType type = enumValue(node, path, "type", DateStruct.DateType.class, "DateType");
    return date == null && type == null ? null : new DateStruct(date, type);
  }

  /** A list of strings; absent gives an empty list, and a wrong element is reported and left out. */
  List<String> texts(JsonNode parent, JsonPath parentPath, String name) {
    return list(parent, parentPath, name, (element, path) -> {
      if (element.isTextual()) return element.textValue();
      wrongType(path, "a string", element);
      return null;
    });
  }

  <E extends Enum<E>> List<E> enumValues(JsonNode parent, JsonPath parentPath, String name, Class<E> type,
                                         String apiName) {
    return list(parent, parentPath, name, (element, path) -> enumOf(element, path, type, apiName));
  }

  /** A list of objects, each read by {@code each(objectNode, itsPath)}. */
  <T> List<T> objects(JsonNode parent, JsonPath parentPath, String name, BiFunction<JsonNode, JsonPath, T> each) {
    return list(parent, parentPath, name, (element, path) -> {
      if (element.isObject()) return each.apply(element, path);
      wrongType(path, "an object", element);
      return null;
    });
  }

  private <T> List<T> list(JsonNode parent, JsonPath parentPath, String name, BiFunction<JsonNode, JsonPath, T> each) {
    JsonNode value = given(parent, name);
    if (value == null) return List.of();
    JsonPath path = at(parentPath, name);
    if (!value.isArray()) {
      wrongType(path, "an array", value);
      return List.of();
    }
    List<T> out = new ArrayList<>(value.size());
    for (int i = 0; i < value.size(); i++) {
      T item = each.apply(value.get(i), at(path, i));
      if (item != null) out.add(item);
    }
    return out;
  }

  void wrongType(JsonPath path, String expected, JsonNode found) {
    error(path, "expected " + expected + ", found " + describe(found));
  }

  static String describe(JsonNode node) {
    return switch (node.getNodeType()) {
      case ARRAY -> "an array";
      case OBJECT -> "an object";
      case STRING -> "a string";
      case NUMBER -> "a number";
      case BOOLEAN -> "a boolean";
      case NULL -> "null";
      default -> node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    };
  }
}
