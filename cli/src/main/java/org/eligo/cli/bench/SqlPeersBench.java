package org.eligo.cli.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eligo.core.match.MatchCandidate;
import org.eligo.core.rule.Criterion;
import org.eligo.screening.ScreeningSummary;
import org.eligo.screening.sql.SqlEngine;
import org.eligo.screening.sql.SqlPopulationExport;
import org.eligo.screening.sql.SqlRuleCompiler;

/**
 * The SQL peers of {@code eligo bench screen}: the same population exported as tables, loaded into DuckDB and an
 * embedded PostgreSQL, each trial's rules run as generated SQL; per-trial verdict counts are checked against Eligo's
 * (trials with parts SQL cannot express are flagged, not compared) and timed.
 */
final class SqlPeersBench {
  private SqlPeersBench() {}

  static void run(Path population, List<MatchCandidate> candidates, ScreeningSummary eligo, LocalDate asOf,
                  int threads, Path work, PrintWriter out) throws Exception {
    Path csv = work.resolve("csv");
    long t0 = System.nanoTime();
    long patients = SqlPopulationExport.export(population, asOf, csv, threads);
    out.printf("sql: exported %,d patients to CSV tables in %.1f s%n", patients, (System.nanoTime() - t0) / 1e9);
    SqlRuleCompiler compiler = new SqlRuleCompiler(asOf);
    Map<String, long[]> expected = new HashMap<>();
    for (ScreeningSummary.TrialCounts t : eligo.trials()) {
      expected.put(t.nctId(), new long[] {t.eligible(), t.needsInfo(), t.ineligible()});
    }
    Path duckFile = work.resolve("population.duckdb");
    Files.deleteIfExists(duckFile);
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + duckFile.toAbsolutePath())) {
      timed("DuckDB", c, SqlEngine.DUCKDB, csv, candidates, compiler, expected, eligo.wallSeconds(), out);
    }
    try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setDataDirectory(work.resolve("pg"))
        .setCleanDataDirectory(true).start(); Connection c = pg.getPostgresDatabase().getConnection()) {
      timed("PostgreSQL", c, SqlEngine.POSTGRESQL, csv, candidates, compiler, expected, eligo.wallSeconds(), out);
    }
  }

  private static void timed(String name, Connection c, SqlEngine engine, Path csv, List<MatchCandidate> candidates,
                            SqlRuleCompiler compiler, Map<String, long[]> expected, double eligoSeconds,
                            PrintWriter out) throws Exception {
    long t0 = System.nanoTime();
    engine.load(c, csv);
    double load = (System.nanoTime() - t0) / 1e9;
    long t1 = System.nanoTime();
    int agree = 0;
    int compared = 0;
    for (MatchCandidate t : candidates) {
      long[] counts = new long[3];
      try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(compiler.verdictCountQuery(t.criteria()))) {
        while (rs.next()) {
          switch (rs.getString(1)) {
            case "ELIGIBLE" -> counts[0] = rs.getLong(2);
            case "NEEDS_INFO" -> counts[1] = rs.getLong(2);
            default -> counts[2] = rs.getLong(2);
          }
        }
      }
      boolean expressible = t.criteria().criteria().stream().map(Criterion::rule)
          .allMatch(SqlRuleCompiler::expressible);
      if (expressible) {
        compared++;
        if (java.util.Arrays.equals(counts, expected.get(t.trial().nctId()))) agree++;
        else out.printf("  %s: %s counts %s differ from Eligo's %s%n", name, t.trial().nctId(),
            java.util.Arrays.toString(counts), java.util.Arrays.toString(expected.get(t.trial().nctId())));
      }
    }
    double query = (System.nanoTime() - t1) / 1e9;
    out.printf("sql %s: load %.1f s, screen %.1f s for %d trials (%.1fx Eligo's whole run of %.1f s); verdict "
        + "counts agree with Eligo on %d of %d fully expressible trials%n", name, load, query, candidates.size(),
        query / eligoSeconds, eligoSeconds, agree, compared);
  }
}
