package org.eligo.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.eligo.referral.ReferralSettings;
import org.eligo.referral.Referrals;
import org.eligo.referral.audit.AuditAction;
import org.eligo.referral.staff.IssuedToken;
import org.eligo.referral.staff.PasswordHasher;
import org.eligo.referral.staff.Role;
import org.eligo.referral.staff.StaffUser;
import org.eligo.store.Database;
import org.eligo.store.DatabaseConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code eligo users}: staff accounts (the first administrator, coordinators, sponsor viewers) and API tokens. */
@Command(name = "users", mixinStandardHelpOptions = true,
    description = {"Staff accounts of the referral area, and API tokens for integrations.", "", "Examples:",
        "  eligo users add --email admin@example.org --role ADMIN",
        "  echo \"$PASSWORD\" | eligo users add --email c@site.org --role COORDINATOR \\",
        "      --trial NCT02979873 --password-stdin",
        "  eligo users list", "  eligo users tokens create --email c@site.org --name crm"},
    subcommands = {UsersCommand.Add.class, UsersCommand.ListUsers.class, UsersCommand.Tokens.class})
final class UsersCommand implements Runnable {
  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Opens just the database and the referral services on it (no search index, no bundled trials). */
  static <T> T withReferrals(CommandSpec spec, java.util.function.Function<Referrals, T> work) {
    GlobalOptions global = EligoMain.global(spec);
    DatabaseConfig config = global.jdbcUrl() == null
        ? DatabaseConfig.embedded(global.dataDir().resolve("registry"))
        : DatabaseConfig.postgres(global.jdbcUrl(), System.getenv());
    try (Database database = Database.open(config)) {
      ReferralSettings settings = ReferralSettings.fromEnvironment(System.getenv(), "cli");
      try (Referrals referrals = new Referrals(database, settings, Clock.systemUTC())) {
        return work.apply(referrals);
      }
    }
  }

  /**
   * The NCT IDs among {@code nctIds} that the registry in the chosen data directory or database does not hold (opened
   * as every command opens it, so a new registry gets its bundled trials first).
   */
  static List<String> unknownTrials(CommandSpec spec, java.util.Collection<String> nctIds) {
    try (org.eligo.registry.Registry registry = RegistryOptions.open(spec)) {
      return nctIds.stream().filter(id -> registry.trial(id).isEmpty()).toList();
    }
  }

  /** {@code eligo users add}. */
  @Command(name = "add", mixinStandardHelpOptions = true, description = {"Creates a staff account. The password is"
      + " asked for twice on the console, or read as one line from standard input with --password-stdin.", "",
      "Examples:", "  eligo users add --email admin@example.org --role ADMIN",
      "  echo \"$PASSWORD\" | eligo users add --email c@site.org --role COORDINATOR \\",
      "      --trial NCT02979873 --trial NCT03364764 --password-stdin",
      "  eligo users add --email v@sp.org --role SPONSOR_VIEWER --trial NCT02979873"})
  static final class Add implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--email", required = true, paramLabel = "EMAIL",
        description = "The account's e-mail address (its login).")
    String email;

    @Option(names = "--role", required = true, paramLabel = "ROLE",
        description = "ADMIN, COORDINATOR or SPONSOR_VIEWER.")
    Role role;

    @Option(names = "--trial", split = Problems.NCT_LIST, splitSynopsisLabel = ",", paramLabel = "NCT_ID",
        description = "A trial (NCT id) a coordinator or sponsor viewer works on; repeatable or comma-separated.")
    List<String> trials = List.of();

    @Option(names = "--password-stdin", description = "Read the password from standard input (one line).")
    boolean passwordStdin;

    @Override
    public Integer call() throws IOException {
      PrintWriter err = spec.commandLine().getErr();
      if (role != Role.ADMIN && trials.isEmpty()) {
        err.println("A " + role + " needs at least one --trial NCT........ to work on.");
        return ExitCode.UNUSABLE;
      }
      Set<String> scope = new LinkedHashSet<>();
      trials.forEach(t -> scope.add(t.strip().toUpperCase(java.util.Locale.ROOT)));
      List<String> unknown = scope.isEmpty() ? List.of() : unknownTrials(spec, scope);
      if (!unknown.isEmpty()) {
        err.println("Not created: the registry holds no trial " + String.join(", ", unknown)
            + " (check the NCT ID, or import the trial first: eligo import FILE).");
        return ExitCode.UNUSABLE;
      }
      Optional<String> password = readPassword(err);
      if (password.isEmpty()) return ExitCode.UNUSABLE;
      String weakness = PasswordHasher.weakness(password.get());
      if (weakness != null) {
        err.println("Password refused: " + weakness + ".");
        return ExitCode.UNUSABLE;
      }
      try {
        StaffUser user = withReferrals(spec, referrals -> {
          StaffUser created = referrals.staff().create(email, password.get(), role, scope);
          referrals.audit().append(null, "cli", AuditAction.USER_CREATE, "user:" + created.id(), null,
              role + " " + String.join(" ", scope));
          return created;
        });
        spec.commandLine().getOut().println("Created " + user.role() + " " + user.email()
            + (user.trials().isEmpty() ? "" : " for " + String.join(", ", user.trials().stream().sorted().toList())));
        return ExitCode.OK;
      } catch (IllegalArgumentException e) {
        err.println("Not created: " + e.getMessage());
        return ExitCode.UNUSABLE;
      }
    }

    private Optional<String> readPassword(PrintWriter err) throws IOException {
      if (passwordStdin) {
        String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        if (line == null || line.isEmpty()) {
          err.println("No password on standard input.");
          return Optional.empty();
        }
        return Optional.of(line);
      }
      Console console = System.console();
      if (console == null) {
        err.println("No console to ask for the password: use --password-stdin.");
        return Optional.empty();
      }
      char[] first = console.readPassword("Password for %s: ", email);
      char[] second = console.readPassword("Again: ");
      try {
        if (first == null || second == null || !Arrays.equals(first, second)) {
          err.println("The passwords differ.");
          return Optional.empty();
        }
        return Optional.of(new String(first));
      } finally {
        if (first != null) Arrays.fill(first, ' ');
        if (second != null) Arrays.fill(second, ' ');
      }
    }
  }

  /** {@code eligo users list}. */
  @Command(name = "list", mixinStandardHelpOptions = true, description = {"Lists staff accounts, roles and trials.",
      "", "Example:", "  eligo users list"})
  static final class ListUsers implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
      List<StaffUser> users = withReferrals(spec, referrals -> referrals.staff().list());
      PrintWriter out = spec.commandLine().getOut();
      if (users.isEmpty()) out.println("No staff accounts yet. Create the first with: eligo users add --email ..."
          + " --role ADMIN");
      for (StaffUser u : users) {
        out.printf("%-40s %-15s %-8s %s%n", u.email(), u.role(), u.active() ? "active" : "inactive",
            String.join(" ", u.trials().stream().sorted().toList()));
      }
      return ExitCode.OK;
    }
  }

  /** {@code eligo users tokens}. */
  @Command(name = "tokens", mixinStandardHelpOptions = true, description = {"API tokens for integrations.", "",
      "Example:", "  eligo users tokens create --email c@site.org --name crm"},
      subcommands = {Tokens.Create.class})
  static final class Tokens implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
      spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code eligo users tokens create}. */
    @Command(name = "create", mixinStandardHelpOptions = true, description = {"Creates an API token acting as the"
        + " account; it is printed once and only its hash is kept. Send it as 'Authorization: Bearer <token>'.", "",
        "Example:", "  eligo users tokens create --email c@site.org --name crm"})
    static final class Create implements Callable<Integer> {
      @Spec
      CommandSpec spec;

      @ParentCommand
      Tokens parent;

      @Option(names = "--email", required = true, paramLabel = "EMAIL", description = "The account the token acts as.")
      String email;

      @Option(names = "--name", required = true, paramLabel = "TEXT",
          description = "What the token is for (e.g. the integration).")
      String name;

      @Override
      public Integer call() {
        try {
          Optional<IssuedToken> token = withReferrals(spec, referrals -> referrals.staff().findByEmail(email)
              .map(user -> {
                IssuedToken issued = referrals.tokens().create(user.id(), name);
                referrals.audit().append(null, "cli", AuditAction.TOKEN_CREATE, "token:" + issued.id(), null,
                    "for user:" + user.id());
                return issued;
              }));
          if (token.isEmpty()) {
            spec.commandLine().getErr().println("No staff account " + email + ".");
            return ExitCode.UNUSABLE;
          }
          spec.commandLine().getOut().println(token.get().token());
          return ExitCode.OK;
        } catch (IllegalArgumentException e) {
          spec.commandLine().getErr().println("Not created: " + e.getMessage());
          return ExitCode.UNUSABLE;
        }
      }
    }
  }
}
