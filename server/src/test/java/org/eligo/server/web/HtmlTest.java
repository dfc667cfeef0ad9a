package org.eligo.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What a person typed is shown as typed; registry text loses its markdown escapes. */
class HtmlTest {

  @Test
  void typedTextKeepsItsBackslashesRegistryTextLosesItsEscapes() {
    assertThat(new Html().paragraphs("My file: \\\\server\\_scans\\#2, score 3\\-4").toString())
        .isEqualTo("<p>My file: \\\\server\\_scans\\#2, score 3\\-4</p>");
    assertThat(new Html().registryParagraphs("hemoglobin \\< 100 g/L").toString())
        .isEqualTo("<p>hemoglobin &lt; 100 g/L</p>");
  }
}
