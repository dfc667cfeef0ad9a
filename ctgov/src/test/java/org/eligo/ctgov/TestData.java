package org.eligo.ctgov;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NumericNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Where the shared development data lives, and JSON equality that treats 1 and 1.0 alike. */
public final class TestData {

  private TestData() {}

  /** The development trials: {@code shared/trials} beside the repository (as CI lays it out), else /work/shared. */
  public static Path sharedTrials() {
    Path moduleDir = Path.of("").toAbsolutePath();
    for (Path candidate : List.of(moduleDir.resolve("../../shared/trials").normalize(),
        moduleDir.resolve("../shared/trials").normalize(), Path.of("/work/shared/trials"))) {
      if (Files.isDirectory(candidate)) return candidate;
    }
    throw new IllegalStateException("shared/trials not found beside the repository nor at /work/shared/trials");
  }

  /** The registry module's bundled studies (another module's resources; may not exist yet). */
  public static Path bundledStudies() {
    return Path.of("").toAbsolutePath().resolve("../registry/src/main/resources/org/eligo/registry/bundled/studies")
        .normalize();
  }

  public static List<Path> jsonFiles(Path dir) {
    if (!Files.isDirectory(dir)) return List.of();
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Numbers compare by value (1 equals 1.0); everything else by Jackson's tree equality. */
  public static final Comparator<JsonNode> NUMBERS_BY_VALUE = (a, b) -> {
    if (a.equals(b)) return 0;
    if (a instanceof NumericNode && b instanceof NumericNode) {
      return a.decimalValue().compareTo(b.decimalValue()) == 0 ? 0 : 1;
    }
    return 1;
  };

  public static void assertJsonEquals(JsonNode actual, JsonNode expected) {
    assertThat(actual.equals(NUMBERS_BY_VALUE, expected))
        .as("JSON trees differ:%nexpected %s%nactual   %s", expected.toPrettyString(), actual.toPrettyString())
        .isTrue();
  }
}
