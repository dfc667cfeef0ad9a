package org.eligo.store;

import java.nio.file.Path;

/** The databases every repository test runs against: embedded H2 in a temporary directory, and real PostgreSQL. */
public enum Backend {
  H2 {
    @Override
    public TestDatabase open(Path tempDir) {
      return new TestDatabase(Database.open(DatabaseConfig.embedded(tempDir)), () -> { });
    }
  },
  POSTGRESQL {
    @Override
    public TestDatabase open(Path tempDir) {
      String name = EmbeddedPostgresServer.createDatabase();
      return new TestDatabase(Database.open(EmbeddedPostgresServer.config(name)),
          () -> EmbeddedPostgresServer.dropDatabase(name));
    }
  };

  /** A new, empty, migrated database. */
  public abstract TestDatabase open(Path tempDir);

  /** An open test database; closing it closes the pool and drops the database. */
  public record TestDatabase(Database database, Runnable dispose) implements AutoCloseable {
    @Override
    public void close() {
      database.close();
      dispose.run();
    }
  }
}
