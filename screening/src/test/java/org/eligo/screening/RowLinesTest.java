package org.eligo.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The result writer splits candidate rows as bytes: every line comes back whole, whatever its length or script. */
class RowLinesTest {

  private static List<String> lines(String text) throws IOException {
    List<String> out = new ArrayList<>();
    ResultWriter.RowLines.forEach(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
        (bytes, from, to) -> out.add(new String(bytes, from, to - from, StandardCharsets.UTF_8)));
    return out;
  }

  @Test
  void linesLongerThanTheBufferMultibyteTextAndAMissingLastNewline() throws IOException {
    String long1 = "0\t" + "é".repeat(70_000) + "\t{}";
    String long2 = "1\t" + "x".repeat(200_000) + "\t{\"q\":\"Hämoglobin ≥ 100 g/L?\"}";
    assertThat(lines(long1 + "\n" + long2 + "\n" + "2\ta\tb")).containsExactly(long1, long2, "2\ta\tb");
  }

  @Test
  void emptyInputAndEmptyLines() throws IOException {
    assertThat(lines("")).isEmpty();
    assertThat(lines("\n\n3\tc\td\n")).containsExactly("", "", "3\tc\td");
  }
}
