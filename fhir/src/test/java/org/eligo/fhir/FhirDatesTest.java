package org.eligo.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FhirDatesTest {

  @ParameterizedTest(name = "{0} -> {1} partial={2}, up to {3}")
  @CsvSource({
      "2026-01-10, 2026-01-10, false, 2026-01-10",
      "2026-01-10T23:30:00-05:00, 2026-01-10, false, 2026-01-10",
      "2026-01-10T00:15:00+14:00, 2026-01-10, false, 2026-01-10",
      "2026-01-10T08:00:00.123Z, 2026-01-10, false, 2026-01-10",
      "2026-02, 2026-02-01, true, 2026-02-28",
      "2024-02, 2024-02-01, true, 2024-02-29",
      "2019, 2019-01-01, true, 2019-12-31"})
  void readsTheDayAsWritten(String text, String day, boolean partial, String last) {
    assertThat(FhirDates.parse(text)).isEqualTo(new FhirDates.Day(LocalDate.parse(day), partial,
        LocalDate.parse(last)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "yesterday", "2026-13-01", "2026-02-30", "10/01/2026", "26-01-10"})
  void rejectsWhatIsNotADate(String text) {
    assertThat(FhirDates.parse(text)).isNull();
  }
}
