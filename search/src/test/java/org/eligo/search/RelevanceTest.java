package org.eligo.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.eligo.core.trial.Trial;
import org.junit.jupiter.api.Assumptions;
import java.util.List;
import java.util.stream.Stream;
import org.eligo.search.kit.Fixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs the relevance test set (relevance/queries.tsv): each query's expected trials must be in its top 3, over this
 * module's test trials and over the registry's bundled studies (when that module's files are there).
 */
class RelevanceTest {

  private static final int TOP = 3;
  private static final Map<String, LuceneTrialIndex> INDEXES = new HashMap<>();

  @BeforeAll
  static void indexCorpora() {
    INDEXES.put("test trials", Fixtures.index());
    List<Trial> bundled = Fixtures.bundled();
    if (!bundled.isEmpty()) INDEXES.put("bundled studies", Fixtures.index(bundled));
  }

  @AfterAll
  static void close() {
    INDEXES.values().forEach(LuceneTrialIndex::close);
  }

  static Stream<Arguments> queries() throws IOException {
    try (InputStream in = RelevanceTest.class.getResourceAsStream("/relevance/queries.tsv")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
          .filter(line -> !line.isBlank() && !line.startsWith("#"))
          .map(line -> line.split("\t"))
          .flatMap(cols -> Stream.of("test trials", "bundled studies").map(corpus ->
              Arguments.of(corpus, cols[0], Arrays.asList(cols[1].split(",")), cols.length > 2 ? cols[2] : "")))
          .toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}: {1} -> {2} ({3})")
  @MethodSource("queries")
  void expectedTrialsAreInTopThree(String corpus, String query, List<String> expected, String why) {
    LuceneTrialIndex index = INDEXES.get(corpus);
    Assumptions.assumeTrue(index != null, "registry bundled studies not present");
    SearchPage page = index.search(TrialQuery.builder().text(query).pageSize(TOP).build());
    List<String> top = page.hits().stream().map(TrialHit::nctId).toList();
    assertThat(top).as("%s: top %d for '%s' (%s)", corpus, TOP, query, why).containsAll(expected);
  }
}
