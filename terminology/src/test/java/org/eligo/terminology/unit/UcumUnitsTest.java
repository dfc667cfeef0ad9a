package org.eligo.terminology.unit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class UcumUnitsTest {
    private final UcumUnits ucum = UcumUnits.shared();

    @Test
    void convertsCountsAndMassConcentrations() {
        assertThat(((UnitFactor.Factor) ucum.factor("/uL", "10*9/L")).factor()).isCloseTo(0.001, within(1e-12));
        assertThat(((UnitFactor.Factor) ucum.factor("g/dL", "g/L")).factor()).isCloseTo(10.0, within(1e-12));
        assertThat(((UnitFactor.Factor) ucum.factor("[lb_av]", "kg")).factor()).isCloseTo(0.45359237, within(1e-9));
    }

    @Test
    void incompatibleAndInvalidUnitsAreValues() {
        assertThat(ucum.factor("mg/dL", "10*9/L")).isInstanceOfSatisfying(UnitFactor.Incompatible.class,
                i -> assertThat(i.reason()).contains("cannot be converted"));
        assertThat(ucum.factor("bogus", "g/L")).isInstanceOfSatisfying(UnitFactor.Incompatible.class,
                i -> assertThat(i.reason()).contains("not a valid UCUM unit"));
    }

    @Test
    void substanceConcentrationsAreNotCounts() {
        assertThat(UcumUnits.isMolar("mmol/L")).isTrue();
        assertThat(UcumUnits.isMolar("umol/L")).isTrue();
        assertThat(UcumUnits.isMolar("mol/m3")).isTrue();
        assertThat(UcumUnits.isMolar("10*9/L")).isFalse();
        assertThat(UcumUnits.isMolar("mg/dL")).isFalse();
        assertThat(ucum.factor("mmol/L", "10*9/L")).isInstanceOf(UnitFactor.Incompatible.class);
        assertThat(ucum.factor("/uL", "mmol/L")).isInstanceOf(UnitFactor.Incompatible.class);
        assertThat(ucum.factor("umol/L", "mmol/L")).isEqualTo(new UnitFactor.Factor(0.001));
    }

    @Test
    void cachedFactorIsTheUcumFactor() {
        long t0 = System.nanoTime();
        ucum.factor("10*3/uL", "/L");
        long first = System.nanoTime() - t0;
        long t1 = System.nanoTime();
        for (int i = 0; i < 10_000; i++) {
            ucum.factor("10*3/uL", "/L");
        }
        long cached = (System.nanoTime() - t1) / 10_000;
        System.out.printf("UCUM factor: first %.3f ms, cached %.1f ns per call%n", first / 1e6, (double) cached);
        assertThat(((UnitFactor.Factor) ucum.factor("10*3/uL", "/L")).factor()).isCloseTo(1e9, within(1.0));
    }
}
