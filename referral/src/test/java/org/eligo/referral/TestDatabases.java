package org.eligo.referral;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.eligo.store.Database;
import org.eligo.store.DatabaseConfig;

/** The databases referral tests run against: embedded H2 in a temporary directory, and a real PostgreSQL. */
public enum TestDatabases {
  H2 {
    @Override
    public Open open(Path tempDir) {
      return new Open(Database.open(DatabaseConfig.embedded(tempDir)), () -> { });
    }
  },
  POSTGRESQL {
    @Override
    public Open open(Path tempDir) {
      String name = "referral_test_" + COUNTER.incrementAndGet();
      execute("CREATE DATABASE " + name);
      return new Open(Database.open(DatabaseConfig.postgres(server().getJdbcUrl("postgres", name), Map.of())),
          () -> execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)"));
    }
  };

  private static final AtomicInteger COUNTER = new AtomicInteger();
  private static EmbeddedPostgres server;

  /** A new, empty, migrated database. */
  public abstract Open open(Path tempDir);

  /** An open test database; closing it closes the pool and drops the database. */
  public record Open(Database database, Runnable dispose) implements AutoCloseable {
    @Override
    public void close() {
      database.close();
      dispose.run();
    }
  }

  private static synchronized EmbeddedPostgres server() {
    if (server == null) {
      try {
        server = EmbeddedPostgres.builder().setRegisterShutdownHook(true).start();
      } catch (IOException e) {
        throw new UncheckedIOException("embedded PostgreSQL did not start", e);
      }
    }
    return server;
  }

  private static void execute(String sql) {
    try (Connection connection = server().getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql + " failed", e);
    }
  }
}
