package org.eligo.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.eligo.search.kit.Fixtures;
import org.junit.jupiter.api.Test;

class SmokeTest {
  @Test
  void findsByText() {
    try (LuceneTrialIndex index = Fixtures.index()) {
      assertThat(index.count()).isEqualTo(14);
      SearchPage page = index.search(TrialQuery.builder().text("rapamycin for red cell aplasia").pageSize(5).build());
      page.hits().forEach(h -> System.out.println(h.nctId() + " " + h.score() + " " + h.title() + " " + h.snippets()));
      System.out.println(page.facets());
      assertThat(page.hits()).isNotEmpty();
    }
  }
}
