package org.eligo.terminology.data;

import java.util.List;
import org.eligo.terminology.Concept;
import org.eligo.terminology.DataProblem;
import org.eligo.terminology.infection.InfectionTest;
import org.eligo.terminology.infection.ResultAnswer;
import org.eligo.terminology.measure.Measure;

/**
 * Everything read from the data files, with the file each concept came from, and the problems met while reading.
 *
 * @param concepts the concepts in file order
 * @param origins  for each concept (same index), the file it came from
 * @param measures the measures
 * @param infectionTests the laboratory tests for infections
 * @param resultAnswers the coded qualitative answers (positive, negative) of those tests
 * @param problems defects found while reading (unparsable JSON, unknown kinds, missing fields)
 */
public record TerminologyData(List<Concept> concepts, List<String> origins, List<Measure> measures,
                              List<InfectionTest> infectionTests, List<ResultAnswer> resultAnswers,
                              List<DataProblem> problems) {
    public TerminologyData {
        concepts = List.copyOf(concepts);
        origins = List.copyOf(origins);
        measures = List.copyOf(measures);
        infectionTests = List.copyOf(infectionTests);
        resultAnswers = List.copyOf(resultAnswers);
        problems = List.copyOf(problems);
    }
}
