package org.eligo.terminology.data;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.eligo.terminology.CodeSystems;
import org.eligo.terminology.Coding;
import org.eligo.terminology.Concept;
import org.eligo.terminology.DataProblem;
import org.eligo.terminology.Kind;
import org.eligo.terminology.infection.InfectionTest;
import org.eligo.terminology.infection.QualitativeResult;
import org.eligo.terminology.infection.Reading;
import org.eligo.terminology.infection.ResultAnswer;
import org.eligo.terminology.measure.Measure;

/**
 * Checks {@code infection-tests.json}: keys (kebab-case, unique), the infection (a known diagnosis concept), what a
 * result shows (a positive shows the infection or a past one; a negative rules it out or shows nothing), LOINC codes
 * (display and source present, owned by one test and by no measure) and answers (SNOMED CT, LOINC or HL7 v3
 * interpretation codes with display and source, no text meaning both positive and negative).
 */
final class InfectionTestsValidator {
    private static final Pattern KEY = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Set<String> ANSWER_SYSTEMS = Set.of(CodeSystems.SNOMED, CodeSystems.LOINC,
            CodeSystems.OBSERVATION_INTERPRETATION);

    private InfectionTestsValidator() {
    }

    static void check(TerminologyData data, Map<String, Concept> concepts, List<DataProblem> problems) {
        Set<String> measureLoinc = new HashSet<>();
        for (Measure measure : data.measures()) {
            measure.loinc().forEach(c -> measureLoinc.add(c.code().strip()));
        }
        Set<String> keys = new HashSet<>();
        Map<String, String> loincOwner = new HashMap<>();
        for (InfectionTest test : data.infectionTests()) {
            String where = InfectionTestsReader.FILE + ": test '" + test.key() + "'";
            if (!KEY.matcher(test.key()).matches()) {
                problems.add(new DataProblem(where, "key must be kebab-case"));
            }
            if (!keys.add(test.key())) {
                problems.add(new DataProblem(where, "duplicate key"));
            }
            if (test.label().isBlank()) {
                problems.add(new DataProblem(where, "label is blank"));
            }
            Concept infection = concepts.get(test.infection());
            if (infection == null || infection.kind() != Kind.CONDITION) {
                problems.add(new DataProblem(where, "infection '" + test.infection() + "' is not a known diagnosis concept"));
            }
            if (test.positive() != Reading.INFECTED && test.positive() != Reading.EXPOSED) {
                problems.add(new DataProblem(where, "a positive result must show the infection (INFECTED) or a past one (EXPOSED)"));
            }
            if (test.negative() != Reading.NOT_INFECTED && test.negative() != Reading.NOTHING) {
                problems.add(new DataProblem(where, "a negative result must rule the infection out (NOT_INFECTED) or show NOTHING"));
            }
            if (test.loinc().isEmpty()) {
                problems.add(new DataProblem(where, "has no LOINC code, so no result can be read as this test"));
            }
            for (Coding coding : test.loinc()) {
                String code = "LOINC " + coding.code();
                if (!CodeSystems.LOINC.equals(coding.system())) {
                    problems.add(new DataProblem(where, "code " + coding.code() + " must be LOINC (" + CodeSystems.LOINC + ")"));
                }
                if (blank(coding.display())) {
                    problems.add(new DataProblem(where, code + ": missing display"));
                }
                if (blank(coding.source())) {
                    problems.add(new DataProblem(where, code + ": missing source (every code must cite the page it was verified against)"));
                }
                String previous = loincOwner.putIfAbsent(coding.code().strip(), test.key());
                if (previous != null && !previous.equals(test.key())) {
                    problems.add(new DataProblem(where, code + " is also a code of test '" + previous + "'"));
                }
                if (measureLoinc.contains(coding.code().strip())) {
                    problems.add(new DataProblem(where, code + " is also a code of a measure in measures.json"));
                }
            }
        }
        checkAnswers(data.resultAnswers(), problems);
    }

    private static void checkAnswers(List<ResultAnswer> answers, List<DataProblem> problems) {
        Set<String> codes = new HashSet<>();
        Map<String, QualitativeResult> byText = new HashMap<>();
        for (ResultAnswer answer : answers) {
            Coding coding = answer.coding();
            String where = InfectionTestsReader.FILE + ": answer " + coding.code() + " (" + coding.system() + ")";
            if (!ANSWER_SYSTEMS.contains(coding.system())) {
                problems.add(new DataProblem(where, "answers must be SNOMED CT, LOINC or HL7 v3 ObservationInterpretation codes"));
            }
            if (!codes.add(coding.system() + "|" + coding.code().strip())) {
                problems.add(new DataProblem(where, "duplicate answer code"));
            }
            if (blank(coding.display())) {
                problems.add(new DataProblem(where, "missing display"));
            }
            if (blank(coding.source())) {
                problems.add(new DataProblem(where, "missing source (every code must cite the page it was verified against)"));
            }
            List<String> texts = new java.util.ArrayList<>(answer.texts());
            if (!blank(coding.display())) {
                texts.add(coding.display());
            }
            for (String text : texts) {
                QualitativeResult previous = byText.putIfAbsent(text.strip().toLowerCase(Locale.ROOT), answer.result());
                if (previous != null && previous != answer.result()) {
                    problems.add(new DataProblem(where, "text '" + text + "' means both " + previous + " and " + answer.result()));
                }
            }
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
