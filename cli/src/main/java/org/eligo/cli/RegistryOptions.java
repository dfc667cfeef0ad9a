package org.eligo.cli;

import org.eligo.registry.Registry;
import org.eligo.registry.RegistryConfig;
import picocli.CommandLine.Model.CommandSpec;

/** Opens the registry the global options point at. */
final class RegistryOptions {
  private RegistryOptions() {}

  static Registry open(CommandSpec spec) {
    GlobalOptions global = EligoMain.global(spec);
    return Registry.open(new RegistryConfig(global.dataDir(), global.jdbcUrl()));
  }
}
