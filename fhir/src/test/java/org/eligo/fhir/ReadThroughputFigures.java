package org.eligo.fhir;

import static org.eligo.fhir.testkit.Code.icd10;
import static org.eligo.fhir.testkit.Code.rxnorm;

import org.eligo.fhir.testkit.FhirPatientBuilder;
import org.junit.jupiter.api.Test;

/** Prints how long reading a 200-resource record takes (a figure, not an assertion). */
class ReadThroughputFigures {
  @Test
  void printReadTime() {
    long t0 = System.nanoTime();
    HapiResourceParser.context();
    TerminologyAdapter.bundled();
    long warm = System.nanoTime() - t0;
    FhirPatientBuilder b = FhirPatientBuilder.patient("p1").born("1990-01-01").female();
    for (int i = 0; i < 150; i++) b.lab("anc", 500 + i, "/uL", "2025-" + String.format("%02d", 1 + i % 12) + "-10");
    for (int i = 0; i < 25; i++) b.condition(icd10("D61.9"), "Aplastic anemia", "2020-01-01");
    for (int i = 0; i < 25; i++) b.medication(rxnorm("845507"), "everolimus", "2024-01-01", "2024-06-01", "completed");
    String json = b.bundleJson();
    for (int i = 0; i < 50; i++) Readers.read(json);
    int n = 200;
    long start = System.nanoTime();
    for (int i = 0; i < n; i++) Readers.read(json);
    double ms = (System.nanoTime() - start) / 1e6 / n;
    var tree = com.fasterxml.jackson.databind.json.JsonMapper.builder().build();
    long p0 = System.nanoTime();
    for (int i = 0; i < n; i++) {
      try {
        for (var e : tree.readTree(json).get("entry")) HapiResourceParser.parse(e.get("resource"), 0);
      } catch (Exception ex) {
        throw new IllegalStateException(ex);
      }
    }
    System.out.printf("parse only: %.2f ms%n", (System.nanoTime() - p0) / 1e6 / n);
    long w0 = System.nanoTime();
    for (int i = 0; i < n; i++) HapiResourceParser.context().newJsonParser().parseResource(json);
    System.out.printf("HAPI whole bundle: %.2f ms%n", (System.nanoTime() - w0) / 1e6 / n);
    var t = TerminologyAdapter.bundled();
    var m = t.measureForLoinc("751-8").orElseThrow();
    long c0 = System.nanoTime();
    for (int i = 0; i < 10000; i++) t.toCanonical(m, 500 + i % 100, "/uL");
    System.out.printf("convert: %.4f ms%n", (System.nanoTime() - c0) / 1e6 / 10000);
    long x0 = System.nanoTime();
    for (int i = 0; i < 10000; i++) t.conceptsForText("Aplastic anemia");
    System.out.printf("text: %.4f ms%n", (System.nanoTime() - x0) / 1e6 / 10000);
    System.out.printf("first use (FhirContext + terminology): %.0f ms; 200-resource bundle (%d KB): %.2f ms/read%n",
        warm / 1e6, json.length() / 1024, ms);
  }
}
