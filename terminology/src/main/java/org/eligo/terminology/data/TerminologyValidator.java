package org.eligo.terminology.data;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.eligo.terminology.CodePrefix;
import org.eligo.terminology.CodeSystems;
import org.eligo.terminology.Coding;
import org.eligo.terminology.Concept;
import org.eligo.terminology.DataProblem;
import org.eligo.terminology.measure.Measure;
import org.eligo.terminology.measure.MeasureUnitFactor;
import org.eligo.terminology.measure.ValueType;
import org.eligo.terminology.text.TextNormalizer;
import org.eligo.terminology.text.Token;
import org.eligo.terminology.unit.UnitFactor;
import org.eligo.terminology.unit.UcumUnits;

/**
 * Checks the terminology data for defects: ids (kebab-case, unique), labels, codes (known system, display and source
 * present), prefixes (hierarchical systems only), includes (resolvable, same kind, no cycles), codes and synonyms shared
 * by unrelated concepts, measures (unique keys and LOINC codes, valid UCUM units, sourced factors) and infection tests
 * ({@link InfectionTestsValidator}).
 */
public final class TerminologyValidator {
    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private final UcumUnits ucum;

    public TerminologyValidator(UcumUnits ucum) {
        this.ucum = ucum;
    }

    /** Every problem of the data, including those met while reading. */
    public List<DataProblem> validate(TerminologyData data) {
        List<DataProblem> problems = new ArrayList<>(data.problems());
        Map<String, Concept> byId = new LinkedHashMap<>();
        Map<String, String> origin = new HashMap<>();
        for (int i = 0; i < data.concepts().size(); i++) {
            Concept concept = data.concepts().get(i);
            String where = data.origins().get(i) + ": concept '" + concept.id() + "'";
            if (!ID.matcher(concept.id()).matches()) {
                problems.add(new DataProblem(where, "id must be kebab-case (lower-case letters and digits joined by '-')"));
            }
            if (byId.containsKey(concept.id())) {
                problems.add(new DataProblem(where, "duplicate id, already defined in " + origin.get(concept.id())));
                continue;
            }
            byId.put(concept.id(), concept);
            origin.put(concept.id(), data.origins().get(i));
            checkConcept(concept, where, problems);
        }
        boolean structureOk = checkIncludes(byId, origin, problems);
        if (structureOk) {
            Map<String, Set<String>> closure = closure(byId);
            checkSharedCodes(byId, origin, closure, problems);
            checkSharedSynonyms(byId, origin, closure, problems);
        }
        checkMeasures(data.measures(), problems);
        InfectionTestsValidator.check(data, byId, problems);
        return problems;
    }

    private void checkConcept(Concept concept, String where, List<DataProblem> problems) {
        if (concept.label().isBlank()) {
            problems.add(new DataProblem(where, "label is blank"));
        }
        if (concept.event() && concept.kind() != org.eligo.terminology.Kind.CONDITION) {
            problems.add(new DataProblem(where, "only a diagnosis (CONDITION) can be an event"));
        }
        if (concept.synonyms().isEmpty()) {
            problems.add(new DataProblem(where, "has no synonyms, so text can never name it"));
        }
        for (Coding coding : concept.codes()) {
            String code = "code " + coding.code() + " (" + coding.system() + ")";
            if (!CodeSystems.isKnown(coding.system())) {
                problems.add(new DataProblem(where, code + ": unknown code system"));
            }
            if (coding.code().isBlank()) {
                problems.add(new DataProblem(where, code + ": blank code"));
            }
            if (blank(coding.display())) {
                problems.add(new DataProblem(where, code + ": missing display"));
            }
            if (blank(coding.source())) {
                problems.add(new DataProblem(where, code + ": missing source (every code must cite the page it was verified against)"));
            }
        }
        for (CodePrefix prefix : concept.codePrefixes()) {
            String text = "code prefix " + prefix.prefix() + " (" + prefix.system() + ")";
            if (!CodeSystems.isHierarchical(prefix.system())) {
                problems.add(new DataProblem(where, text + ": prefixes are only allowed for ICD-10-CM and ATC"));
            }
            if (prefix.prefix().isBlank()) {
                problems.add(new DataProblem(where, text + ": blank prefix"));
            }
            if (blank(prefix.source())) {
                problems.add(new DataProblem(where, text + ": missing source"));
            }
        }
        for (String synonym : concept.synonyms()) {
            if (TextNormalizer.tokenize(synonym).isEmpty()) {
                problems.add(new DataProblem(where, "synonym '" + synonym + "' has no words"));
            }
        }
    }

    private static boolean checkIncludes(Map<String, Concept> byId, Map<String, String> origin, List<DataProblem> problems) {
        boolean ok = true;
        for (Concept concept : byId.values()) {
            String where = origin.get(concept.id()) + ": concept '" + concept.id() + "'";
            for (String member : concept.includes()) {
                Concept target = byId.get(member);
                if (target == null) {
                    problems.add(new DataProblem(where, "includes unknown concept '" + member + "'"));
                    ok = false;
                } else if (member.equals(concept.id())) {
                    problems.add(new DataProblem(where, "includes itself"));
                    ok = false;
                } else if (target.kind() != concept.kind()) {
                    problems.add(new DataProblem(where, "includes '" + member + "' of kind " + target.kind() + " but is " + concept.kind()));
                } else if (concept.event() && !target.event()) {
                    // a window over the group would count a lasting member by its onset alone
                    problems.add(new DataProblem(where, "is an event but includes '" + member + "', which is not"));
                }
            }
        }
        if (!ok) {
            return false;
        }
        Set<String> done = new HashSet<>();
        for (String id : byId.keySet()) {
            List<String> cycle = findCycle(id, byId, new ArrayList<>(), new HashSet<>(), done);
            if (cycle != null) {
                problems.add(new DataProblem(origin.get(id) + ": concept '" + id + "'", "includes form a cycle: " + String.join(" -> ", cycle)));
                return false;
            }
        }
        return true;
    }

    private static List<String> findCycle(String id, Map<String, Concept> byId, List<String> path, Set<String> onPath, Set<String> done) {
        if (onPath.contains(id)) {
            List<String> cycle = new ArrayList<>(path.subList(path.indexOf(id), path.size()));
            cycle.add(id);
            return cycle;
        }
        if (done.contains(id)) {
            return null;
        }
        path.add(id);
        onPath.add(id);
        for (String member : byId.get(id).includes()) {
            List<String> cycle = findCycle(member, byId, path, onPath, done);
            if (cycle != null) {
                return cycle;
            }
        }
        path.removeLast();
        onPath.remove(id);
        done.add(id);
        return null;
    }

    private static Map<String, Set<String>> closure(Map<String, Concept> byId) {
        Map<String, List<String>> parents = new HashMap<>();
        byId.values().forEach(c -> c.includes().forEach(m -> parents.computeIfAbsent(m, k -> new ArrayList<>()).add(c.id())));
        Map<String, Set<String>> result = new HashMap<>();
        for (String id : byId.keySet()) {
            Set<String> seen = new HashSet<>();
            List<String> todo = new ArrayList<>(List.of(id));
            while (!todo.isEmpty()) {
                String current = todo.removeLast();
                if (seen.add(current)) {
                    todo.addAll(parents.getOrDefault(current, List.of()));
                }
            }
            result.put(id, seen);
        }
        return result;
    }

    private static boolean related(String a, String b, Map<String, Set<String>> closure) {
        return closure.get(a).contains(b) || closure.get(b).contains(a);
    }

    private static void checkSharedCodes(Map<String, Concept> byId, Map<String, String> origin, Map<String, Set<String>> closure,
                                         List<DataProblem> problems) {
        Map<String, String> owner = new HashMap<>();
        for (Concept concept : byId.values()) {
            for (Coding coding : concept.codes()) {
                String key = coding.system() + "|" + CodeSystems.comparable(coding.system(), coding.code());
                String previous = owner.putIfAbsent(key, concept.id());
                if (previous != null && !previous.equals(concept.id()) && !related(previous, concept.id(), closure)) {
                    problems.add(new DataProblem(origin.get(concept.id()) + ": concept '" + concept.id() + "'",
                            "code " + coding.code() + " (" + coding.system() + ") is also a code of unrelated concept '" + previous + "'"));
                }
            }
        }
    }

    private static void checkSharedSynonyms(Map<String, Concept> byId, Map<String, String> origin, Map<String, Set<String>> closure,
                                            List<DataProblem> problems) {
        Map<String, String> owner = new HashMap<>();
        for (Concept concept : byId.values()) {
            for (String synonym : concept.synonyms()) {
                String key = matchKey(synonym);
                String previous = owner.putIfAbsent(key, concept.id());
                if (previous != null && !previous.equals(concept.id()) && !related(previous, concept.id(), closure)) {
                    problems.add(new DataProblem(origin.get(concept.id()) + ": concept '" + concept.id() + "'",
                            "synonym '" + synonym + "' also names unrelated concept '" + previous + "'"));
                }
            }
        }
    }

    /** The form in which the phrase matcher compares a synonym. */
    static String matchKey(String synonym) {
        return TextNormalizer.tokenize(synonym).stream()
                .map(Token::raw)
                .map(raw -> TextNormalizer.isCaseSensitiveAbbreviation(raw) ? "=" + raw : TextNormalizer.normalizeWord(raw))
                .collect(Collectors.joining(" "));
    }

    private void checkMeasures(List<Measure> measures, List<DataProblem> problems) {
        Set<String> keys = new HashSet<>();
        Map<String, String> loincOwner = new HashMap<>();
        for (Measure measure : measures) {
            String where = "measures.json: measure '" + measure.key() + "'";
            if (!ID.matcher(measure.key()).matches()) {
                problems.add(new DataProblem(where, "key must be kebab-case"));
            }
            if (!keys.add(measure.key())) {
                problems.add(new DataProblem(where, "duplicate key"));
            }
            if (measure.synonyms().isEmpty()) {
                problems.add(new DataProblem(where, "has no synonyms"));
            }
            if (measure.valueType() == ValueType.CODED) {
                if (measure.canonicalUnit().isPresent()) {
                    problems.add(new DataProblem(where, "a coded measure has no canonical unit"));
                }
            } else {
                if (measure.canonicalUnit().isEmpty()) {
                    problems.add(new DataProblem(where, "needs a canonicalUnit"));
                } else if (!ucum.isValid(measure.canonicalUnit().get())) {
                    problems.add(new DataProblem(where, "canonicalUnit '" + measure.canonicalUnit().get() + "' is not valid UCUM: "
                            + ucum.problem(measure.canonicalUnit().get())));
                }
                if (measure.plausibleRange().isEmpty()) {
                    problems.add(new DataProblem(where, "needs a plausibleRange"));
                }
            }
            for (Coding coding : measure.loinc()) {
                if (!CodeSystems.LOINC.equals(coding.system())) {
                    problems.add(new DataProblem(where, "code " + coding.code() + " must be LOINC (" + CodeSystems.LOINC + ")"));
                }
                if (blank(coding.source())) {
                    problems.add(new DataProblem(where, "LOINC " + coding.code() + ": missing source"));
                }
                String previous = loincOwner.putIfAbsent(coding.code(), measure.key());
                if (previous != null && !previous.equals(measure.key())) {
                    problems.add(new DataProblem(where, "LOINC " + coding.code() + " is also a code of measure '" + previous + "'"));
                }
            }
            for (MeasureUnitFactor factor : measure.unitFactors()) {
                if (!ucum.isValid(factor.unit())) {
                    problems.add(new DataProblem(where, "unit factor unit '" + factor.unit() + "' is not valid UCUM"));
                }
                if (!(factor.toCanonical() > 0)) {
                    problems.add(new DataProblem(where, "unit factor for '" + factor.unit() + "' must be positive"));
                }
                if (blank(factor.source())) {
                    problems.add(new DataProblem(where, "unit factor for '" + factor.unit() + "' needs a source"));
                }
            }
            measure.unitWhenOmitted().ifPresent(unit -> {
                if (!ucum.isValid(unit)) {
                    problems.add(new DataProblem(where, "unitWhenOmitted '" + unit + "' is not valid UCUM"));
                } else if (measure.canonicalUnit().isPresent()
                        && !(ucum.factor(unit, measure.canonicalUnit().get()) instanceof UnitFactor.Factor)) {
                    problems.add(new DataProblem(where, "unitWhenOmitted '" + unit + "' does not convert to "
                            + measure.canonicalUnit().get()));
                }
            });
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
