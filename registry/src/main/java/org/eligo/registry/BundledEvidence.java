package org.eligo.registry;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;
import org.eligo.store.evidence.EvidenceRepository;

/**
 * Loads the bundled published-evidence records into the store, each linked to the trials it concerns: its own
 * registration (when established) and the registry's trials of the same conditions and drug are linked at query
 * time, not here.
 */
final class BundledEvidence {
  private static final Pattern NCT = Pattern.compile("NCT\\d{8}");

  private BundledEvidence() {}

  static void load(EvidenceRepository repository) {
    for (BundledRegistry.BundledFile f : BundledRegistry.evidence()) {
      try {
        JsonNode node = TrialDocuments.JSON.readTree(f.content());
        String id = node.path("id").asText(f.name().replace(".json", ""));
        repository.saveEvidence(id, TrialDocuments.JSON.writeValueAsString(node), registrations(node));
      } catch (IOException e) {
        throw new IllegalStateException("bundled evidence " + f.name() + " is not JSON: " + e.getMessage(), e);
      }
    }
  }

  /** NCT IDs named in the record's registration field(s). */
  static Set<String> registrations(JsonNode node) {
    Set<String> ids = new LinkedHashSet<>();
    collect(node, false, ids);
    return ids;
  }

  private static void collect(JsonNode node, boolean inRegistration, Set<String> ids) {
    if (node.isObject()) {
      node.properties().forEach(e -> collect(e.getValue(),
          inRegistration || e.getKey().toLowerCase(java.util.Locale.ROOT).contains("registration")
              || e.getKey().equals("nctId"), ids));
    } else if (node.isArray()) {
      node.forEach(n -> collect(n, inRegistration, ids));
    } else if (inRegistration && node.isTextual() && NCT.matcher(node.asText()).matches()) {
      ids.add(node.asText());
    }
  }
}
