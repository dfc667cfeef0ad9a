package org.eligo.screening.population;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.eligo.terminology.Coding;
import org.eligo.terminology.Concept;
import org.eligo.terminology.Terminology;
import org.eligo.terminology.measure.Measure;

/**
 * CodeableConcepts and LOINC codes taken from the terminology's data files, never invented: a concept is written with
 * one of its verified codes, or as text only (one of its names) when it has none or when the record is meant to be
 * text-only.
 */
final class Codings {
  private final Map<String, Concept> concepts = new HashMap<>();
  private final Map<String, Coding> loinc = new HashMap<>();

  Codings(Terminology terminology) {
    for (Concept c : terminology.concepts()) concepts.put(c.id(), c);
    for (Measure m : terminology.measures()) {
      if (!m.loinc().isEmpty()) loinc.put(m.key(), m.loinc().getFirst());
    }
  }

  /** Appends {@code "name":{CodeableConcept}} for a concept; text-only with probability {@code textOnly}. */
  void concept(Json json, String name, String conceptId, double textOnly, SplittableRandom random) {
    Concept c = concepts.get(conceptId);
    if (c == null) throw new IllegalArgumentException("no concept '" + conceptId + "' in the terminology");
    List<Coding> codes = c.codes();
    json.key(name).append('{');
    if (codes.isEmpty() || random.nextDouble() < textOnly) {
      json.field("text", name(c, random));
    } else {
      Coding coding = codes.get(random.nextInt(codes.size()));
      json.key("coding").append("[{");
      json.field("system", coding.system()).append(',').field("code", coding.code());
      String display = coding.display();
      if (display != null && !display.isEmpty() && display.length() <= 60) json.append(',').field("display", display);
      json.append("}]");
    }
    json.append('}');
  }

  /** Appends the LOINC code of a measure as {@code "code":{...}}. */
  void measureCode(Json json, String measureKey) {
    Coding coding = loinc.get(measureKey);
    if (coding == null) throw new IllegalArgumentException("no LOINC code for measure '" + measureKey + "'");
    json.key("code").append("{\"coding\":[{");
    json.field("system", coding.system()).append(',').field("code", coding.code());
    if (coding.display() != null) json.append(',').field("display", coding.display());
    json.append("}]}");
  }

  private static String name(Concept c, SplittableRandom random) {
    List<String> names = c.synonyms();
    if (names.isEmpty()) return c.label();
    // the first two names are the full ones; later ones may be abbreviations matched only in some contexts
    return names.get(random.nextInt(Math.min(2, names.size())));
  }
}
