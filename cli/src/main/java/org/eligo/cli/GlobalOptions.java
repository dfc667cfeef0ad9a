package org.eligo.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** Options every command accepts: where the registry lives. */
public final class GlobalOptions {
  @Option(names = "--data", scope = ScopeType.INHERIT, paramLabel = "DIR",
      description = "Directory of the embedded registry (default: $ELIGO_DATA or ~/.eligo). "
          + "Several registries can live side by side in different directories.")
  Path data;

  @Option(names = "--db", scope = ScopeType.INHERIT, paramLabel = "JDBC_URL",
      description = "Use PostgreSQL instead of the embedded database, e.g. "
          + "jdbc:postgresql://localhost:5432/eligo?user=eligo&password=... (default: $ELIGO_DB)")
  String db;

  /** The data directory: --data, then $ELIGO_DATA, then ~/.eligo. */
  public Path dataDir() {
    if (data != null) return data.toAbsolutePath();
    String env = System.getenv("ELIGO_DATA");
    if (env != null && !env.isBlank()) return Path.of(env).toAbsolutePath();
    return Path.of(System.getProperty("user.home"), ".eligo");
  }

  /** The PostgreSQL URL, or null for the embedded database. */
  public String jdbcUrl() {
    if (db != null && !db.isBlank()) return db;
    String env = System.getenv("ELIGO_DB");
    return env == null || env.isBlank() ? null : env;
  }
}
