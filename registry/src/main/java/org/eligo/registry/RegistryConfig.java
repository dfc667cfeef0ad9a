package org.eligo.registry;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a registry lives.
 *
 * @param dataDir the directory for the embedded database and the search index
 * @param jdbcUrl a PostgreSQL JDBC URL, or null for the embedded database under {@code dataDir}
 */
public record RegistryConfig(Path dataDir, String jdbcUrl) {
  public RegistryConfig {
    Objects.requireNonNull(dataDir, "dataDir");
  }

  public static RegistryConfig embedded(Path dataDir) {
    return new RegistryConfig(dataDir, null);
  }
}
