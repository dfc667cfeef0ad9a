package org.eligo.core.trial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Registry dates as ClinicalTrials.gov writes them: a day, a month or a year, and the days each can mean. */
class PartialDateTest {

  @Test
  void aMonthMeansItsFirstToItsLastDayLeapYearsIncluded() {
    PartialDate february = new PartialDate("2024-02");
    assertThat(february.isMonthOnly()).isTrue();
    assertThat(february.firstDay()).isEqualTo(LocalDate.of(2024, 2, 1));
    assertThat(february.lastDay()).isEqualTo(LocalDate.of(2024, 2, 29));
    assertThat(new PartialDate("2023-02").lastDay()).isEqualTo(LocalDate.of(2023, 2, 28));
  }

  @Test
  void aYearMeansItsFirstToItsLastDayAndADayMeansItself() {
    PartialDate year = new PartialDate("2019");
    assertThat(year.isYearOnly()).isTrue();
    assertThat(year.firstDay()).isEqualTo(LocalDate.of(2019, 1, 1));
    assertThat(year.lastDay()).isEqualTo(LocalDate.of(2019, 12, 31));
    PartialDate day = new PartialDate("2019-05-04");
    assertThat(day.firstDay()).isEqualTo(day.lastDay()).isEqualTo(LocalDate.of(2019, 5, 4));
    assertThat(day.toString()).isEqualTo("2019-05-04");
  }

  @Test
  void datesOrderByTheirFirstThenTheirLastDay() {
    assertThat(new PartialDate("2024-01")).isLessThan(new PartialDate("2024")); // same first day, earlier last
    assertThat(new PartialDate("2024-01")).isLessThan(new PartialDate("2024-01-02"));
    assertThat(new PartialDate("2023-12-31")).isLessThan(new PartialDate("2024"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "24", "2024-1", "2024-1-05", "2024/01/05", "2024-01-05T00:00", " 2024", "２０２４",
      "2024-0a"})
  void anythingElseIsNotARegistryDate(String text) {
    assertThatThrownBy(() -> new PartialDate(text)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a registry date");
  }

  @ParameterizedTest
  @ValueSource(strings = {"2023-02-29", "2024-13", "2024-00", "2024-04-31", "2024-01-00"})
  void aDayOrMonthTheCalendarDoesNotHaveIsRejected(String text) {
    assertThatThrownBy(() -> new PartialDate(text)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a calendar date");
  }
}
