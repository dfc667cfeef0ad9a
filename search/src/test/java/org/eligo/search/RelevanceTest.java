package org.eligo.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.eligo.search.kit.Fixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Runs the relevance test set (relevance/queries.tsv): each query's expected trials must be in its top 3. */
class RelevanceTest {

  private static final int TOP = 3;
  private static LuceneTrialIndex index;

  @BeforeAll
  static void indexFixtures() {
    index = Fixtures.index();
  }

  @AfterAll
  static void close() {
    index.close();
  }

  static Stream<Arguments> queries() throws IOException {
    try (InputStream in = RelevanceTest.class.getResourceAsStream("/relevance/queries.tsv")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
          .filter(line -> !line.isBlank() && !line.startsWith("#"))
          .map(line -> line.split("\t"))
          .map(cols -> Arguments.of(cols[0], Arrays.asList(cols[1].split(",")), cols.length > 2 ? cols[2] : ""))
          .toList().stream();
    }
  }

  @ParameterizedTest(name = "{0} -> {1} ({2})")
  @MethodSource("queries")
  void expectedTrialsAreInTopThree(String query, List<String> expected, String why) {
    SearchPage page = index.search(TrialQuery.builder().text(query).pageSize(TOP).build());
    List<String> top = page.hits().stream().map(TrialHit::nctId).toList();
    assertThat(top).as("top %d for '%s' (%s)", TOP, query, why).containsAll(expected);
  }
}
