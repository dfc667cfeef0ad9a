package org.eligo.server.check;

import java.util.ArrayList;
import java.util.List;

/**
 * A unit a person may enter a measurement in, with its factor to the measure's canonical unit.
 *
 * @param code the form value and UCUM code, e.g. {@code g/dL}
 * @param messageKey the message bundle key of its label
 * @param toCanonical multiply a value in this unit by this to get the canonical unit
 */
public record UnitChoice(String code, String messageKey, double toCanonical) {

  /**
   * The units offered for a measure, canonical first. Factors: 1 g/dL = 10 g/L; 1 /uL = 0.001 10*9/L; 10*3/uL equals
   * 10*9/L; 1 lb = 0.45359237 kg and 1 in = 2.54 cm (exact by definition); molar factors as the terminology module's
   * measures.json cites them (creatinine 88.4 umol/L per mg/dL; bilirubin 17.10; hemoglobin 0.6206 mmol/L per g/dL).
   */
  public static List<UnitChoice> forMeasure(String measure, String canonicalUnit) {
    List<UnitChoice> out = new ArrayList<>();
    switch (canonicalUnit) {
      case "10*9/L" -> {
        out.add(new UnitChoice("10*9/L", "unit.10e9PerL", 1));
        out.add(new UnitChoice("10*3/uL", "unit.10e3PerUl", 1));
        out.add(new UnitChoice("/uL", "unit.perUl", 0.001));
      }
      case "g/L" -> {
        out.add(new UnitChoice("g/dL", "unit.gPerDl", 10));
        out.add(new UnitChoice("g/L", "unit.gPerL", 1));
        if (measure.equals("hemoglobin")) out.add(new UnitChoice("mmol/L", "unit.mmolPerL", 16.11344));
      }
      case "mg/dL" -> {
        out.add(new UnitChoice("mg/dL", "unit.mgPerDl", 1));
        if (measure.equals("creatinine")) out.add(new UnitChoice("umol/L", "unit.umolPerL", 0.011312));
        if (measure.equals("bilirubin-total")) out.add(new UnitChoice("umol/L", "unit.umolPerL", 0.058466));
      }
      case "kg" -> {
        out.add(new UnitChoice("kg", "unit.kg", 1));
        out.add(new UnitChoice("[lb_av]", "unit.lb", 0.45359237));
      }
      case "cm" -> {
        out.add(new UnitChoice("cm", "unit.cm", 1));
        out.add(new UnitChoice("[in_i]", "unit.in", 2.54));
      }
      case "%" -> out.add(new UnitChoice("%", "unit.percent", 1));
      case "U/L" -> out.add(new UnitChoice("U/L", "unit.uPerL", 1));
      case "mm[Hg]" -> out.add(new UnitChoice("mm[Hg]", "unit.mmHg", 1));
      case "", "{score}", "1" -> out.add(new UnitChoice(canonicalUnit, "unit.none", 1));
      default -> out.add(new UnitChoice(canonicalUnit, "unit.asWritten", 1));
    }
    return out;
  }
}
