package org.eligo.terminology.unit;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the unit spellings of registry text and lab systems into UCUM.
 *
 * <p>Examples: {@code ×10⁹/L}, {@code x10^9/L}, {@code *10^9/L}, {@code ×109/L} (a lost superscript), {@code 10^9/L},
 * {@code G/L}, {@code x10(9)/L}, {@code x10exp9/L}, {@code x10^9 cells/L} → {@code 10*9/L}; {@code /uL}, {@code /μL}, {@code /mm3}, {@code /mm(3)}, {@code /mcL}, {@code cells/uL} → {@code /uL};
 * {@code K/uL}, {@code K/mcL}, {@code 10^3/uL}, {@code thou/uL}, {@code thou/mm3}, {@code TH/uL}, {@code Thousand/uL} → {@code 10*3/uL}; {@code gm/dL} → {@code g/dL}; {@code IU/L} → {@code U/L};
 * {@code lb} → {@code [lb_av]}; {@code mmHg}, {@code mm Hg} → {@code mm[Hg]}. Strings that are already valid UCUM pass through when a {@link UcumUnits} is given.
 */
public final class RegistryUnits {
    private static final Map<String, String> SPELLINGS = Map.ofEntries(
            Map.entry("/ul", "/uL"), Map.entry("/mm3", "/uL"), Map.entry("/mm^3", "/uL"), Map.entry("/mm(3)", "/uL"),
            Map.entry("/mcl", "/uL"), Map.entry("cells/mcl", "/uL"), Map.entry("cells/mm^3", "/uL"),
            Map.entry("cells/cumm", "/uL"), Map.entry("/cumm", "/uL"), Map.entry("/cmm", "/uL"), Map.entry("cells/ul", "/uL"), Map.entry("cells/mm3", "/uL"),
            Map.entry("/microliter", "/uL"), Map.entry("permicroliter", "/uL"), Map.entry("cells/microliter", "/uL"),
            Map.entry("k/ul", "10*3/uL"), Map.entry("k/mm3", "10*3/uL"), Map.entry("thou/ul", "10*3/uL"), Map.entry("thous/ul", "10*3/uL"),
            Map.entry("k/cumm", "10*3/uL"), Map.entry("k/mcl", "10*3/uL"), Map.entry("thou/mcl", "10*3/uL"),
            Map.entry("thous/mcl", "10*3/uL"), Map.entry("thou/mm3", "10*3/uL"), Map.entry("thous/mm3", "10*3/uL"),
            Map.entry("thou/cumm", "10*3/uL"), Map.entry("thou/cmm", "10*3/uL"), Map.entry("k/cmm", "10*3/uL"),
            Map.entry("thousand/ul", "10*3/uL"), Map.entry("thousand/mcl", "10*3/uL"),
            Map.entry("thousand/mm3", "10*3/uL"), Map.entry("th/ul", "10*3/uL"), Map.entry("th/mcl", "10*3/uL"),
            Map.entry("th/mm3", "10*3/uL"), Map.entry("permm3", "/uL"), Map.entry("perul", "/uL"),
            Map.entry("permcl", "/uL"),
            Map.entry("g/dl", "g/dL"), Map.entry("gm/dl", "g/dL"), Map.entry("gr/dl", "g/dL"), Map.entry("grams/dl", "g/dL"), Map.entry("gram/dl", "g/dL"), Map.entry("g/100ml", "g/dL"),
            Map.entry("g/l", "g/L"), Map.entry("gm/l", "g/L"), Map.entry("g/dl.", "g/dL"),
            Map.entry("mg/dl", "mg/dL"), Map.entry("mg%", "mg/dL"), Map.entry("mg/100ml", "mg/dL"), Map.entry("mg/l", "mg/L"),
            Map.entry("umol/l", "umol/L"), Map.entry("micromol/l", "umol/L"), Map.entry("mmol/l", "mmol/L"),
            Map.entry("u/l", "U/L"), Map.entry("iu/l", "U/L"), Map.entry("units/l", "U/L"), Map.entry("unit/l", "U/L"),
            Map.entry("ng/ml", "ng/mL"), Map.entry("ug/l", "ug/L"), Map.entry("mcg/l", "ug/L"), Map.entry("%", "%"), Map.entry("percent", "%"),
            Map.entry("kg", "kg"), Map.entry("kgs", "kg"), Map.entry("g", "g"), Map.entry("lb", "[lb_av]"), Map.entry("lbs", "[lb_av]"),
            Map.entry("cm", "cm"), Map.entry("m", "m"), Map.entry("in", "[in_i]"), Map.entry("ml/min", "mL/min"),
            Map.entry("ml/min/1.73m2", "mL/min/{1.73_m2}"), Map.entry("ml/min/1.73m^2", "mL/min/{1.73_m2}"),
            Map.entry("ml/min/1,73m2", "mL/min/{1.73_m2}"), Map.entry("ml/min/1,73m^2", "mL/min/{1.73_m2}"),
            Map.entry("ml/minper1.73m2", "mL/min/{1.73_m2}"), Map.entry("ml/minper1.73m^2", "mL/min/{1.73_m2}"),
            Map.entry("ml/min/1.73squaremeters", "mL/min/{1.73_m2}"), Map.entry("ml/min/1.73squaremetres", "mL/min/{1.73_m2}"),
            Map.entry("ml/min/1.73sqm", "mL/min/{1.73_m2}"), Map.entry("ml/min/1.73sq.m", "mL/min/{1.73_m2}"),
            Map.entry("ml/s/1.73m2", "mL/s/{1.73_m2}"), Map.entry("ml/s/1.73m^2", "mL/s/{1.73_m2}"),
            Map.entry("ml/sper1.73m2", "mL/s/{1.73_m2}"), Map.entry("ml/s", "mL/s"), Map.entry("ml/sec", "mL/s"),
            Map.entry("ml/minute", "mL/min"), Map.entry("cc/min", "mL/min"), Map.entry("cc/minute", "mL/min"),
            Map.entry("ms", "ms"), Map.entry("msec", "ms"), Map.entry("msecs", "ms"), Map.entry("millisecond", "ms"),
            Map.entry("milliseconds", "ms"), Map.entry("sec", "s"), Map.entry("secs", "s"), Map.entry("second", "s"),
            Map.entry("seconds", "s"), Map.entry("kg/m2", "kg/m2"), Map.entry("kg/m^2", "kg/m2"),
            Map.entry("meq/l", "meq/L"), Map.entry("ug/dl", "ug/dL"), Map.entry("mcg/dl", "ug/dL"),
            Map.entry("ug/ml", "ug/mL"), Map.entry("mcg/ml", "ug/mL"), Map.entry("pg/ml", "pg/mL"),
            Map.entry("pmol/l", "pmol/L"), Map.entry("nmol/l", "nmol/L"), Map.entry("fl", "fL"),
            Map.entry("miu/l", "m[IU]/L"), Map.entry("uiu/ml", "u[IU]/mL"), Map.entry("miu/ml", "m[IU]/mL"),
            Map.entry("iu/ml", "[IU]/mL"), Map.entry("mu/l", "mU/L"), Map.entry("mu/ml", "mU/mL"),
            Map.entry("uu/ml", "uU/mL"),
            Map.entry("mmhg", "mm[Hg]"), Map.entry("mm[hg]", "mm[Hg]"), Map.entry("millimetersofmercury", "mm[Hg]"),
            Map.entry("millimetresofmercury", "mm[Hg]"));

    /** {@code x10^9/L}, {@code *10^9/L}, {@code 10e9/l}, {@code x10*9/l}, {@code 10^3/uL}: explicit exponent. */
    private static final Pattern EXPLICIT_POWER = Pattern.compile(
            "^(?:[x*])?10(?:\\^|\\*\\*|\\*|exp|e|\\((?=\\d{1,2}\\)))(\\d{1,2})\\)?(?:cells)?/(l|ul|mm3|mm\\^3|mcl|liter|litre)$");
    /** {@code x109/L}, {@code ×1012/L}, {@code x103/uL}: the exponent lost its superscript and follows 10 directly. */
    private static final Pattern LOST_SUPERSCRIPT = Pattern.compile("^[x*]?10(9|12|3|6)/(l|ul|mm3)$");

    private RegistryUnits() {
    }

    /** Reads a unit written in registry or lab style; unknown strings give {@link UnitReading.Unrecognized}. */
    /** A number, a dot and a number outside an annotation: "10.3/uL", "10.9/L". */
    private static final Pattern DOTTED_FACTOR = Pattern.compile(".*[0-9]\\.[0-9].*");

    public static UnitReading normalize(String written) {
        return normalize(written, null);
    }

    /**
     * As {@link #normalize(String)}, and also accepts any string that {@code ucum} says is valid UCUM (e.g. {@code mg/mL}).
     */
    public static UnitReading normalize(String written, UcumUnits ucum) {
        if (written == null || written.isBlank()) {
            return new UnitReading.Unrecognized(written == null ? "" : written, "no unit given");
        }
        String compact = compact(written);
        if (compact.equals("G/L") || compact.equals("Giga/L")) {
            return new UnitReading.Recognized(written, "10*9/L");
        }
        if (compact.equals("T/L")) {
            return new UnitReading.Recognized(written, "10*12/L");
        }
        String key = compact.toLowerCase(Locale.ROOT);
        String spelled = SPELLINGS.get(key);
        if (spelled != null) {
            return new UnitReading.Recognized(written, spelled);
        }
        Matcher power = EXPLICIT_POWER.matcher(key);
        if (!power.matches()) {
            power = LOST_SUPERSCRIPT.matcher(key);
        }
        if (power.matches()) {
            String per = switch (power.group(2)) {
                case "l", "liter", "litre" -> "L";
                default -> "uL";
            };
            return new UnitReading.Recognized(written, "10*" + power.group(1) + "/" + per);
        }
        if (DOTTED_FACTOR.matcher(compact.replaceAll("\\{[^}]*\\}", "")).matches()) {
            // "10.3/uL" is valid UCUM for 30 per microlitre (the dot multiplies), but a lab that writes it means
            // 10^3/uL with the caret lost: read either way, a neutrophil count of 1.5 would be 0.045 or 1.5
            return new UnitReading.Unrecognized(written, "unit '" + written.strip() + "' multiplies two numbers ("
                    + "UCUM's dot), which is likely a power written without its sign");
        }
        if (ucum != null && ucum.isValid(compact)) {
            return new UnitReading.Recognized(written, compact);
        }
        return new UnitReading.Unrecognized(written, "unknown unit '" + written.strip() + "'");
    }

    /** Removes spaces and unifies micro signs, multiplication signs, superscript digits and "cells" wording. */
    private static String compact(String written) {
        StringBuilder out = new StringBuilder();
        boolean inSuperscript = false;
        for (int i = 0; i < written.length(); i++) {
            char ch = written.charAt(i);
            int sup = superscriptDigit(ch);
            if (sup >= 0) {
                if (!inSuperscript) {
                    out.append('^');
                    inSuperscript = true;
                }
                out.append((char) ('0' + sup));
                continue;
            }
            inSuperscript = false;
            switch (ch) {
                case ' ', '\t', '\u00a0', '\u2009', '\u202f' -> { }
                case '\u00b5', '\u03bc' -> out.append('u');
                case '\u00d7', '\u2715', '\u2716', '\u22c5', '\u00b7' -> out.append('x');
                case 'X' -> out.append(i + 1 < written.length() && Character.isDigit(written.charAt(i + 1)) ? 'x' : ch);
                case '\u2044', '\u2215' -> out.append('/');
                default -> out.append(ch);
            }
        }
        return out.toString();
    }

    private static int superscriptDigit(char ch) {
        return switch (ch) {
            case '\u2070' -> 0;
            case '\u00b9' -> 1;
            case '\u00b2' -> 2;
            case '\u00b3' -> 3;
            case '\u2074' -> 4;
            case '\u2075' -> 5;
            case '\u2076' -> 6;
            case '\u2077' -> 7;
            case '\u2078' -> 8;
            case '\u2079' -> 9;
            default -> -1;
        };
    }
}
