package org.eligo.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.eligo.cli.render.TrialTextRenderer;
import org.eligo.core.trial.RecruitmentStatus;
import org.eligo.core.trial.Trial;
import org.eligo.registry.Registry;
import org.eligo.store.trial.ListFilter;
import org.eligo.store.trial.StatusChange;
import org.eligo.store.trial.TrialSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code eligo trials list|show}: browse the registry. */
@Command(name = "trials", mixinStandardHelpOptions = true,
    description = {"Lists the registry's trials or shows one in full.", "", "Examples:",
        "  eligo trials list --status RECRUITING", "  eligo trials show NCT06802055"},
    subcommands = {TrialsCommand.List.class, TrialsCommand.Show.class})
final class TrialsCommand implements Runnable {
  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code eligo trials list}. */
  @Command(name = "list", mixinStandardHelpOptions = true, sortOptions = false,
      description = {"Lists trials in NCT order: ID, status, title and conditions.", "",
          "Examples:", "  eligo trials list", "  eligo trials list --status recruiting,not_yet_recruiting",
          "  eligo trials list --condition 'aplastic anemia'"})
  static final class List implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--status", split = EnumValues.LIST, splitSynopsisLabel = ",", paramLabel = "STATUS",
        description = "Only these overall statuses (repeatable or comma-separated; any case, spaces for "
            + "underscores): ${COMPLETION-CANDIDATES}.")
    java.util.List<RecruitmentStatus> statuses = new java.util.ArrayList<>();

    @Option(names = "--condition", paramLabel = "TEXT", description = "Only trials with a condition containing TEXT.")
    String condition;

    @Option(names = "--limit", defaultValue = "200", paramLabel = "N", description = "At most N trials "
        + "(default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--json", description = "One JSON array of {nctId, title, overallStatus, conditions}.")
    boolean json;

    @Override
    public Integer call() throws Exception {
      if (limit < 1 || limit > ListFilter.MAX_LIMIT) {
        throw new Problems.UserError("--limit must be between 1 and " + ListFilter.MAX_LIMIT);
      }
      PrintWriter out = spec.commandLine().getOut();
      try (Registry registry = RegistryOptions.open(spec)) {
        ListFilter filter = new ListFilter(statuses.stream().map(Enum::name).collect(Collectors.toSet()), condition,
            limit, 0);
        java.util.List<TrialSummary> rows = registry.list(filter);
        if (json) {
          // A record without a status or title gives JSON null, not the text "null".
          java.util.List<java.util.Map<String, Object>> list = new java.util.ArrayList<>();
          for (TrialSummary r : rows) {
            java.util.Map<String, Object> row = new java.util.LinkedHashMap<>();
            row.put("nctId", r.nctId());
            row.put("title", r.briefTitle());
            row.put("overallStatus", r.overallStatus());
            row.put("conditions", r.conditions());
            list.add(row);
          }
          out.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(list));
          return ExitCode.OK;
        }
        if (rows.isEmpty()) {
          out.println("No trials match.");
          return ExitCode.OK;
        }
        for (TrialSummary r : rows) {
          out.printf("%s  %-24s %s%n", r.nctId(), r.overallStatus() == null ? "(status not given)" : RecruitmentStatus.valueOf(
              r.overallStatus()).label(), truncate(r.briefTitle(), 90));
          if (!r.conditions().isEmpty()) out.printf("%13s %s%n", "", truncate(String.join("; ", r.conditions()), 115));
        }
        out.println(rows.size() + " trial" + (rows.size() == 1 ? "" : "s")
            + (rows.size() == limit ? " (limit reached; use --limit for more)" : ""));
      }
      return ExitCode.OK;
    }
  }

  /** {@code eligo trials show NCT...}. */
  @Command(name = "show", mixinStandardHelpOptions = true,
      description = {"Shows trials in full, every section the registry has: identifiers, status and dates, "
          + "sponsor, summary, conditions, design, arms and interventions with dosing, outcomes, eligibility, "
          + "contacts and locations, and the status history Eligo has seen.", "",
          "Example:", "  eligo trials show NCT06802055"})
  static final class Show implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", split = Problems.NCT_LIST, splitSynopsisLabel = ",", paramLabel = "NCT_ID",
        description = "One or more NCT numbers, e.g. NCT06802055.")
    java.util.List<String> nctIds;

    /** Narrower than this, the sections' text cannot be laid out. */
    static final int MIN_WIDTH = 40;

    @Option(names = "--width", defaultValue = "100", paramLabel = "COLUMNS", description = "Wrap text at this width, "
        + MIN_WIDTH + " or more (default: ${DEFAULT-VALUE}).")
    int width;

    @Override
    public Integer call() {
      if (width < MIN_WIDTH) {
        throw new Problems.UserError("--width must be at least " + MIN_WIDTH + " columns, not " + width);
      }
      PrintWriter out = spec.commandLine().getOut();
      int code = ExitCode.OK;
      try (Registry registry = RegistryOptions.open(spec)) {
        for (String id : nctIds) {
          String nct = id.trim().toUpperCase(Locale.ROOT);
          Optional<Trial> trial = registry.trial(nct);
          if (trial.isEmpty()) {
            spec.commandLine().getErr().println("eligo: " + Problems.notInRegistry(id));
            code = ExitCode.UNUSABLE;
            continue;
          }
          out.println(new TrialTextRenderer(width).render(trial.get()));
          java.util.List<StatusChange> history = registry.trials().statusHistory(nct);
          Set<String> stale = registry.trials().staleStatuses(java.time.LocalDate.now(), java.time.Period.ofYears(2));
          if (stale.contains(nct)) {
            out.println("Note: the registry has not verified this trial's status for over two years.");
          }
          if (!history.isEmpty()) {
            out.println("Status history seen by Eligo");
            out.println("----------------------------");
            for (StatusChange c : history) {
              out.println("- " + c.observedAt().toString().substring(0, 10) + "  "
                  + (c.siteKey() == null ? "overall" : "site " + c.siteKey().replace("|", ", ")) + ": "
                  + RecruitmentStatus.valueOf(c.status()).label()
                  + (c.registryDate() == null ? "" : " (registry version of " + c.registryDate() + ")"));
            }
          }
        }
      }
      return code;
    }
  }

  static String truncate(String text, int max) {
    if (text == null) return "";
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}
