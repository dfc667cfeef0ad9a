package org.eligo.criteria.parse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The registry criteria texts kept as test fixtures ({@code src/test/resources/texts/NCT*.txt}). */
public final class TestTexts {
  private TestTexts() {}

  /** The seed trials (curated) and the development trials. */
  public static List<String> trialIds() {
    return List.of("NCT02979873", "NCT06802055", "NCT03364764", "NCT04324411", "NCT00001626", "NCT02857530",
        "NCT03918265", "NCT04961710", "NCT05281068", "NCT05471050", "NCT05520892", "NCT05694130", "NCT06287268",
        "NCT07229235");
  }

  public static List<String> seedIds() {
    return trialIds().subList(0, 4);
  }

  public static String criteria(String nctId) {
    try (InputStream in = TestTexts.class.getResourceAsStream("/texts/" + nctId + ".txt")) {
      if (in == null) throw new IllegalArgumentException("no fixture text for " + nctId);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
