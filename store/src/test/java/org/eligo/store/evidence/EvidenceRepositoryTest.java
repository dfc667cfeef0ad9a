package org.eligo.store.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.eligo.store.Backend;
import org.eligo.store.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Evidence against embedded H2 and a real PostgreSQL. */
@ParameterizedClass(name = "{0}")
@EnumSource(Backend.class)
class EvidenceRepositoryTest {

  private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");

  @Parameter
  Backend backend;

  @TempDir
  Path tempDir;

  private Backend.TestDatabase db;
  private EvidenceRepository evidence;

  @BeforeEach
  void open() {
    db = backend.open(tempDir);
    evidence = new JdbiEvidenceRepository(db.database(), new MutableClock(T0));
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void evidenceIsFoundThroughTheStudiesItIsLinkedTo() {
    evidence.saveEvidence("pmid:2", "{\"title\":\"B\"}", List.of("NCT00000002", "NCT00000001"));
    evidence.saveEvidence("pmid:1", "{\"title\":\"A\"}", List.of("NCT00000001"));
    evidence.saveEvidence("pmid:3", "{\"title\":\"C\"}", List.of());

    assertThat(evidence.evidenceForTrial("NCT00000001")).containsExactly(
        new StoredEvidence("pmid:1", "{\"title\":\"A\"}", Set.of("NCT00000001"), T0),
        new StoredEvidence("pmid:2", "{\"title\":\"B\"}", Set.of("NCT00000001", "NCT00000002"), T0));
    assertThat(evidence.evidenceForTrial("NCT00000002")).extracting(StoredEvidence::id).containsExactly("pmid:2");
    assertThat(evidence.evidenceForTrial("NCT00000009")).isEmpty();
    assertThat(evidence.allEvidence()).extracting(StoredEvidence::id).containsExactly("pmid:1", "pmid:2", "pmid:3");
  }

  @Test
  void savingAgainReplacesTheDocumentAndItsLinks() {
    evidence.saveEvidence("pmid:1", "{\"v\":1}", List.of("NCT00000001", "NCT00000002"));
    StoredEvidence saved = evidence.saveEvidence("pmid:1", "{\"v\":2}", List.of("NCT00000003", "NCT00000003"));

    assertThat(saved.linkedTrialIds()).containsExactly("NCT00000003");
    assertThat(evidence.allEvidence()).containsExactly(saved);
    assertThat(evidence.evidenceForTrial("NCT00000001")).isEmpty();
    assertThat(evidence.evidenceForTrial("NCT00000003")).containsExactly(saved);
  }

  @Test
  void blankIdsAreProgrammingErrors() {
    assertThatThrownBy(() -> evidence.saveEvidence(" ", "{}", List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> evidence.saveEvidence("pmid:1", "{}", List.of("")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("blank linked trial id for pmid:1");
  }
}
