package org.eligo.search.kit;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.eligo.core.trial.Trial;
import org.eligo.search.LuceneTrialIndex;

/** The registry trials kept in test resources ({@code /trials}, see SOURCES.md there) and an index of them. */
public final class Fixtures {

  private Fixtures() {}

  public static List<Trial> trials() {
    try {
      return StudyJson.readAll(Path.of(Fixtures.class.getResource("/trials").toURI()));
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A fresh in-memory index holding every fixture trial, committed as version "fixtures". */
  public static LuceneTrialIndex index() {
    LuceneTrialIndex index = LuceneTrialIndex.inMemory();
    index.index(trials());
    index.commit("fixtures");
    return index;
  }
}
