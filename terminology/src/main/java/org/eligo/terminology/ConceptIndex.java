package org.eligo.terminology;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The concepts with their precomputed class closure and code lookup.
 *
 * <p>The closure of a concept is the concept itself plus every concept that includes it, directly or through other groups
 * (sirolimus → mtor-inhibitor → immunosuppressant). Codes are looked up exactly and by hierarchy prefix. Immutable.
 */
final class ConceptIndex {
    private record Prefix(String comparable, String conceptId) {
    }

    private final Map<String, Concept> byId;
    private final Map<String, Set<String>> closure;
    private final Map<String, Map<String, Set<String>>> byCode;
    private final Map<String, List<Prefix>> prefixes;

    /** Builds the index; the concepts must already be valid (ids unique, includes resolvable, no cycles). */
    ConceptIndex(List<Concept> concepts) {
        Map<String, Concept> ids = new LinkedHashMap<>();
        concepts.forEach(c -> ids.put(c.id(), c));
        this.byId = Collections.unmodifiableMap(ids);
        this.closure = closureOf(ids);
        Map<String, Map<String, Set<String>>> codes = new HashMap<>();
        Map<String, List<Prefix>> prefixMap = new HashMap<>();
        for (Concept concept : concepts) {
            for (Coding coding : concept.codes()) {
                codes.computeIfAbsent(coding.system(), s -> new HashMap<>())
                        .computeIfAbsent(CodeSystems.comparable(coding.system(), coding.code()), k -> new LinkedHashSet<>())
                        .add(concept.id());
            }
            for (CodePrefix prefix : concept.codePrefixes()) {
                prefixMap.computeIfAbsent(prefix.system(), s -> new ArrayList<>())
                        .add(new Prefix(CodeSystems.comparable(prefix.system(), prefix.prefix()), concept.id()));
            }
        }
        this.byCode = codes;
        this.prefixes = prefixMap;
    }

    /**
     * For every concept, itself and all concepts that transitively include it. Cycles are tolerated (members of a cycle
     * include each other); the validator reports them before an index is ever built from real data.
     */
    static Map<String, Set<String>> closureOf(Map<String, Concept> byId) {
        Map<String, List<String>> parents = new HashMap<>();
        for (Concept concept : byId.values()) {
            for (String member : concept.includes()) {
                parents.computeIfAbsent(member, m -> new ArrayList<>()).add(concept.id());
            }
        }
        Map<String, Set<String>> result = new HashMap<>();
        for (String id : byId.keySet()) {
            Set<String> seen = new LinkedHashSet<>();
            List<String> todo = new ArrayList<>(List.of(id));
            while (!todo.isEmpty()) {
                String current = todo.removeLast();
                if (seen.add(current)) {
                    todo.addAll(parents.getOrDefault(current, List.of()));
                }
            }
            result.put(id, Collections.unmodifiableSet(seen));
        }
        return Collections.unmodifiableMap(result);
    }

    Map<String, Concept> byId() {
        return byId;
    }

    Set<String> closure(String id) {
        return closure.getOrDefault(id, Set.of());
    }

    /** Concepts holding the code exactly or by prefix, with their closures. */
    Set<String> conceptsForCode(String system, String code) {
        if (system == null || code == null || code.isBlank()) {
            return Set.of();
        }
        if (Icd10Variants.isVariant(system)) {
            return closed(icd10Variant(Icd10Variants.whoLevel(code)));
        }
        String comparable = CodeSystems.comparable(system, code);
        Set<String> direct = new LinkedHashSet<>(byCode.getOrDefault(system, Map.of()).getOrDefault(comparable, Set.of()));
        for (Prefix prefix : prefixes.getOrDefault(system, List.of())) {
            if (comparable.startsWith(prefix.comparable())) {
                direct.add(prefix.conceptId());
            }
        }
        return closed(direct);
    }

    /**
     * The concepts an international or national ICD-10 code at WHO's level ({@link Icd10Variants}) lies wholly inside:
     * an ICD-10-CM code or prefix of the concept of at most four characters that starts it.
     */
    private Set<String> icd10Variant(String whoLevel) {
        Set<String> direct = new LinkedHashSet<>();
        Map<String, Set<String>> cm = byCode.getOrDefault(CodeSystems.ICD10CM, Map.of());
        if (whoLevel.isEmpty()) return direct;
        for (int length = 3; length <= Math.min(whoLevel.length(), Icd10Variants.WHO_LEVEL); length++) {
            direct.addAll(cm.getOrDefault(whoLevel.substring(0, length), Set.of()));
        }
        for (Prefix prefix : prefixes.getOrDefault(CodeSystems.ICD10CM, List.of())) {
            if (prefix.comparable().length() <= Icd10Variants.WHO_LEVEL && whoLevel.startsWith(prefix.comparable())) {
                direct.add(prefix.conceptId());
            }
        }
        return direct;
    }

    private Set<String> closed(Set<String> direct) {
        Set<String> result = new LinkedHashSet<>();
        direct.forEach(id -> result.addAll(closure(id)));
        return Collections.unmodifiableSet(result);
    }
}
