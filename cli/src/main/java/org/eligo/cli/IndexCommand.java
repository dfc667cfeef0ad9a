package org.eligo.cli;

import java.util.concurrent.Callable;
import org.eligo.registry.Registry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code eligo index rebuild}: rebuilds the search index from the store. */
@Command(name = "index", mixinStandardHelpOptions = true,
    description = {"Maintains the search index (it is kept in step with imports and repaired on start by itself).",
        "", "Example:", "  eligo index rebuild"},
    subcommands = {IndexCommand.Rebuild.class})
final class IndexCommand implements Runnable {
  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(name = "rebuild", mixinStandardHelpOptions = true,
      description = {"Rebuilds the search index from the stored trials, e.g. after editing the synonym list.", "",
          "Examples:", "  eligo index rebuild", "  eligo --data /srv/eligo index rebuild"})
  static final class Rebuild implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
      try (Registry registry = RegistryOptions.open(spec)) {
        long start = System.nanoTime();
        registry.rebuildIndex();
        spec.commandLine().getOut().printf("Rebuilt the search index: %d trials in %.1f s%n",
            registry.trials().count(), (System.nanoTime() - start) / 1e9);
      }
      return ExitCode.OK;
    }
  }
}
