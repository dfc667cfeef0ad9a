package org.eligo.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import java.io.IOException;
import java.nio.file.Files;
import java.sql.SQLException;
import java.util.Objects;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.jdbi.v3.core.Jdbi;

/**
 * An open, migrated registry database: a HikariCP pool over embedded H2 or PostgreSQL, with the schema brought
 * up to date by Flyway when opened. Close it to release the pool (and, for H2, the file lock).
 */
public final class Database implements AutoCloseable {

  /** Which database engine is behind the pool. */
  public enum Kind { H2, POSTGRESQL }

  private final DatabaseConfig config;
  private final HikariDataSource dataSource;
  private final Jdbi jdbi;
  private final String schemaVersion;
  private final DocumentLog documentLog;

  private Database(DatabaseConfig config, HikariDataSource dataSource, String schemaVersion) {
    this.config = config;
    this.dataSource = dataSource;
    this.jdbi = Jdbi.create(dataSource);
    this.schemaVersion = schemaVersion;
    this.documentLog = config instanceof DatabaseConfig.EmbeddedH2 h2
        ? DocumentFiles.open(h2.directory().resolve("documents"), jdbi) : null;
  }

  /**
   * Opens the database, creating (H2) or migrating it to the current schema as needed.
   *
   * @throws DatabaseException when it cannot be reached, is locked by another process, or cannot be migrated
   */
  public static Database open(DatabaseConfig config) {
    Objects.requireNonNull(config, "config");
    HikariDataSource dataSource = pool(config);
    try {
      return new Database(config, dataSource, migrate(config, dataSource));
    } catch (RuntimeException e) {
      dataSource.close();
      throw e;
    }
  }

  public Jdbi jdbi() {
    return jdbi;
  }

  public DataSource dataSource() {
    return dataSource;
  }

  public DatabaseConfig config() {
    return config;
  }

  public Kind kind() {
    return config instanceof DatabaseConfig.PostgreSql ? Kind.POSTGRESQL : Kind.H2;
  }

  /** The schema version after migration, e.g. {@code "1"}. */
  public String schemaVersion() {
    return schemaVersion;
  }

  /**
   * Where the embedded registry keeps study documents ({@link DocumentLog}); empty for PostgreSQL, which keeps them
   * in the {@code trial} table.
   */
  public java.util.Optional<DocumentLog> documentLog() {
    return java.util.Optional.ofNullable(documentLog);
  }

  @Override
  public void close() {
    try {
      dataSource.close();
    } finally {
      if (documentLog != null) documentLog.close();
    }
  }

  private static HikariDataSource pool(DatabaseConfig config) {
    HikariConfig hikari = new HikariConfig();
    hikari.setPoolName("eligo-store");
    hikari.setJdbcUrl(config.jdbcUrl());
    switch (config) {
      case DatabaseConfig.EmbeddedH2 h2 -> {
        createDirectory(h2);
        hikari.setUsername("sa");
        hikari.setPassword("");
        hikari.setMaximumPoolSize(4);
      }
      case DatabaseConfig.PostgreSql pg -> {
        if (pg.user() != null) hikari.setUsername(pg.user());
        if (pg.password() != null) hikari.setPassword(pg.password());
        hikari.setMaximumPoolSize(8);
        hikari.addDataSourceProperty("reWriteBatchedInserts", "true");
        hikari.addDataSourceProperty("ApplicationName", "eligo");
        hikari.addDataSourceProperty("connectTimeout", "10");
      }
    }
    hikari.setConnectionTimeout(15_000);
    hikari.setInitializationFailTimeout(1);
    try {
      return new HikariDataSource(hikari);
    } catch (HikariPool.PoolInitializationException e) {
      throw ConnectionFailures.explain(config, e.getCause() instanceof SQLException sql ? sql : null, e);
    } catch (RuntimeException e) {
      throw new DatabaseException("Cannot open " + config.describe() + ": " + e.getMessage(), e);
    }
  }

  private static void createDirectory(DatabaseConfig.EmbeddedH2 h2) {
    try {
      Files.createDirectories(h2.directory());
    } catch (IOException e) {
      throw new DatabaseException("Cannot create the data directory " + h2.directory() + " for the registry: " + e,
          e);
    }
  }

  private static String migrate(DatabaseConfig config, DataSource dataSource) {
    try {
      Flyway flyway = Flyway.configure(Database.class.getClassLoader())
          .dataSource(dataSource)
          .locations("classpath:db/migration")
          .javaMigrations(new org.eligo.store.migration.V3__Site_statuses_and_document_file())
          .load();
      flyway.migrate();
      MigrationInfo current = flyway.info().current();
      return current == null ? "0" : current.getVersion().getVersion();
    } catch (FlywayException e) {
      throw new DatabaseException("Cannot bring the registry schema of " + config.describe() + " up to date: "
          + e.getMessage(), e);
    }
  }
}
