package org.eligo.referral.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eligo.referral.form.Answer;
import org.junit.jupiter.api.Test;

class ReferralCsvTest {

  @Test
  void cellsAreQuotedAndFormulasNeutralised() {
    Instant at = Instant.parse("2026-03-01T09:00:00Z");
    Referral r = new Referral(1, "EL-ABCDEFGH", "NCT00000101", Optional.empty(), Optional.of("=HYPERLINK(\"x\")"),
        Optional.of("a@example.org"), Optional.of("+1 301 555 0100"), Optional.of("line 1\nsaid \"hi\""),
        Optional.empty(), List.of(new Answer("Age", "@54")), true, true, ReferralStatus.NEW, at, at,
        Optional.empty());
    String csv = ReferralCsv.write(List.of(r));
    String[] lines = csv.split("\r\n", 2);
    assertThat(lines[0]).isEqualTo(String.join(",", ReferralCsv.HEADER.stream().map(h -> "\"" + h + "\"").toList()));
    assertThat(lines[1]).contains("\"'=HYPERLINK(\"\"x\"\")\"", "\"'+1 301 555 0100\"", "\"Age: @54\"",
        "\"line 1\nsaid \"\"hi\"\"\"");
  }
}
