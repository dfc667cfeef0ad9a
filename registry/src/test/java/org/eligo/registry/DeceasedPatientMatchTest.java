package org.eligo.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.eligo.fhir.testkit.FhirPatientBuilder;
import org.eligo.registry.match.MatchJson;
import org.eligo.registry.match.MatchReport;
import org.eligo.registry.match.MatchRequest;
import org.eligo.registry.match.UnknownTrialException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A record that says the patient has died (Patient.deceased[x]) is matched against no trial as of a day after the
 * death, and says why; as of an earlier day the patient is matched as anyone else.
 */
class DeceasedPatientMatchTest {
  @TempDir
  static Path dir;
  static Registry registry;

  @BeforeAll
  static void open() {
    registry = Registry.open(RegistryConfig.embedded(dir.resolve("data")));
  }

  @AfterAll
  static void close() {
    registry.close();
  }

  static FhirPatientBuilder adult() {
    return FhirPatientBuilder.patient("p1").born("1970-02-01").female();
  }

  static MatchReport match(FhirPatientBuilder record, LocalDate asOf) {
    return registry.match(new MatchRequest(record.bundleJson(), List.of(), true, asOf));
  }

  @Test
  void aPatientWhoDiedBeforeTheDayIsMatchedAgainstNothingAndToldWhy() {
    MatchReport report = match(adult().died("2025-06-01T10:00:00Z"), LocalDate.of(2026, 1, 15));

    assertThat(report.deceased()).isTrue();
    assertThat(report.results()).isEmpty();
    assertThat(report.deceasedNotice()).isEqualTo("The record says the patient has died on 2025-06-01, so no trial "
        + "is matched as of 2026-01-15.");
    ObjectNode json = MatchJson.write(report);
    assertThat(json.get("deceased").get("date").asText()).isEqualTo("2025-06-01");
    assertThat(json.get("total").asInt()).isZero();
  }

  @Test
  void asOfADayBeforeTheDeathThePatientIsMatched() {
    MatchReport report = match(adult().died("2025-06-01"), LocalDate.of(2025, 1, 15));

    assertThat(report.deceased()).isFalse();
    assertThat(report.results()).hasSize((int) registry.trials().count());
    assertThat(MatchJson.write(report).has("deceased")).isFalse();
  }

  @Test
  void aMonthOfDeathCountsOnlyOnceItIsOver() {
    assertThat(match(adult().died("2025-06"), LocalDate.of(2025, 6, 15)).deceased()).isFalse();
    MatchReport after = match(adult().died("2025-06"), LocalDate.of(2025, 7, 1));
    assertThat(after.deceased()).isTrue();
    assertThat(after.deceasedNotice()).contains("died on 2025-06,");
  }

  @Test
  void deceasedBooleanTrueIsADeathWithoutADateAndFalseSaysNothing() {
    MatchReport dead = match(adult().deceased(true), LocalDate.of(2026, 1, 15));
    assertThat(dead.deceased()).isTrue();
    assertThat(dead.deceasedNotice()).startsWith("The record says the patient has died, so no trial");
    assertThat(MatchJson.write(dead).get("deceased").get("date").isNull()).isTrue();

    assertThat(match(adult().deceased(false), LocalDate.of(2026, 1, 15)).results()).isNotEmpty();
  }

  @Test
  void aDeathDateThatCannotBeReadIsStillADeathAndTheRecordIsToldWhy() {
    MatchReport report = match(adult().died("2024-13-45"), LocalDate.of(2026, 1, 15));
    assertThat(report.deceased()).as("the record says the patient died; only the day is unreadable").isTrue();
    assertThat(report.results()).isEmpty();
    assertThat(report.deceasedNotice()).startsWith("The record says the patient has died, so no trial");
    assertThat(MatchJson.write(report).toString()).contains("deceasedDateTime");
  }

  @Test
  void anUnknownTrialIsStillAnErrorForADeceasedPatient() {
    assertThatThrownBy(() -> registry.match(new MatchRequest(adult().deceased(true).bundleJson(),
        List.of("NCT00000000"), false, LocalDate.of(2026, 1, 15)))).isInstanceOf(UnknownTrialException.class);
  }
}
