package org.eligo.store.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.eligo.store.Backend;
import org.eligo.store.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Rule sets against embedded H2 and a real PostgreSQL. */
@ParameterizedClass(name = "{0}")
@EnumSource(Backend.class)
class RuleSetRepositoryTest {

  private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");

  @Parameter
  Backend backend;

  @TempDir
  Path tempDir;

  private Backend.TestDatabase db;
  private MutableClock clock;
  private RuleSetRepository ruleSets;

  @BeforeEach
  void open() {
    db = backend.open(tempDir);
    clock = new MutableClock(T0);
    ruleSets = new JdbiRuleSetRepository(db.database(), clock);
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void eachStudyHasOneCurrentRuleSetPerOrigin() {
    ruleSets.saveRuleSet("NCT00000001", RuleSetOrigin.PARSED, "{\"rules\":[\"age >= 18\"]}");
    ruleSets.saveRuleSet("NCT00000001", RuleSetOrigin.CURATED, "{\"rules\":[\"age >= 21\"]}");
    clock.advance(Duration.ofMinutes(3));
    StoredRuleSet reparsed = ruleSets.saveRuleSet("NCT00000001", RuleSetOrigin.PARSED, "{\"rules\":[\"age >= 16\"]}");

    assertThat(ruleSets.findRuleSet("NCT00000001", RuleSetOrigin.PARSED)).contains(reparsed);
    assertThat(reparsed).isEqualTo(new StoredRuleSet("NCT00000001", RuleSetOrigin.PARSED,
        "{\"rules\":[\"age >= 16\"]}", T0.plus(Duration.ofMinutes(3))));
    assertThat(ruleSets.findRuleSet("NCT00000001", RuleSetOrigin.CURATED)).contains(new StoredRuleSet(
        "NCT00000001", RuleSetOrigin.CURATED, "{\"rules\":[\"age >= 21\"]}", T0));
    assertThat(ruleSets.findRuleSet("NCT00000002", RuleSetOrigin.PARSED)).isEmpty();
    long rows = db.database().jdbi().withHandle(handle ->
        handle.createQuery("SELECT COUNT(*) FROM rule_set").mapTo(Long.class).one());
    assertThat(rows).isEqualTo(2);
  }
}
