package org.eligo.core.trial;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Registry text reads as a markdown reader shows it: backslash escapes of punctuation removed, nothing else. */
class RegistryTextTest {

  @Test
  void everyEscapeOfAsciiPunctuationIsRemoved() {
    assertThat(RegistryText.display("hemoglobin \\< 100 g/L, age \\>= 18, \\~ \\= \\| \\& \\* \\_ \\[x\\] \\\\"))
        .isEqualTo("hemoglobin < 100 g/L, age >= 18, ~ = | & * _ [x] \\");
  }

  @Test
  void aBackslashBeforeALetterOrDigitOrSpaceStays() {
    assertThat(RegistryText.display("C:\\temp \\1 \\ x")).isEqualTo("C:\\temp \\1 \\ x");
    assertThat(RegistryText.display("ends with \\")).isEqualTo("ends with \\");
    assertThat(RegistryText.display("\\\\\\<")).isEqualTo("\\<");
    assertThat(RegistryText.display("no escapes at all")).isEqualTo("no escapes at all");
    assertThat(RegistryText.display(null)).isNull();
  }
}
