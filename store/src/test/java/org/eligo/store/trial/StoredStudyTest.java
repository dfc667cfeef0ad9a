package org.eligo.store.trial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.eligo.store.trial.StudyBuilder.study;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a stored study accepts, its site keys and its content hash. */
class StoredStudyTest {

  @Test
  void siteKeysJoinFacilityCityAndCountry() {
    assertThat(StoredStudy.siteKey(" Mayo Clinic ", "Rochester", "United States"))
        .isEqualTo("Mayo Clinic|Rochester|United States");
    assertThat(StoredStudy.siteKey(null, "Oslo", null)).isEqualTo("|Oslo|");
    assertThat(StoredStudy.siteKey("A|B", "C", "D")).isEqualTo("A/B|C|D");
  }

  @Test
  void invalidStudiesAreProgrammingErrors() {
    StoredStudy valid = study("NCT00000001").build();
    Map<String, String> nullStatus = new HashMap<>();
    nullStatus.put("a|b|c", null);

    assertThatThrownBy(() -> copy(valid, " ", valid.conditions(), valid.siteStatuses()))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("nctId is blank");
    assertThatThrownBy(() -> copy(valid, valid.nctId(), List.of("a\nb"), valid.siteStatuses()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line break");
    assertThatThrownBy(() -> copy(valid, valid.nctId(), valid.conditions(), nullStatus))
        .isInstanceOf(NullPointerException.class).hasMessage("status of site 'a|b|c' of NCT00000001");
  }

  @Test
  void theContentHashIgnoresOriginAndSiteOrderButSeesEverythingElse() {
    StoredStudy base = study("NCT00000001").site("A", "x", "y", "RECRUITING").site("B", "x", "y", "RECRUITING").build();
    String hash = ContentHash.of(base);

    assertThat(hash).hasSize(64).isEqualTo(ContentHash.of(study("NCT00000001").origin("elsewhere")
        .site("B", "x", "y", "RECRUITING").site("A", "x", "y", "RECRUITING").build()));
    assertThat(List.of(
        study("NCT00000001").site("A", "x", "y", "RECRUITING").site("B", "x", "y", "COMPLETED").build(),
        study("NCT00000001").site("A", "x", "y", "RECRUITING").build(),
        study("NCT00000001").site("A", "x", "y", "RECRUITING").site("B", "x", "y", "RECRUITING")
            .verified("2024-02").build(),
        study("NCT00000001").site("A", "x", "y", "RECRUITING").site("B", "x", "y", "RECRUITING")
            .conditions("Breast", "Cancer").build(),
        study("NCT00000001").site("A", "x", "y", "RECRUITING").site("B", "x", "y", "RECRUITING")
            .extraJson("\"x\":1").build()))
        .extracting(ContentHash::of).doesNotContain(hash).doesNotHaveDuplicates();
  }

  private static StoredStudy copy(StoredStudy s, String nctId, List<String> conditions, Map<String, String> sites) {
    return new StoredStudy(nctId, s.briefTitle(), s.overallStatus(), s.lastUpdatePostDate(), s.statusVerifiedDate(),
        conditions, sites, s.documentJson(), s.origin());
  }
}
