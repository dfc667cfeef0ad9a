package org.eligo.server.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The units a person is offered for a measurement, named as they read them on a report. */
class UnitChoiceTest {
  @Test
  void bloodPressureIsAskedInMillimetresOfMercuryWrittenAsPeopleWriteIt() throws IOException {
    assertThat(UnitChoice.forMeasure("systolic-blood-pressure", "mm[Hg]"))
        .containsExactly(new UnitChoice("mm[Hg]", "unit.mmHg", 1));
    Properties messages = new Properties();
    try (InputStream in = UnitChoice.class.getResourceAsStream("/org/eligo/server/messages.properties")) {
      messages.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    assertThat(messages.getProperty("unit.mmHg")).isEqualTo("mmHg");
  }
}
