package org.eligo.server.check;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A person's answers so far, by question key: {@code yes}/{@code no}, {@code female}/{@code male}, a number, or
 * {@code unknown} ("I don't know"). Measurement units are kept under {@code unit.<key>} and upper limits of normal
 * under {@code uln.<key>}. Held only for the request; never stored or logged.
 */
public record Answers(Map<String, String> values) {
  public static final String UNKNOWN = "unknown";
  public static final Answers NONE = new Answers(Map.of());

  public Answers {
    values = Map.copyOf(values);
  }

  /** Answers taken from form fields named {@code a.<key>}, keeping only keys that look like question keys. */
  public static Answers fromForm(Map<String, ? extends java.util.List<String>> form) {
    Map<String, String> out = new LinkedHashMap<>();
    form.forEach((name, list) -> {
      if (name.startsWith("a.") && name.length() <= 120 && !list.isEmpty()) {
        String v = list.get(list.size() - 1).strip();
        if (!v.isEmpty() && v.length() <= 40) out.put(name.substring(2), v);
      }
    });
    return new Answers(out);
  }

  public String get(String key) {
    return values.get(key);
  }

  /** True when the question was answered, "I don't know" included. */
  public boolean answered(String key) {
    return values.containsKey(key);
  }

  /** True when answered with something other than "I don't know". */
  public boolean known(String key) {
    String v = values.get(key);
    return v != null && !v.equals(UNKNOWN);
  }

  public Answers with(String key, String value) {
    Map<String, String> copy = new LinkedHashMap<>(values);
    copy.put(key, value);
    return new Answers(copy);
  }

  /** The answers without {@code key} and its unit and upper limit. */
  public Answers without(String key) {
    Map<String, String> copy = new LinkedHashMap<>(values);
    copy.keySet().removeAll(Set.of(key, "unit." + key, "uln." + key));
    return new Answers(copy);
  }

  /** The answers without exactly {@code key}. */
  public Answers minus(String key) {
    Map<String, String> copy = new LinkedHashMap<>(values);
    copy.remove(key);
    return new Answers(copy);
  }

  public boolean isEmpty() {
    return values.isEmpty();
  }
}
