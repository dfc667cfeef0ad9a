package org.eligo.store.trial;

import static org.assertj.core.api.Assertions.assertThat;

import org.eligo.core.trial.PartialDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which last update post date counts as older, including month-only dates. */
class UpdateRecencyTest {

  @ParameterizedTest(name = "incoming {0} vs stored {1}: older={2}")
  @CsvSource(nullValues = "none", value = {
      "2021-07-05, 2021-07-06, true",
      "2021-07-06, 2021-07-06, false",
      "2021-07-07, 2021-07-06, false",
      "2021-06,    2021-07-06, true",
      "2021-07,    2021-07-06, true",    // could be later in July, but a month never replaces a known day
      "2021-07,    2021-07-31, true",
      "2021-07-06, 2021-07,    false",   // a day within the stored month refines it
      "2021-07-01, 2021-07,    false",
      "2021-06-30, 2021-07,    true",
      "2021-08-01, 2021-07,    false",
      "2021-07,    2021-07,    false",
      "2021-06,    2021-07,    true",
      "2022-01,    2021-12-31, false",
      "none,       2021-07,    true",
      "none,       2021-07-06, true",
      "2021-07,    none,       false",
      "none,       none,       false",
  })
  void decidesWhetherIncomingIsOlder(String incoming, String stored, boolean older) {
    assertThat(UpdateRecency.isOlder(date(incoming), date(stored))).isEqualTo(older);
  }

  private static PartialDate date(String text) {
    return text == null ? null : new PartialDate(text);
  }
}
