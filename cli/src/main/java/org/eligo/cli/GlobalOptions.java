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
          + "jdbc:postgresql://localhost:5432/eligo?user=eligo&password=... (default: $ELIGO_DB or $ELIGO_DB_URL; user and password in the URL or in "
          + "$ELIGO_DB_USER and $ELIGO_DB_PASSWORD)")
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
    for (String variable : new String[] {"ELIGO_DB", "ELIGO_DB_URL"}) { // ELIGO_DB_URL: the store's own name
      String env = System.getenv(variable);
      if (env != null && !env.isBlank()) return env;
    }
    return null;
  }
}
