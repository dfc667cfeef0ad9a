package org.eligo.criteria.curated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.eligo.core.rule.CriteriaSet;
import org.eligo.core.rule.Criterion;
import org.eligo.core.rule.RuleOrigin;
import org.eligo.criteria.CriteriaCompiler;
import org.eligo.criteria.json.RuleFile;
import org.eligo.criteria.json.RuleSetJson;
import org.eligo.criteria.lexicon.TerminologyLexicon;
import org.eligo.criteria.parse.TestTexts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The bundled curated rule sets: valid against the terminology, complete, and quoting the registry exactly. */
class CuratedRuleSetsTest {
  static final CuratedRuleSets CURATED = CuratedRuleSets.bundled(TerminologyLexicon.bundled());
  static final CriteriaCompiler COMPILER = CriteriaCompiler.standard();
  static final Path BUNDLED_STUDIES = Path.of("../registry/src/main/resources/org/eligo/registry/bundled/studies");

  static Stream<String> seeds() {
    return TestTexts.seedIds().stream();
  }

  @Test
  void theFourSeedTrialsAreCurated() {
    assertThat(CURATED.available()).containsExactlyInAnyOrderElementsOf(TestTexts.seedIds());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("seeds")
  void loadsAndChecksAgainstTheTerminology(String nctId) {
    RuleFile file = CURATED.find(nctId).orElseThrow();
    assertThat(file.criteria().trialId()).isEqualTo(nctId);
    assertThat(file.criteria().criteria()).allSatisfy(c -> {
      assertThat(c.origin()).isEqualTo(RuleOrigin.CURATED);
      assertThat(file.notes()).as("note for " + c.id()).containsKey(c.id());
    });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("seeds")
  void coversEveryRegistryItemWithTheSameIdAndSentence(String nctId) {
    CriteriaSet parsed = COMPILER.parse(nctId, TestTexts.criteria(nctId));
    Map<String, String> expected = new LinkedHashMap<>();
    for (Criterion c : parsed.criteria()) expected.put(c.id(), c.text());
    Map<String, String> curated = new LinkedHashMap<>();
    for (Criterion c : CURATED.find(nctId).orElseThrow().criteria().criteria()) curated.put(c.id(), c.text());
    assertThat(curated).containsExactlyEntriesOf(expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("seeds")
  void everySentenceAppearsInTheBundledRegistryRecord(String nctId) throws IOException {
    Path study = BUNDLED_STUDIES.resolve(nctId + ".json");
    assumeTrue(Files.exists(study), "bundled registry record not written yet: " + study);
    JsonNode record = new ObjectMapper().readTree(study.toFile());
    String registryText = record.path("protocolSection").path("eligibilityModule").path("eligibilityCriteria").asText();
    for (Criterion c : CURATED.find(nctId).orElseThrow().criteria().criteria()) {
      assertThat(registryText).as(nctId + " " + c.id()).contains(c.text());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("seeds")
  void roundTripsThroughJsonUnchanged(String nctId) {
    RuleFile file = CURATED.find(nctId).orElseThrow();
    RuleSetJson json = RuleSetJson.checkedAgainst(TerminologyLexicon.bundled());
    RuleFile again = json.readValid(json.write(file.criteria(), file.notes()), nctId);
    assertThat(again).isEqualTo(file);
  }
}
