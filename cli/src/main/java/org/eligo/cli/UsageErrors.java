package org.eligo.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * What a command line that could not be used prints, for every command alike: the problem on the first line, the
 * closest command when a command name was mistyped, then the command's synopsis and its examples, and where every
 * option is explained. Picocli's default printed the whole option list under the error, which pushed the error off a
 * small terminal and buried the example a user needed; it also ranked "users" before "search" for "serach".
 */
final class UsageErrors implements CommandLine.IParameterExceptionHandler {
  @Override
  public int handleParseException(ParameterException ex, String[] args) {
    CommandLine command = ex.getCommandLine();
    PrintWriter err = command.getErr();
    String name = command.getCommandSpec().qualifiedName();
    String unknownCommand = unknownCommand(ex);
    if (unknownCommand != null) {
      err.println("eligo: '" + unknownCommand + "' is not " + (command.getParent() == null ? "an eligo command"
          : "a command of '" + name + "'") + ".");
      List<String> closest = closest(unknownCommand, candidates(command));
      if (closest.isEmpty()) closest = nested(unknownCommand, command);
      if (!closest.isEmpty()) err.println("Did you mean: " + String.join(" or ", closest) + "?");
      err.println("Commands: " + String.join(", ", command.getSubcommands().keySet().stream()
          .filter(c -> !c.equals("help")).toList()) + ".");
    } else {
      String value = strayValue(ex);
      String option = unknownOption(ex);
      if (option != null) {
        // picocli said "Unknown options: '--prot', '8080'", naming the value as an option too, and its own
        // suggestions missed a swap of two letters (--prot for --port) that the command names get
        err.println("eligo: '" + option + "' is not an option of '" + name + "'.");
        List<String> closest = closest(option.replaceFirst("^-+", ""), longOptions(command.getCommandSpec()));
        if (!closest.isEmpty()) {
          err.println("Did you mean: " + String.join(" or ", closest) + "?");
        } else {
          UnmatchedArgumentException.printSuggestions((UnmatchedArgumentException) ex, err);
        }
      } else if (value != null) {
        // picocli said "Unmatched argument at index 3", counting the global options a user may not have typed
        err.println("eligo: '" + value + "' was not expected here: " + name + (command.getCommandSpec()
            .positionalParameters().isEmpty() ? " takes each value after the name of its option"
            : " takes fewer values without an option name") + ", as in the examples below.");
      } else {
        err.println("eligo: " + ex.getMessage());
      }
      err.print("Usage: " + command.getHelp().synopsis("Usage: ".length()));
      List<String> examples = examples(command.getCommandSpec());
      if (!examples.isEmpty()) {
        err.println("Example" + (examples.size() == 1 ? "" : "s") + ":");
        examples.forEach(err::println);
      }
    }
    err.println("Every " + (command.getSubcommands().isEmpty() ? "option" : "command and option") + ": " + name
        + " --help");
    err.flush();
    return ExitCode.UNUSABLE;
  }

  /** The word given where a command name was expected, or null when the problem is another. */
  private static String unknownCommand(ParameterException ex) {
    // 'eligo help serach': picocli's help command names the word it does not know
    if (String.valueOf(ex.getMessage()).startsWith("Unknown subcommand") && ex.getValue() != null
        && !ex.getCommandLine().getSubcommands().isEmpty()) {
      return ex.getValue();
    }
    if (!(ex instanceof UnmatchedArgumentException u) || u.getUnmatched().isEmpty()) return null;
    CommandSpec spec = ex.getCommandLine().getCommandSpec();
    if (spec.subcommands().isEmpty() || !spec.positionalParameters().isEmpty()) return null;
    String first = u.getUnmatched().getFirst();
    return first.startsWith("-") ? null : first;
  }

  /** The option name a user typed that the command does not have ("--prot" of "--prot=8080"), or null. */
  private static String unknownOption(ParameterException ex) {
    if (!(ex instanceof UnmatchedArgumentException u) || u.getUnmatched().isEmpty()) return null;
    String first = u.getUnmatched().getFirst();
    if (!first.startsWith("-") || first.equals("-")) return null;
    int equals = first.indexOf('=');
    return equals > 0 ? first.substring(0, equals) : first;
  }

  /** The command's long option names, each under its name without dashes ("-port" and "port" mean --port too). */
  private static Map<String, String> longOptions(CommandSpec spec) {
    Map<String, String> names = new LinkedHashMap<>();
    for (CommandLine.Model.OptionSpec option : spec.options()) {
      if (option.hidden()) continue;
      for (String optionName : option.names()) {
        if (optionName.startsWith("--")) names.put(optionName.substring(2), optionName);
      }
    }
    return names;
  }

  /** A value given without an option name to a command that takes none (its first), or null. */
  private static String strayValue(ParameterException ex) {
    if (!(ex instanceof UnmatchedArgumentException u) || u.getUnmatched().isEmpty()) return null;
    String first = u.getUnmatched().getFirst();
    return first.startsWith("-") ? null : first;
  }

  /** The commands a mistyped word could have meant; at the top, "version" also means the --version option. */
  private static Map<String, String> candidates(CommandLine command) {
    Map<String, String> candidates = new LinkedHashMap<>();
    String name = command.getCommandSpec().qualifiedName();
    for (String sub : command.getSubcommands().keySet()) candidates.put(sub, name + " " + sub);
    if (command.getParent() == null && command.getCommandSpec().findOption("--version") != null) {
      candidates.put("version", name + " --version");
    }
    // 'eligo trials help': only the top command has a help command, every command has --help
    if (!candidates.containsKey("help") && command.getCommandSpec().findOption("--help") != null) {
      candidates.put("help", name + " --help");
    }
    return candidates;
  }

  /**
   * The commands one level down named exactly as the word: 'eligo list' and 'eligo show NCT...' mean 'eligo trials
   * list' and 'eligo trials show', which the top command's list does not show.
   */
  private static List<String> nested(String word, CommandLine command) {
    List<String> found = new ArrayList<>();
    for (CommandLine sub : command.getSubcommands().values()) {
      if (sub.getCommandSpec().usageMessage().hidden() || sub.getCommandName().equals("help")) continue;
      for (String name : sub.getSubcommands().keySet()) {
        if (!name.equals("help") && name.equalsIgnoreCase(word)) {
          found.add(sub.getCommandSpec().qualifiedName() + " " + name);
        }
      }
    }
    return found;
  }

  /** The candidates nearest the word (fewest letters changed, a swap of two counting once), if near enough. */
  static List<String> closest(String word, Map<String, String> candidates) {
    String typed = word.toLowerCase(Locale.ROOT);
    record Scored(String shown, int distance) {}
    List<Scored> scored = new ArrayList<>();
    for (Map.Entry<String, String> c : candidates.entrySet()) {
      String key = c.getKey().toLowerCase(Locale.ROOT);
      int d = distance(typed, key);
      if (key.startsWith(typed) && typed.length() >= 2) d = Math.min(d, 1); // "gen" for "generate"
      if (d <= Math.max(1, Math.min(typed.length(), key.length()) / 3)) scored.add(new Scored(c.getValue(), d));
    }
    int best = scored.stream().mapToInt(Scored::distance).min().orElse(Integer.MAX_VALUE);
    return scored.stream().filter(s -> s.distance() == best).sorted(Comparator.comparing(Scored::shown))
        .map(Scored::shown).toList();
  }

  /** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours. */
  private static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) d[i][0] = i;
    for (int j = 0; j <= b.length(); j++) d[0][j] = j;
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }

  /** The example lines of a command's description (after "Examples:" or a line ending "e.g.:"). */
  static List<String> examples(CommandSpec spec) {
    List<String> examples = new ArrayList<>();
    boolean in = false;
    for (String line : spec.usageMessage().description()) {
      if (line.matches("Examples?:") || line.endsWith("e.g.:")) {
        in = true;
      } else if (in && line.startsWith("  ")) {
        examples.add(line);
      } else if (in) {
        in = false;
      }
    }
    return examples;
  }
}
