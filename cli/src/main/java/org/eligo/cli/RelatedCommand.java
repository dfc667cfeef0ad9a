package org.eligo.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.eligo.registry.Registry;
import org.eligo.search.RelatedTrial;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code eligo related NCT}: trials related to one, each with the reason. */
@Command(name = "related", mixinStandardHelpOptions = true,
    description = {"Lists trials related to a trial by shared conditions, drugs and text, each with the reason.", "",
        "Example:", "  eligo related NCT03364764"})
final class RelatedCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "NCT_ID")
  String nctId;

  /** The most related trials listed, as {@code GET /api/v1/studies/{nctId}/related?limit=} allows. */
  static final int MAX_LIMIT = 50;

  @Option(names = "--limit", defaultValue = "5", paramLabel = "N",
      description = "How many related trials, 1 to " + MAX_LIMIT + " (default: ${DEFAULT-VALUE}).")
  int limit;

  @Override
  public Integer call() {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new Problems.UserError("--limit must be 1 to " + MAX_LIMIT + ", not " + limit);
    }
    String id = nctId.strip().toUpperCase(Locale.ROOT);
    PrintWriter out = spec.commandLine().getOut();
    try (Registry registry = RegistryOptions.open(spec)) {
      if (registry.trial(id).isEmpty()) throw new Problems.UserError(Problems.notInRegistry(nctId));
      List<RelatedTrial> related = registry.search().relatedTo(id, limit);
      if (related.isEmpty()) out.println("No related trials in the registry.");
      for (RelatedTrial r : related) {
        out.printf("%s  %s%n    %s%n", r.nctId(), r.title(), r.reason());
      }
    }
    return ExitCode.OK;
  }
}
