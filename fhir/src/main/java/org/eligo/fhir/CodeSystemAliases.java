package org.eligo.fhir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Resource;

/**
 * Reads the code systems of a resource under their FHIR URIs: a system given by its OID ({@code
 * urn:oid:2.16.840.1.113883.6.96}, as records converted from CDA give it) or with stray spaces or a trailing slash
 * ({@code http://loinc.org/}) is the system it names, so its codes are read instead of being unknown. The aliases are
 * in {@code code-system-aliases.tsv}, each cited.
 */
public final class CodeSystemAliases {
  private static final Map<String, String> ALIASES = load();
  /** The resource types whose codes the reader uses (directly, or through references to them). */
  static final java.util.Set<String> READ_TYPES = java.util.Set.of("Observation", "Condition", "MedicationStatement",
      "MedicationRequest", "MedicationAdministration", "MedicationDispense", "Medication", "Substance", "Procedure",
      "AllergyIntolerance", "Immunization", "DiagnosticReport");

  private CodeSystemAliases() {}

  /** The FHIR URI {@code system} stands for, or {@code system} itself. */
  public static String canonical(String system) {
    if (system == null) return null;
    String s = system.strip();
    String alias = ALIASES.get(s);
    if (alias != null) return alias;
    String trimmed = s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    return ALIASES.containsValue(trimmed) ? trimmed : system;
  }

  /** Rewrites, in place, every Coding and Quantity system of {@code resource} (contained resources too). */
  static void apply(Resource resource) {
    var terser = HapiResourceParser.context().newTerser();
    for (Coding c : terser.getAllPopulatedChildElementsOfType(resource, Coding.class)) {
      if (c.hasSystem()) {
        String canonical = canonical(c.getSystem());
        if (!canonical.equals(c.getSystem())) c.setSystem(canonical);
      }
    }
    for (Quantity q : terser.getAllPopulatedChildElementsOfType(resource, Quantity.class)) {
      if (q.hasSystem()) {
        String canonical = canonical(q.getSystem());
        if (!canonical.equals(q.getSystem())) q.setSystem(canonical);
      }
    }
  }

  private static Map<String, String> load() {
    Map<String, String> aliases = new HashMap<>();
    try (InputStream in = CodeSystemAliases.class.getResourceAsStream("code-system-aliases.tsv")) {
      if (in == null) throw new IllegalStateException("code-system-aliases.tsv is missing from the classpath");
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line; (line = reader.readLine()) != null; ) {
        if (line.isBlank() || line.startsWith("#")) continue;
        String[] f = line.split("\t");
        aliases.put(f[0].strip(), f[1].strip());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Map.copyOf(aliases);
  }
}
