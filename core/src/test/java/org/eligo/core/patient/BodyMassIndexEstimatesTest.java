package org.eligo.core.patient;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.eligo.core.testkit.Facts;
import org.junit.jupiter.api.Test;

/** The BMI computed from a weight and a height, and when none is made. */
class BodyMassIndexEstimatesTest {

  @Test
  void aWeightAndAnAdultsEarlierHeightGiveTheBmiOnTheWeightsDay() {
    var bmi = BodyMassIndexEstimates.of(Facts.patient("p").born("1980-01-01").sex(Sex.FEMALE)
        .lab("body-weight", 90.7, "kg", "2026-01-10").lab("body-height", 165, "cm", "2023-03-01").build());
    assertThat(bmi).hasSize(1);
    assertThat(bmi.get(0).value()).isEqualTo(33.3);
    assertThat(bmi.get(0).unit()).isEqualTo("kg/m2");
    assertThat(bmi.get(0).date()).isEqualTo(LocalDate.parse("2026-01-10"));
    assertThat(bmi.get(0).original()).contains("weight 90.7 kg").contains("height 165 cm");
  }

  @Test
  void noneWhereTheFigureWouldMislead() {
    // the record's own BMI stands
    assertThat(BodyMassIndexEstimates.of(Facts.patient("p").born("1980-01-01")
        .lab("body-weight", 90, "kg", "2026-01-10").lab("body-height", 165, "cm", "2026-01-10")
        .lab("bmi", 30, "kg/m2", "2025-01-10").build())).isEmpty();
    // a height measured after the weight, or a child's height from a year before it
    assertThat(BodyMassIndexEstimates.of(Facts.patient("p").born("1980-01-01")
        .lab("body-weight", 90, "kg", "2026-01-10").lab("body-height", 165, "cm", "2026-01-11").build())).isEmpty();
    assertThat(BodyMassIndexEstimates.of(Facts.patient("c").born("2016-01-01")
        .lab("body-weight", 30, "kg", "2026-01-10").lab("body-height", 125, "cm", "2025-01-10").build())).isEmpty();
    // a height of 65 written in cm (inches meant): BMI 213, beyond any person's
    assertThat(BodyMassIndexEstimates.of(Facts.patient("p").born("1980-01-01")
        .lab("body-weight", 90, "kg", "2026-01-10").lab("body-height", 65, "cm", "2026-01-10").build())).isEmpty();
    // a weight given as a bound, or in a unit no reader converted
    assertThat(BodyMassIndexEstimates.of(Facts.patient("p").born("1980-01-01")
        .labBound("body-weight", ">", 150, "kg", "2026-01-10", null).lab("body-height", 165, "cm", "2026-01-10")
        .build())).isEmpty();
    assertThat(BodyMassIndexEstimates.of(Facts.patient("p").born("1980-01-01")
        .lab("body-weight", 200, "[lb_av]", "2026-01-10").lab("body-height", 165, "cm", "2026-01-10").build()))
        .isEmpty();
  }
}
