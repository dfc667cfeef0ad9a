package org.eligo.terminology.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.eligo.terminology.Coding;
import org.eligo.terminology.DataProblem;
import org.eligo.terminology.infection.InfectionTest;
import org.eligo.terminology.infection.QualitativeResult;
import org.eligo.terminology.infection.Reading;
import org.eligo.terminology.infection.ResultAnswer;

/**
 * Reads {@code infection-tests.json}: {@code {"tests": [...], "answers": [...]}}. Unreadable parts become
 * {@link DataProblem}s.
 */
final class InfectionTestsReader {
    static final String FILE = "infection-tests.json";
    private static final Set<String> TOP = Set.of("note", "tests", "answers");
    private static final Set<String> TEST_FIELDS = Set.of("key", "label", "infection", "positive", "negative",
            "viralLoad", "loinc", "note");
    private static final Set<String> CODE_FIELDS = Set.of("system", "code", "display", "source");
    private static final Set<String> ANSWER_FIELDS = Set.of("system", "code", "display", "source", "result", "texts");

    /** The tests and answers of the file's top-level object. */
    record Read(List<InfectionTest> tests, List<ResultAnswer> answers) {}

    private InfectionTestsReader() {
    }

    static Read read(Object file, List<DataProblem> problems) {
        JsonFields top = JsonFields.of(file, FILE, TOP, problems);
        if (top == null) {
            return new Read(List.of(), List.of());
        }
        List<InfectionTest> tests = new ArrayList<>();
        List<Object> entries = top.list("tests");
        for (int i = 0; i < entries.size(); i++) {
            JsonFields t = JsonFields.of(entries.get(i), FILE + ": test " + name(entries.get(i), "key", i), TEST_FIELDS,
                    problems);
            InfectionTest test = t == null ? null : test(t, problems);
            if (test != null) {
                tests.add(test);
            }
        }
        List<ResultAnswer> answers = new ArrayList<>();
        List<Object> answerEntries = top.list("answers");
        for (int i = 0; i < answerEntries.size(); i++) {
            JsonFields a = JsonFields.of(answerEntries.get(i), FILE + ": answer " + name(answerEntries.get(i), "code", i),
                    ANSWER_FIELDS, problems);
            ResultAnswer answer = a == null ? null : answer(a, problems);
            if (answer != null) {
                answers.add(answer);
            }
        }
        return new Read(tests, answers);
    }

    private static InfectionTest test(JsonFields t, List<DataProblem> problems) {
        String key = t.string("key");
        String label = t.string("label");
        String infection = t.string("infection");
        Reading positive = reading(t, "positive", problems);
        Reading negative = reading(t, "negative", problems);
        if (key == null || label == null || infection == null || positive == null || negative == null) {
            problems.add(new DataProblem(t.where(), "needs \"key\", \"label\", \"infection\", \"positive\" and \"negative\""));
            return null;
        }
        Object viralLoad = t.raw("viralLoad");
        if (viralLoad != null && !(viralLoad instanceof Boolean)) {
            problems.add(new DataProblem(t.where(), "field 'viralLoad' must be true or false"));
        }
        List<Coding> loinc = new ArrayList<>();
        for (Object element : t.list("loinc")) {
            JsonFields code = JsonFields.of(element, t.where() + ", a LOINC code", CODE_FIELDS, problems);
            if (code == null) {
                continue;
            }
            String system = code.string("system");
            String value = code.string("code");
            loinc.add(new Coding(system == null ? "" : system, value == null ? "" : value, code.string("display"),
                    code.string("source")));
        }
        return new InfectionTest(key, label, infection, positive, negative, Boolean.TRUE.equals(viralLoad), loinc,
                Optional.ofNullable(t.string("note")));
    }

    private static ResultAnswer answer(JsonFields a, List<DataProblem> problems) {
        String system = a.string("system");
        String code = a.string("code");
        String resultName = a.string("result");
        if (system == null || code == null || resultName == null) {
            problems.add(new DataProblem(a.where(), "needs \"system\", \"code\" and \"result\""));
            return null;
        }
        QualitativeResult result;
        try {
            result = QualitativeResult.valueOf(resultName.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(new DataProblem(a.where(), "unknown result '" + resultName + "' (expected one of "
                    + List.of(QualitativeResult.values()) + ")"));
            return null;
        }
        return new ResultAnswer(new Coding(system, code, a.string("display"), a.string("source")), result,
                a.strings("texts"));
    }

    private static Reading reading(JsonFields t, String field, List<DataProblem> problems) {
        String name = t.string(field);
        if (name == null) {
            return null;
        }
        try {
            return Reading.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(new DataProblem(t.where(), "unknown " + field + " reading '" + name + "' (expected one of "
                    + List.of(Reading.values()) + ")"));
            return null;
        }
    }

    private static String name(Object entry, String field, int index) {
        if (entry instanceof java.util.Map<?, ?> map && map.get(field) instanceof String name) {
            return "'" + name + "'";
        }
        return "#" + (index + 1);
    }
}
