package org.eligo.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.eligo.core.rule.CriteriaSet;
import org.eligo.core.rule.Criterion;
import org.eligo.core.rule.RuleDescriber;
import org.eligo.criteria.Coverage;
import org.eligo.criteria.json.RuleSetJson;
import org.eligo.registry.Registry;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code eligo criteria NCT... | --coverage}: what Eligo understood of each criterion. */
@Command(name = "criteria", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Shows each eligibility criterion as the registry wrote it, the rule Eligo made of it in plain "
        + "words, and whether the rule was curated by a person, parsed from the text, taken from the registry's "
        + "age/sex fields, or left unparsed (unparsed criteria never exclude anyone: they are asked about).", "",
        "Examples:", "  eligo criteria NCT02979873", "  eligo criteria NCT02979873 --json > rules.json",
        "  eligo criteria --coverage"})
final class CriteriaCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Target target;

  static final class Target {
    @Parameters(arity = "1..*", split = Problems.NCT_LIST, splitSynopsisLabel = ",", paramLabel = "NCT_ID",
        description = "Trials to show.")
    List<String> nctIds;

    @Option(names = "--coverage", description = "The share of criteria turned into rules across the registry.")
    boolean coverage;
  }

  @Option(names = "--json", description = "The rule set as editable JSON (the curated-rules format).")
  boolean json;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    if (target.coverage && json) {
      // it was ignored: a script asking for JSON got the text summary
      throw new Problems.UserError("--json gives a trial's rule set (eligo criteria NCT... --json); --coverage "
          + "prints a text summary only");
    }
    try (Registry registry = RegistryOptions.open(spec)) {
      if (target.coverage) {
        out.println("As used (curated rules where they exist, else parsed):");
        out.println("  " + registry.coverage().summary());
        out.println("Parser alone (curated rules ignored, registry age/sex fields not counted):");
        out.println("  " + registry.parserCoverage().summary());
        return ExitCode.OK;
      }
      int code = ExitCode.OK;
      for (String id : target.nctIds) {
        String nct = id.strip().toUpperCase(Locale.ROOT);
        Optional<CriteriaSet> set = registry.criteria(nct);
        if (set.isEmpty()) {
          spec.commandLine().getErr().println("eligo: " + Problems.notInRegistry(id));
          code = ExitCode.UNUSABLE;
          continue;
        }
        if (json) {
          out.println(RuleSetJson.structural().write(set.get()));
          continue;
        }
        print(nct, set.get(), registry.isCurated(nct), out);
      }
      return code;
    }
  }

  private static void print(String nct, CriteriaSet set, boolean curated, PrintWriter out) {
    out.println(nct + (curated ? " (rules curated by a person)" : "") + String.format(": %d criteria, %.0f%% "
        + "understood", set.criteria().size(), set.coverage() * 100));
    String section = "";
    for (Criterion c : set.criteria()) {
      String heading = c.type() == org.eligo.core.rule.CriterionType.INCLUSION ? "Inclusion" : "Exclusion";
      if (!heading.equals(section)) {
        out.println();
        out.println(heading + " criteria");
        section = heading;
      }
      out.println("  [" + c.id() + "] " + org.eligo.core.trial.RegistryText.display(c.text()).replaceAll("\\s+", " ").strip());
      out.println("      " + origin(c) + ": " + RuleDescriber.describe(c.rule()));
    }
    out.println();
  }

  private static String origin(Criterion c) {
    return switch (c.origin()) {
      case CURATED -> "curated";
      case PARSED -> "parsed";
      case REGISTRY_FIELDS -> "registry fields";
      case UNPARSED -> "unparsed";
    };
  }
}
