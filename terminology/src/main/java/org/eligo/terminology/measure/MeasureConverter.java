package org.eligo.terminology.measure;

import java.util.Locale;
import org.eligo.terminology.unit.RegistryUnits;
import org.eligo.terminology.unit.UcumUnits;
import org.eligo.terminology.unit.UnitFactor;
import org.eligo.terminology.unit.UnitReading;

/**
 * Converts a value with a unit as written into a measure's canonical unit.
 *
 * <p>Steps: read the unit ({@link RegistryUnits}); convert with UCUM if the unit is comparable with the canonical one;
 * otherwise use a measure-specific factor (e.g. hemoglobin mmol/L) if the unit is comparable with that factor's unit
 * (a factor for exactly the unit written comes first: it says what the unit means for this measure);
 * finally check the plausible range. A missing unit is accepted only for annotation-only units such as {@code {score}}.
 * A figure per 1.73 m² of body surface ({@code mL/min/{1.73_m2}}) never converts to a measure that is not scaled so
 * (a creatinine clearance in mL/min), though UCUM reads the annotation as 1; the other way (an eGFR written "mL/min")
 * it does, the eGFR being scaled whatever its label says.
 */
public final class MeasureConverter {
    private final UcumUnits ucum;

    public MeasureConverter(UcumUnits ucum) {
        this.ucum = ucum;
    }

    public Conversion toCanonical(Measure measure, double value, String unit) {
        if (measure.valueType() == ValueType.CODED || measure.canonicalUnit().isEmpty()) {
            return new Conversion.Failed(Conversion.Reason.NOT_NUMERIC, measure.label() + " is coded, not a number");
        }
        String canonical = measure.canonicalUnit().get();
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return new Conversion.Failed(Conversion.Reason.IMPLAUSIBLE_VALUE, "value " + value + " is not a finite number");
        }
        String ucumUnit;
        if ((unit == null || unit.isBlank()) && canonical.startsWith("{")) {
            ucumUnit = canonical;
        } else {
            UnitReading reading = RegistryUnits.normalize(unit, ucum);
            if (reading instanceof UnitReading.Unrecognized(String written, String reason)) {
                String hint = unit == null || unit.isBlank() ? "; " + measure.label() + " needs a unit such as " + canonical : "";
                return new Conversion.Failed(Conversion.Reason.UNKNOWN_UNIT, reason + hint);
            }
            ucumUnit = ((UnitReading.Recognized) reading).ucum();
        }
        Double converted = convert(measure, value, ucumUnit, canonical);
        if (converted == null) {
            return new Conversion.Failed(Conversion.Reason.INCOMPATIBLE_UNIT,
                    "'" + (unit == null ? "" : unit.strip()) + "' is not " + describe(canonical) + ", which " + measure.label()
                            + " is measured in (e.g. " + canonical + ")");
        }
        if (measure.plausibleRange().isPresent() && !measure.plausibleRange().get().contains(converted)) {
            return new Conversion.Failed(Conversion.Reason.IMPLAUSIBLE_VALUE, String.format(Locale.ROOT,
                    "%s %s is %s %s, outside the plausible range %s-%s", format(value), unit == null ? "" : unit.strip(),
                    format(converted), canonical, format(measure.plausibleRange().get().min()), format(measure.plausibleRange().get().max())));
        }
        return new Conversion.Converted(converted, canonical);
    }

    /** UCUM's annotation for a figure scaled to a body surface of 1.73 m² (eGFR), which UCUM reads as 1. */
    private static final String PER_BODY_SURFACE = "{1.73_m2}";

    private Double convert(Measure measure, double value, String from, String canonical) {
        if (from.contains(PER_BODY_SURFACE) && !canonical.contains(PER_BODY_SURFACE)) {
            // a clearance of 63 mL/min/1.73 m² is 55 mL/min for a body surface of 1.5 m²: never the same number
            return null;
        }
        // A factor for exactly this unit says what the unit means for this measure, before UCUM's general reading
        // (UCUM reads "70 %" as 0.7; a Karnofsky score written "70%" is 70 points).
        for (MeasureUnitFactor special : measure.unitFactors()) {
            if (special.unit().equals(from)) {
                return value * special.toCanonical();
            }
        }
        if (ucum.factor(from, canonical) instanceof UnitFactor.Factor(double f)) {
            return value * f;
        }
        for (MeasureUnitFactor special : measure.unitFactors()) {
            if (ucum.factor(from, special.unit()) instanceof UnitFactor.Factor(double f)) {
                return value * f * special.toCanonical();
            }
        }
        return null;
    }

    /** Names the kind of quantity a canonical unit measures, for messages such as "mg/dL is not a count per volume". */
    private String describe(String canonical) {
        String base = ucum.canonicalOf(canonical);
        if (UcumUnits.isMolar(canonical)) {
            return "a substance (molar) concentration";
        }
        return switch (base) {
            case "m-3" -> "a count per volume";
            case "g.m-3" -> "a mass concentration";
            case "g" -> "a mass";
            case "m" -> "a length";
            case "m-3.s-1" -> "an enzyme activity per volume";
            case "" -> canonical.startsWith("{") ? "a score" : "a ratio or percentage";
            default -> "compatible with " + canonical;
        };
    }

    private static String format(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return String.valueOf((long) d);
        }
        return String.format(Locale.ROOT, "%.4g", d);
    }
}
