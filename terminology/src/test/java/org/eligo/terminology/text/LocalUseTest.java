package org.eligo.terminology.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LocalUseTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "hydrocortisone 1 % topical cream | true",
      "Fluticasone 110 mcg/actuation inhaler | true",
      "heparin lock flush 100 unit/mL (PICC line maintenance) | true",
      "Prednisolone acetate 1% ophthalmic suspension | true",
      "Triamcinolone intra-articular injection | true",
      "Inhalation | true",
      "Topical route | true",
      "prednisone 20 mg oral tablet | false",
      "Heparin sodium 5000 unit/mL injection | false",
      "Methylprednisolone 1 g IV | false",
      "Fentanyl 25 mcg/hr transdermal patch | false",
      "Cyclosporine 100 mg capsule | false",
      "Blocker | false",
      "Eyeliner | false",
      "Brimonidine 0.2% eye drops | true",
      "Heparin 5000 units ; Intravenous | false",
      "Hydrocortisone 100 mg ; Oral | false",
      "Bisacodyl 10 mg suppository | false",
      "Methotrexate intrathecal | false",
      "Heparin lock flush 100 unit/mL ; Intravenous | true"})
  void readsTheFormOrRouteOfADrug(String text, boolean local) {
    assertThat(LocalUse.of(text)).isEqualTo(local);
  }
}
