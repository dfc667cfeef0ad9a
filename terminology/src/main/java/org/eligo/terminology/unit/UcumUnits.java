package org.eligo.terminology.unit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.fhir.ucum.Decimal;
import org.fhir.ucum.UcumEssenceService;
import org.fhir.ucum.UcumException;
import org.fhir.ucum.UcumService;

/**
 * UCUM unit conversion with the factor cached per unit pair (a UCUM conversion costs about a millisecond; a cached one a map lookup).
 * Uses the {@code ucum-essence.xml} bundled with {@code org.fhir:ucum}. Thread-safe.
 */
public final class UcumUnits {
    private static final String ESSENCE = "/ucum-essence.xml";
    /** A mole atom with an optional metric prefix: mol, mmol, umol, nmol, pmol... */
    private static final Pattern MOLE = Pattern.compile("(?<![A-Za-z_\\[])[munpfakdcMGT]?mol(?![A-Za-z_])");

    private final UcumService service;
    private final Map<String, UnitFactor> factors = new ConcurrentHashMap<>();
    private final Map<String, String> validity = new ConcurrentHashMap<>();

    private UcumUnits(UcumService service) {
        this.service = service;
    }

    private static volatile UcumUnits shared;

    /** The process-wide instance, loaded on first use (parsing the UCUM essence takes a few hundred milliseconds). */
    public static UcumUnits shared() {
        UcumUnits current = shared;
        if (current == null) {
            synchronized (UcumUnits.class) {
                current = shared;
                if (current == null) {
                    current = load();
                    shared = current;
                }
            }
        }
        return current;
    }

    /** Loads the UCUM essence from the classpath; throws if the ucum jar is missing (a build error). */
    public static UcumUnits load() {
        try (InputStream in = UcumUnits.class.getResourceAsStream(ESSENCE)) {
            if (in == null) {
                throw new IllegalStateException("ucum-essence.xml not on the classpath: is org.fhir:ucum a dependency?");
            }
            return new UcumUnits(new UcumEssenceService(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (UcumException e) {
            throw new IllegalStateException("Cannot read the UCUM essence: " + e.getMessage(), e);
        }
    }

    /** Why the unit is not valid UCUM, or an empty string if it is. */
    public String problem(String unit) {
        return validity.computeIfAbsent(unit, u -> {
            String message = service.validate(u);
            return message == null ? "" : message;
        });
    }

    /** Whether the unit is valid UCUM. */
    public boolean isValid(String unit) {
        return problem(unit).isEmpty();
    }

    /** The factor from one UCUM unit to another, cached. */
    public UnitFactor factor(String from, String to) {
        if (from.equals(to)) {
            return new UnitFactor.Factor(1.0);
        }
        return factors.computeIfAbsent(from + "\u0000" + to, k -> compute(from, to));
    }

    /** Converts a value; a convenience over {@link #factor}. */
    public UnitFactor convert(double value, String from, String to) {
        UnitFactor factor = factor(from, to);
        if (factor instanceof UnitFactor.Factor(double f)) {
            return new UnitFactor.Factor(value * f);
        }
        return factor;
    }

    /** The UCUM canonical form of a unit (e.g. {@code /m3} for any count per volume), or empty if invalid. */
    public String canonicalOf(String unit) {
        if (!isValid(unit)) {
            return "";
        }
        try {
            return service.getCanonicalUnits(unit);
        } catch (UcumException | RuntimeException e) {
            return "";
        }
    }

    /**
     * Whether a UCUM unit counts substance in moles. UCUM defines the mole as a pure number (6.022e23), so it would happily turn
     * mmol/L into cells per liter; clinically a substance concentration is never a cell count, so such pairs are kept apart.
     */
    public static boolean isMolar(String unit) {
        return MOLE.matcher(unit).find();
    }

    private UnitFactor compute(String from, String to) {
        for (String unit : new String[] {from, to}) {
            String problem = problem(unit);
            if (!problem.isEmpty()) {
                return new UnitFactor.Incompatible("'" + unit + "' is not a valid UCUM unit: " + problem);
            }
        }
        if (isMolar(from) != isMolar(to)) {
            return new UnitFactor.Incompatible("'" + from + "' cannot be converted to '" + to + "': a substance amount (mol) is not a count or mass");
        }
        try {
            if (!service.isComparable(from, to)) {
                return new UnitFactor.Incompatible("'" + from + "' cannot be converted to '" + to + "'");
            }
            Decimal result = service.convert(new Decimal(1), from, to);
            return new UnitFactor.Factor(Double.parseDouble(result.asDecimal()));
        } catch (UcumException | RuntimeException e) {
            return new UnitFactor.Incompatible("'" + from + "' cannot be converted to '" + to + "': " + e.getMessage());
        }
    }
}
