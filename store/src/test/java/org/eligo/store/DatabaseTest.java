package org.eligo.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eligo.store.trial.JdbiTrialRepository;
import org.eligo.store.trial.StudyBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opening, migrating and re-opening databases, and the errors a user sees when that cannot be done. */
class DatabaseTest {

  @TempDir
  Path tempDir;

  @Test
  void anEmptyH2DatabaseIsCreatedAndMigratedThenReopenedWithItsData() {
    Path dataDir = tempDir.resolve("data/dir");
    try (Database database = Database.open(DatabaseConfig.embedded(dataDir))) {
      assertThat(database.kind()).isEqualTo(Database.Kind.H2);
      assertThat(database.schemaVersion()).isEqualTo("3");
      assertThat(appliedMigrations(database)).containsExactly("1", "2", "3");
      assertThat(tables(database)).contains("trial", "trial_status_history", "rule_set", "evidence",
          "evidence_trial", "import_run");
      new JdbiTrialRepository(database).upsert(StudyBuilder.study("NCT00000001").build());
    }
    assertThat(dataDir.resolve("registry.mv.db")).isRegularFile();

    try (Database reopened = Database.open(DatabaseConfig.embedded(dataDir))) {
      assertThat(reopened.schemaVersion()).isEqualTo("3");
      assertThat(appliedMigrations(reopened)).containsExactly("1", "2", "3");
      assertThat(new JdbiTrialRepository(reopened).find("NCT00000001")).isPresent();
    }
  }

  @Test
  void anH2DatabaseOpenedTwiceInOneProcessNeverMixesUpDocuments() {
    Path dataDir = tempDir.resolve("twice");
    try (Database first = Database.open(DatabaseConfig.embedded(dataDir))) {
      Database second;
      try {
        second = Database.open(DatabaseConfig.embedded(dataDir));
      } catch (DatabaseException refused) {
        assertThat(refused).hasMessageContaining("in use");
        // the first goes on working
        new JdbiTrialRepository(first).upsert(StudyBuilder.study("NCT00000001").title("First").build());
        assertThat(new JdbiTrialRepository(first).find("NCT00000001")).isPresent();
        return; // refusing the second is fine
      }
      try (second) {
        new JdbiTrialRepository(first).upsert(StudyBuilder.study("NCT00000001").title("First").build());
        new JdbiTrialRepository(second).upsert(StudyBuilder.study("NCT00000002").title("Second").build());
        assertThat(new JdbiTrialRepository(second).find("NCT00000001").orElseThrow().documentJson())
            .isEqualTo(StudyBuilder.study("NCT00000001").title("First").build().documentJson());
      }
    }
  }

  @Test
  void anEmptyPostgresDatabaseIsMigratedThenReopenedWithItsData() {
    String name = EmbeddedPostgresServer.createDatabase();
    try {
      try (Database database = Database.open(EmbeddedPostgresServer.config(name))) {
        assertThat(database.kind()).isEqualTo(Database.Kind.POSTGRESQL);
        assertThat(database.schemaVersion()).isEqualTo("3");
        assertThat(tables(database)).contains("trial", "trial_status_history", "rule_set", "evidence",
            "evidence_trial", "import_run");
        new JdbiTrialRepository(database).upsert(StudyBuilder.study("NCT00000001").build());
      }
      try (Database reopened = Database.open(EmbeddedPostgresServer.config(name))) {
        assertThat(appliedMigrations(reopened)).containsExactly("1", "2", "3");
        assertThat(new JdbiTrialRepository(reopened).count()).isEqualTo(1);
      }
    } finally {
      EmbeddedPostgresServer.dropDatabase(name);
    }
  }

  @Test
  void anH2DatabaseHeldByAnotherProcessGivesAClearError() throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process holder = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
        H2LockHolder.class.getName(), tempDir.toString())
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
    try {
      BufferedReader output = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
      assertThat(output.readLine()).isEqualTo("READY 3");

      assertThatThrownBy(() -> Database.open(DatabaseConfig.embedded(tempDir)))
          .isInstanceOf(DatabaseException.class)
          .hasMessageContaining("registry.mv.db is in use by another process")
          .hasMessageContaining("one Eligo process at a time")
          .hasMessageContaining("ELIGO_DB_URL");
      // the message on screen is the whole story: H2 writes no stack trace into the data directory
      try (java.util.stream.Stream<Path> files = Files.walk(tempDir)) {
        assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".trace.db"));
      }
    } finally {
      holder.getOutputStream().close();
      assertThat(holder.waitFor(60, TimeUnit.SECONDS)).as("lock holder exits").isTrue();
    }
    try (Database database = Database.open(DatabaseConfig.embedded(tempDir))) {
      assertThat(database.schemaVersion()).isEqualTo("3");
    }
  }

  @Test
  void aDataDirectoryThatCannotBeCreatedGivesAClearError() throws IOException {
    Path file = Files.writeString(tempDir.resolve("not-a-directory"), "x");

    assertThatThrownBy(() -> Database.open(DatabaseConfig.embedded(file.resolve("data"))))
        .isInstanceOf(DatabaseException.class)
        .hasMessageContaining("Cannot create the data directory " + file.resolve("data"));
  }

  @Test
  void anUnreachablePostgresServerGivesAClearError() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    DatabaseConfig config = DatabaseConfig.postgres("jdbc:postgresql://127.0.0.1:" + closedPort + "/eligo",
        Map.of("ELIGO_DB_USER", "eligo", "ELIGO_DB_PASSWORD", "s3cret"));

    assertThatThrownBy(() -> Database.open(config))
        .isInstanceOf(DatabaseException.class)
        .hasMessageStartingWith("Cannot reach PostgreSQL database 'eligo' at 127.0.0.1:" + closedPort)
        .hasMessageContaining("Check that the server is running")
        .message().doesNotContain("s3cret");
  }

  @Test
  void aMissingPostgresDatabaseGivesAClearError() {
    DatabaseConfig config = EmbeddedPostgresServer.config("no_such_database");

    assertThatThrownBy(() -> Database.open(config))
        .isInstanceOf(DatabaseException.class)
        .hasMessageContaining("The database 'no_such_database' does not exist on localhost:"
            + EmbeddedPostgresServer.server().getPort())
        .hasMessageContaining("createdb no_such_database");
  }

  @Test
  void badDatabaseUrlsGiveClearErrors() {
    assertThatThrownBy(() -> DatabaseConfig.postgres("jdbc:mysql://db/eligo?password=hunter2", Map.of()))
        .isInstanceOf(DatabaseException.class)
        .hasMessageContaining("Unsupported database URL 'jdbc:mysql://db/eligo?password=***'")
        .hasMessageContaining("jdbc:postgresql://host[:port]/database");
    assertThatThrownBy(() -> DatabaseConfig.postgres("jdbc:postgresql://db:notaport/eligo", Map.of()))
        .isInstanceOf(DatabaseException.class)
        .hasMessageStartingWith("Malformed PostgreSQL URL 'jdbc:postgresql://db:notaport/eligo'");
    assertThatThrownBy(() -> DatabaseConfig.postgres("jdbc:postgresql://db:5432/", Map.of()))
        .isInstanceOf(DatabaseException.class)
        .hasMessageStartingWith("Malformed PostgreSQL URL");
    assertThatThrownBy(() -> DatabaseConfig.postgres("postgresql://us er@/x", Map.of()))
        .isInstanceOf(DatabaseException.class)
        .hasMessageStartingWith("Malformed PostgreSQL URL");
    assertThatThrownBy(() -> DatabaseConfig.fromEnvironment(tempDir, Map.of("ELIGO_DB_URL", "/var/lib/eligo")))
        .isInstanceOf(DatabaseException.class)
        .hasMessageContaining("Unsupported database URL '/var/lib/eligo'");
  }

  @Test
  void theEnvironmentChoosesTheDatabaseAndSuppliesCredentials() {
    assertThat(DatabaseConfig.fromEnvironment(tempDir, Map.of()))
        .isEqualTo(new DatabaseConfig.EmbeddedH2(tempDir));
    assertThat(DatabaseConfig.fromEnvironment(tempDir, Map.of("ELIGO_DB_URL", "  ")))
        .isEqualTo(new DatabaseConfig.EmbeddedH2(tempDir));

    DatabaseConfig fromEnv = DatabaseConfig.fromEnvironment(tempDir, Map.of(
        "ELIGO_DB_URL", "jdbc:postgresql://db.example:5433/registry",
        "ELIGO_DB_USER", "eligo", "ELIGO_DB_PASSWORD", "s3cret"));
    assertThat(fromEnv).isEqualTo(new DatabaseConfig.PostgreSql("jdbc:postgresql://db.example:5433/registry",
        "eligo", "s3cret", "db.example", "5433", "registry"));
    assertThat(fromEnv.toString()).doesNotContain("s3cret");

    DatabaseConfig inUrl = DatabaseConfig.postgres("jdbc:postgresql://db/registry?user=app&password=pw",
        Map.of("ELIGO_DB_USER", "eligo", "ELIGO_DB_PASSWORD", "s3cret"));
    assertThat(inUrl).isEqualTo(new DatabaseConfig.PostgreSql("jdbc:postgresql://db/registry?user=app&password=pw",
        null, null, "db", "5432", "registry"));
    assertThat(inUrl.toString()).doesNotContain("pw&").contains("password=***");

    DatabaseConfig uri = DatabaseConfig.postgres("postgresql://app:p%40ss@db.example:6543/registry?sslmode=require",
        Map.of("ELIGO_DB_USER", "ignored"));
    assertThat(uri).isEqualTo(new DatabaseConfig.PostgreSql(
        "jdbc:postgresql://db.example:6543/registry?sslmode=require", "app", "p@ss", "db.example", "6543",
        "registry"));
    assertThat(uri.describe()).isEqualTo("PostgreSQL database 'registry' at db.example:6543");
  }

  private static List<String> appliedMigrations(Database database) {
    return database.jdbi().withHandle(handle -> handle.createQuery(
            "SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"success\" AND \"version\" IS NOT NULL ORDER BY \"installed_rank\"")
        .mapTo(String.class).list());
  }

  private static List<String> tables(Database database) {
    return database.jdbi().withHandle(handle -> handle.createQuery("SELECT LOWER(table_name) FROM"
            + " information_schema.tables WHERE LOWER(table_schema) = 'public'")
        .mapTo(String.class).list());
  }
}
