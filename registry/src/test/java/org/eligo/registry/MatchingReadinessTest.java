package org.eligo.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A server starts compiling every trial's criteria in the background and says when matching is ready. */
class MatchingReadinessTest {

  @TempDir
  Path dir;

  @Test
  void matchingIsReadyOnlyOnceEveryTrialsCriteriaAreCompiled() throws Exception {
    try (Registry registry = Registry.open(RegistryConfig.embedded(dir.resolve("data")))) {
      assertThat(registry.matchingReady()).as("nothing compiled before it is asked for").isFalse();
      var preparing = registry.prepareMatching();
      assertThat(registry.prepareMatching()).as("started once").isSameAs(preparing);
      preparing.get(2, TimeUnit.MINUTES);
      assertThat(registry.matchingReady()).isTrue();
      assertThat(registry.candidates()).hasSize(registry.trials().count());
    }
  }
}
