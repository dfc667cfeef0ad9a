package org.eligo.terminology;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TerminologyLoadTest {

    @Test
    void bundledDataLoadsAndValidates() {
        long u0 = System.nanoTime();
        org.eligo.terminology.unit.UcumUnits.load();
        System.out.printf("UCUM essence parse: %.1f ms%n", (System.nanoTime() - u0) / 1e6);
        long t0 = System.nanoTime();
        Terminology first = Terminology.loadFrom(Terminology.class.getClassLoader(), Terminology.DEFAULT_ROOT);
        long t1 = System.nanoTime();
        Terminology second = Terminology.loadFrom(Terminology.class.getClassLoader(), Terminology.DEFAULT_ROOT);
        long t2 = System.nanoTime();
        System.out.printf("Terminology read+validate+index: first %.1f ms, again %.1f ms; %d concepts, %d measures%n",
                (t1 - t0) / 1e6, (t2 - t1) / 1e6, first.concepts().size(), first.measures().size());
        assertThat(first.concepts()).hasSizeGreaterThan(150);
        assertThat(second.measures()).extracting(m -> m.key()).contains("anc", "platelets", "hemoglobin", "arc", "creatinine", "ecog");
    }

    @Test
    void loadReturnsTheSharedInstance() {
        assertThat(Terminology.load()).isSameAs(Terminology.load());
    }
}
