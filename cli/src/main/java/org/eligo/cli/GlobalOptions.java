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
    if (data != null) return usable(data.toAbsolutePath(), "--data");
    String env = System.getenv("ELIGO_DATA");
    if (env != null && !env.isBlank()) return usable(Path.of(env).toAbsolutePath(), "ELIGO_DATA");
    return usable(Path.of(System.getProperty("user.home"), ".eligo"), "the default data directory");
  }

  /**
   * The directory, unless it (or the nearest part of it that exists) is a file: the database said only "Cannot create
   * the data directory .../registry: java.nio.file.FileSystemException: ...: Not a directory", naming neither the
   * option nor what to do.
   */
  private static Path usable(Path dir, String from) {
    for (Path p = dir; p != null; p = p.getParent()) {
      if (!java.nio.file.Files.exists(p)) continue;
      if (java.nio.file.Files.isDirectory(p)) return dir;
      throw new Problems.UserError(from + " " + dir + (p.equals(dir) ? "" : ": " + p) + " is a file, not a "
          + "directory; give a directory for the registry (it is created when missing), e.g. --data "
          + "~/eligo-data");
    }
    return dir;
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
