package org.eligo.fhir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;

/**
 * ECOG grades given as codes: the verified codes in {@code ecog-answers.tsv}, or a coding whose code is the grade
 * digit itself (0 to 5).
 */
final class EcogGrades {
  private static final Map<String, Integer> BY_CODE = load();

  private EcogGrades() {}

  /** The grade a coded ECOG answer gives, or null. */
  static Integer grade(CodeableConcept answer) {
    for (Coding c : answer.getCoding()) {
      Integer g = BY_CODE.get(c.getSystem() + "|" + c.getCode());
      if (g != null) return g;
    }
    for (Coding c : answer.getCoding()) {
      if (c.hasCode() && c.getCode().strip().matches("[0-5]")) return Integer.parseInt(c.getCode().strip());
    }
    return null;
  }

  private static Map<String, Integer> load() {
    Map<String, Integer> map = new HashMap<>();
    try (InputStream in = EcogGrades.class.getResourceAsStream("ecog-answers.tsv")) {
      if (in == null) throw new IllegalStateException("ecog-answers.tsv is missing from the classpath");
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line; (line = reader.readLine()) != null; ) {
        if (line.isBlank() || line.startsWith("#")) continue;
        String[] f = line.split("\t");
        map.put(f[0] + "|" + f[1], Integer.parseInt(f[2]));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Map.copyOf(map);
  }
}
