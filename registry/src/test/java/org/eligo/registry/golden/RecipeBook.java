package org.eligo.registry.golden;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The named base patients of {@code golden/patients.txt}, and case patients written as
 * {@code base + step; step; ...} over them.
 *
 * <p>File format: {@code patient NAME [from BASE]} starts a patient (optionally continuing another one's steps);
 * each following indented line is one {@link PatientRecipe} step; {@code #} starts a comment.
 */
final class RecipeBook {
  static final String RESOURCE = "/golden/patients.txt";

  private final Map<String, PatientRecipe> bases;

  private RecipeBook(Map<String, PatientRecipe> bases) {
    this.bases = bases;
  }

  private static RecipeBook loaded;

  static synchronized RecipeBook load() {
    if (loaded == null) loaded = new RecipeBook(read(RESOURCE));
    return loaded;
  }

  /** The patient of a case: {@code base} or {@code base + step; step}. */
  PatientRecipe patient(String spec) {
    String[] parts = spec.split("\\+", 2);
    String baseName = parts[0].strip();
    PatientRecipe base = bases.get(baseName);
    if (base == null) throw new IllegalArgumentException("no base patient '" + baseName + "' in " + RESOURCE);
    if (parts.length == 1) return base;
    List<List<String>> steps = new ArrayList<>();
    for (String step : parts[1].split(";")) {
      if (!step.isBlank()) steps.add(PatientRecipe.tokens(step));
    }
    return base.then(spec.strip(), steps);
  }

  private static Map<String, PatientRecipe> read(String resource) {
    Map<String, PatientRecipe> out = new LinkedHashMap<>();
    try (InputStream in = RecipeBook.class.getResourceAsStream(resource)) {
      if (in == null) throw new IllegalStateException(resource + " is missing from the test class path");
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String name = null;
      PatientRecipe from = null;
      List<List<String>> steps = new ArrayList<>();
      int lineNo = 0;
      for (String line; (line = reader.readLine()) != null; ) {
        lineNo++;
        String text = stripComment(line);
        if (text.isBlank()) continue;
        if (!Character.isWhitespace(text.charAt(0))) {
          if (name != null) put(out, name, from, steps);
          List<String> head = PatientRecipe.tokens(text);
          if (!head.getFirst().equals("patient") || !(head.size() == 2 || head.size() == 4 && head.get(2).equals(
              "from"))) {
            throw new IllegalStateException(resource + ":" + lineNo + ": expected 'patient NAME [from BASE]'");
          }
          name = head.get(1);
          from = head.size() == 4 ? out.get(head.get(3)) : null;
          if (head.size() == 4 && from == null) {
            throw new IllegalStateException(resource + ":" + lineNo + ": unknown base " + head.get(3));
          }
          steps = new ArrayList<>();
        } else {
          if (name == null) throw new IllegalStateException(resource + ":" + lineNo + ": step outside a patient");
          steps.add(PatientRecipe.tokens(text));
        }
      }
      if (name != null) put(out, name, from, steps);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  private static void put(Map<String, PatientRecipe> out, String name, PatientRecipe from, List<List<String>> steps) {
    if (out.containsKey(name)) throw new IllegalStateException(RESOURCE + ": patient " + name + " defined twice");
    out.put(name, from == null ? new PatientRecipe(name, steps) : from.then(name, steps));
  }

  private static String stripComment(String line) {
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char ch = line.charAt(i);
      if (ch == '"') quoted = !quoted;
      if (ch == '#' && !quoted) return line.substring(0, i);
    }
    return line;
  }
}
