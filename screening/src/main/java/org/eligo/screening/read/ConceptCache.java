package org.eligo.screening.read;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eligo.fhir.FhirTerminology;

/**
 * Remembers which concepts codes and texts name: a population repeats the same few thousand codings millions of
 * times, and text matching is the costly part of reading them. Bounded: past {@link #MAX_ENTRIES} new keys are
 * looked up without being kept. Thread-safe.
 */
final class ConceptCache {
  static final int MAX_ENTRIES = 200_000;

  private final FhirTerminology terminology;
  private final ConcurrentHashMap<String, Set<String>> byCode = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Set<String>> byText = new ConcurrentHashMap<>();

  ConceptCache(FhirTerminology terminology) {
    this.terminology = terminology;
  }

  Set<String> forCode(String system, String code) {
    String key = system + '|' + code;
    Set<String> hit = byCode.get(key);
    if (hit != null) return hit;
    Set<String> found = Set.copyOf(terminology.conceptsForCode(system, code));
    if (byCode.size() < MAX_ENTRIES) byCode.putIfAbsent(key, found);
    return found;
  }

  Set<String> forText(String text) {
    Set<String> hit = byText.get(text);
    if (hit != null) return hit;
    Set<String> found = Set.copyOf(terminology.conceptsForText(text));
    if (byText.size() < MAX_ENTRIES) byText.putIfAbsent(text, found);
    return found;
  }
}
