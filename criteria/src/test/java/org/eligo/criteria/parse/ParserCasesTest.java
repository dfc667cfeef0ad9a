package org.eligo.criteria.parse;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.eligo.core.rule.CriterionType;
import org.eligo.core.rule.Rule;
import org.eligo.criteria.json.RuleSetJson;
import org.eligo.criteria.lexicon.TerminologyLexicon;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Registry sentences and the rule each must become, kept as data in {@code cases/parser-cases.tsv}: source (trial and
 * criterion, or "constructed"), type, sentence, expected rule JSON. In the expected JSON a {@code "*"} string matches
 * any string and {@code {"kind":"unparsed"}} matches any reason.
 */
class ParserCasesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  static final CriterionParser PARSER = new CriterionParser(
      new ParseContext(TerminologyLexicon.bundled(), ParserSettings.DEFAULT, List.of()));

  static Stream<Arguments> cases() throws IOException {
    List<Arguments> out = new ArrayList<>();
    try (InputStream in = ParserCasesTest.class.getResourceAsStream("/cases/parser-cases.tsv")) {
      String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
      for (String line : lines) {
        if (line.isBlank() || line.startsWith("#")) continue;
        String[] f = line.split("\t");
        if (f.length != 4) throw new IllegalStateException("a case needs 4 tab-separated fields: " + line);
        out.add(Arguments.of(f[0], CriterionType.valueOf(f[1].toUpperCase(Locale.ROOT)), f[2], f[3]));
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0}: {2}")
  @MethodSource("cases")
  void sentenceBecomesTheExpectedRule(String source, CriterionType type, String sentence, String expected)
      throws IOException {
    Rule rule = PARSER.parse(sentence, type);
    JsonNode actual = RuleSetJson.toJson(rule);
    assertThat(matches(JSON.readTree(expected), actual))
        .as("%s (%s)%n  sentence: %s%n  expected: %s%n  actual:   %s", source, type, sentence, expected, actual)
        .isTrue();
  }

  /** Structural match where "*" matches any string and an unparsed rule without reason matches any reason. */
  static boolean matches(JsonNode expected, JsonNode actual) {
    if (expected.isTextual() && expected.asText().equals("*")) return actual != null && actual.isTextual();
    if (actual == null || expected.getNodeType() != actual.getNodeType()) return false;
    if (expected.isObject()) {
      if (expected.path("kind").asText().equals("unparsed") && !expected.has("reason")) {
        return actual.path("kind").asText().equals("unparsed");
      }
      if (expected.size() != actual.size()) return false;
      Iterator<Map.Entry<String, JsonNode>> it = expected.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        if (!matches(e.getValue(), actual.get(e.getKey()))) return false;
      }
      return true;
    }
    if (expected.isArray()) {
      if (expected.size() != actual.size()) return false;
      for (int i = 0; i < expected.size(); i++) if (!matches(expected.get(i), actual.get(i))) return false;
      return true;
    }
    if (expected.isNumber()) return expected.asDouble() == actual.asDouble();
    return expected.equals(actual);
  }
}
