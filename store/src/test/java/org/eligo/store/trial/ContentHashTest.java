package org.eligo.store.trial;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.eligo.core.trial.PartialDate;
import org.junit.jupiter.api.Test;

/**
 * Registries keep every study's content hash: a hash computed differently for the same study would make the next
 * import of unchanged data count every study as updated. These values were computed by the first released form.
 */
class ContentHashTest {

  @Test
  void theHashOfAStudyIsTheOneStoredRegistriesHold() {
    StoredStudy study = new StoredStudy("NCT02979873", "Sirolimus in Aplastic Anemia ≥ 18", "RECRUITING",
        new PartialDate("2024-05-01"), new PartialDate("2024-04"), List.of("Aplastic Anemia", "Pure Red Cell Aplasia"),
        Map.of("b|Tianjin", "RECRUITING", "a|Beijing", "COMPLETED"),
        "{\"protocolSection\":{\"identificationModule\":{\"nctId\":\"NCT02979873\"}}}", "bundled");

    assertThat(ContentHash.of(study)).isEqualTo("8488d694c831d10e344fd5d4cd0f55359b26d4342d7292f7e3b48b5296932e0d");
  }

  @Test
  void absentFieldsHashAsTheyAlwaysDid() {
    StoredStudy bare = new StoredStudy("NCT00000002", null, null, null, null, List.of(), Map.of(), "{}", "x");

    assertThat(ContentHash.of(bare)).isEqualTo("1f8a1f80621dd28da85650cafa7ce8c8f725558424e517372a56fd21625e2bd1");
  }
}
