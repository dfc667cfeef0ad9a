package org.eligo.store.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.eligo.core.trial.PartialDate;
import org.eligo.store.Database;
import org.eligo.store.DatabaseConfig;
import org.eligo.store.EmbeddedPostgresServer;
import org.eligo.store.trial.JdbiTrialRepository;
import org.eligo.store.trial.StatusChange;
import org.eligo.store.trial.StatusScope;
import org.eligo.store.trial.StoredStudy;
import org.eligo.store.trial.TrialRepository;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A registry written by Eligo before version 3 of the schema keeps its studies, sites and history on upgrade. */
class SiteStatusesMigrationTest {

  @TempDir
  Path tempDir;

  @Test
  void anH2RegistryOfVersion2KeepsItsSitesAndHistory() {
    DatabaseConfig config = DatabaseConfig.embedded(tempDir);
    version2(config.jdbcUrl(), "sa", "");
    try (Database database = Database.open(config)) {
      assertUpgraded(database);
    }
  }

  @Test
  void aPostgresRegistryOfVersion2KeepsItsSitesAndHistory() {
    String name = EmbeddedPostgresServer.createDatabase();
    try {
      DatabaseConfig config = EmbeddedPostgresServer.config(name);
      version2(config.jdbcUrl(), "postgres", "");
      try (Database database = Database.open(config)) {
        assertUpgraded(database);
      }
    } finally {
      EmbeddedPostgresServer.dropDatabase(name);
    }
  }

  /** Creates the version-2 schema and writes one study as version 2 stored it: site rows and history rows. */
  private static void version2(String url, String user, String password) {
    Flyway.configure().dataSource(url, user, password).locations("classpath:db/migration").target("2").load()
        .migrate();
    Jdbi.create(url, user, password).useHandle(handle -> {
      handle.execute("INSERT INTO trial (nct_id, brief_title, overall_status, last_update_post_date, document,"
          + " content_hash, origin, first_imported_at, updated_at) VALUES ('NCT00000001', 'A study',"
          + " 'RECRUITING', '2024-02-10', '{\"protocolSection\":{}}', 'h', 'test', TIMESTAMP WITH TIME ZONE"
          + " '2024-01-11 00:00:00+00', TIMESTAMP WITH TIME ZONE '2024-02-11 00:00:00+00')");
      handle.execute("INSERT INTO trial_site (nct_id, site_key, status) VALUES"
          + " ('NCT00000001', 'Haukeland|Bergen|Norway', 'RECRUITING'),"
          + " ('NCT00000001', 'A\tB\\|Oslo|Norway', 'COMPLETED')");
      handle.execute("INSERT INTO trial_status_history (nct_id, scope, site_key, status, registry_date, observed_at)"
          + " VALUES ('NCT00000001', 'OVERALL', NULL, 'NOT_YET_RECRUITING', '2024-01-10', TIMESTAMP WITH TIME ZONE"
          + " '2024-01-11 00:00:00+00'), ('NCT00000001', 'OVERALL', NULL, 'RECRUITING', '2024-02-10',"
          + " TIMESTAMP WITH TIME ZONE '2024-02-11 00:00:00+00')");
    });
  }

  private static void assertUpgraded(Database database) {
    assertThat(database.schemaVersion()).isEqualTo("3");
    TrialRepository trials = new JdbiTrialRepository(database);
    StoredStudy study = trials.find("NCT00000001").orElseThrow();
    assertThat(study.documentJson()).isEqualTo("{\"protocolSection\":{}}");
    assertThat(study.siteStatuses()).containsExactlyInAnyOrderEntriesOf(
        Map.of("Haukeland|Bergen|Norway", "RECRUITING", "A\tB\\|Oslo|Norway", "COMPLETED"));
    assertThat(trials.statusHistory("NCT00000001")).containsExactly(
        new StatusChange("NCT00000001", StatusScope.OVERALL, null, "NOT_YET_RECRUITING", new PartialDate("2024-01-10"),
            Instant.parse("2024-01-11T00:00:00Z")),
        new StatusChange("NCT00000001", StatusScope.OVERALL, null, "RECRUITING", new PartialDate("2024-02-10"),
            Instant.parse("2024-02-11T00:00:00Z")));
  }
}
