package org.eligo.store.trial;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class SiteStatusTextTest {

  @Test
  void anyFacilityNameSurvivesTheColumn() {
    Map<String, String> sites = new TreeMap<>(Map.of(
        "Oslo University Hospital|Oslo|Norway", "RECRUITING",
        "Tab\there\\and a backslash|City|Country", "COMPLETED",
        "Line\nbreak\rand return|C|D", "WITHDRAWN"));

    String column = SiteStatusText.encode(sites);

    assertThat(column).doesNotContain("\r").hasLineCount(3);
    assertThat(SiteStatusText.decode(column)).containsExactlyEntriesOf(sites);
  }

  @Test
  void noSitesIsNoValue() {
    assertThat(SiteStatusText.encode(Map.of())).isNull();
    assertThat(SiteStatusText.decode(null)).isEmpty();
    assertThat(SiteStatusText.decode("")).isEmpty();
  }
}
