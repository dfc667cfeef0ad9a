package org.eligo.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SmokeTest {
  @Test
  void pagesRender() {
    for (String p : new String[] {"/", "/search?q=rapamycin+red+cell+aplasia&status=any", "/trials/NCT03364764",
        "/trials/NCT03364764/check", "/check", "/trials/NCT03364764/interest", "/api/docs", "/fhir/metadata",
        "/api/v1/studies?query.text=sirolimus", "/api/v1/studies/NCT03364764/criteria",
        "/api/v1/studies/NCT03364764/evidence"}) {
      var r = TestServers.get(p);
      System.out.println("=== " + p + " " + r.statusCode() + " " + r.body().length());
      System.out.println(r.body().substring(0, Math.min(3000, r.body().length())));
      assertThat(r.statusCode()).as(p).isEqualTo(200);
    }
  }
}
