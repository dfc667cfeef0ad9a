package org.eligo.core.rule;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Numbers in explanations read as a clinician writes them, without the noise of unit conversion. */
class ReadableNumberTest {

  @Test
  void conversionNoiseIsRoundedAway() {
    assertThat(ReadableNumber.of(6 * 16.11344)).isEqualTo("96.68064");
    assertThat(ReadableNumber.of(149.996)).as("never rounded onto a threshold it misses").isEqualTo("149.996");
    assertThat(ReadableNumber.of(0.1 + 0.2)).isEqualTo("0.3");
    assertThat(ReadableNumber.clean(0.1 + 0.2)).isEqualTo(0.3);
    assertThat(ReadableNumber.clean(96.68064000000001)).isEqualTo(96.68064);
  }

  @Test
  void plainNumbersStayAsWritten() {
    assertThat(ReadableNumber.of(0.5)).isEqualTo("0.5");
    assertThat(ReadableNumber.of(20)).isEqualTo("20");
    assertThat(ReadableNumber.of(1.25)).isEqualTo("1.25");
    assertThat(ReadableNumber.of(150000)).isEqualTo("150000");
    assertThat(ReadableNumber.of(123456.7)).isEqualTo("123456.7");
    assertThat(ReadableNumber.of(123456789012.5)).as("digits before the point are kept").isEqualTo("123456789013");
    assertThat(ReadableNumber.of(0.049)).isEqualTo("0.049");
    assertThat(ReadableNumber.of(-2.5)).isEqualTo("-2.5");
    assertThat(ReadableNumber.of(0)).isEqualTo("0");
  }
}
