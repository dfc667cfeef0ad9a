package org.eligo.criteria.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.eligo.core.rule.CriteriaSet;
import org.eligo.core.rule.Criterion;
import org.eligo.criteria.CriteriaCompiler;
import org.eligo.criteria.json.RuleSetJson;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden files: the parser's reading of every criterion of each bundled trial (the four seed trials and the
 * development trials), one file per trial in {@code src/test/resources/golden}, each line reviewed by a person. A
 * change in the parser's output fails here; after checking the new reading, regenerate with
 * {@code -Dgolden.update=true}.
 */
class GoldenParseTest {
  static final CriteriaCompiler COMPILER = CriteriaCompiler.standard();

  static Stream<String> trials() {
    return TestTexts.trialIds().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("trials")
  void parserReadingMatchesTheReviewedGoldenFile(String nctId) throws IOException {
    CriteriaSet set = COMPILER.parse(nctId, TestTexts.criteria(nctId));
    String actual = render(set);
    Path golden = Path.of("src/test/resources/golden", nctId + ".txt");
    if (Boolean.getBoolean("golden.update")) {
      Files.writeString(golden, actual, StandardCharsets.UTF_8);
    }
    String expected;
    try (InputStream in = GoldenParseTest.class.getResourceAsStream("/golden/" + nctId + ".txt")) {
      expected = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertThat(actual).as("parser reading of " + nctId).isEqualTo(expected);
  }

  static String render(CriteriaSet set) {
    StringBuilder b = new StringBuilder();
    for (Criterion c : set.criteria()) {
      b.append(c.id()).append(" | ").append(c.text().replace("\n", "\\n")).append('\n');
      b.append("    ").append(RuleSetJson.compact(c.rule())).append('\n');
    }
    return b.toString();
  }
}
