package org.eligo.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.eligo.core.trial.Design.Phase;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Every option that takes a fixed set of values (a status, a phase, a role...) reads them as people write them: any
 * case, with spaces or hyphens for the underscores ("not yet recruiting", "not-yet-recruiting" for
 * NOT_YET_RECRUITING) and as the registry displays them ("Phase 2" for PHASE2), and a value that is none of them
 * is answered with the closest ones ("recruting": did you mean RECRUITING?) before the list of all. Picocli only
 * took the exact name, in any case.
 */
final class EnumValues {
  private EnumValues() {}

  /**
   * Where a repeatable option's value holds several ("recruiting,not_yet_recruiting"): at each comma, except the one
   * in the status ClinicalTrials.gov shows as "Active, not recruiting", which a user copies as it reads.
   */
  static final String LIST = "(?i),(?!\\s*not\\s+recruiting)";

  /**
   * Where a phase option's value holds several: at each comma, and at the slash or bar of a combined phase as the
   * registry shows it ("Phase 1/Phase 2", API v2's "PHASE1|PHASE2"); not in "N/A".
   */
  static final String PHASES = "(?i)\\s*(?:,|\\||/(?=\\s*(?:early[\\s_-]*)?phase))\\s*";

  /**
   * A combined phase written with one word "Phase" ("Phase 1/2", "Phase I/II", "phase 2 / 3"), as papers and people
   * write it, spelt out as the registry shows it ("Phase 1/Phase 2"), which {@link #PHASES} then divides into both.
   */
  static final class CombinedPhases implements CommandLine.IParameterPreprocessor {
    private static final java.util.regex.Pattern SHORT = java.util.regex.Pattern.compile(
        "(?i)\\b((?:early[\\s_-]*)?phase)[\\s_-]*([0-4]|iv|i{1,3})\\s*/\\s*([0-4]|iv|i{1,3})\\b");

    @Override
    public boolean preprocess(java.util.Stack<String> args, CommandSpec commandSpec, ArgSpec argSpec,
                              Map<String, Object> info) {
      if (!args.isEmpty()) args.push(SHORT.matcher(args.pop()).replaceAll("$1 $2/Phase $3"));
      return false; // picocli goes on to split and convert the value
    }
  }

  /** Roman numerals a phase is written with ("Phase II"), as the digit of the value's name. */
  private static final Map<String, String> ROMAN = Map.of("I", "1", "II", "2", "III", "3", "IV", "4");

  /** Registers the reading for every enum type an option or parameter of the command tree takes. */
  static void register(CommandLine root) {
    Set<Class<?>> types = new LinkedHashSet<>();
    collect(root, types);
    for (Class<?> type : types) register(root, type);
  }

  private static void collect(CommandLine command, Set<Class<?>> types) {
    CommandSpec spec = command.getCommandSpec();
    List<ArgSpec> args = new ArrayList<>(spec.options());
    args.addAll(spec.positionalParameters());
    for (ArgSpec arg : args) {
      if (arg.type().isEnum()) types.add(arg.type());
      for (Class<?> aux : arg.auxiliaryTypes()) {
        if (aux.isEnum()) types.add(aux);
      }
    }
    for (CommandLine sub : command.getSubcommands().values()) collect(sub, types);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static void register(CommandLine root, Class<?> type) {
    root.registerConverter((Class) type, text -> parse((Class) type, text));
  }

  static <E extends Enum<E>> E parse(Class<E> type, String text) {
    String wanted = normal(text);
    String typed = type == Phase.class ? phase(compact(text)) : compact(text);
    for (E constant : type.getEnumConstants()) {
      if (compact(constant.name()).equals(typed)) return constant;
    }
    Map<String, String> names = new LinkedHashMap<>();
    for (E constant : type.getEnumConstants()) names.put(normal(constant.name()), constant.name());
    List<String> closest = new ArrayList<>(UsageErrors.closest(wanted, names));
    if (closest.isEmpty()) {
      // a number or word a value ends or starts with ("2" for PHASE2)
      for (E constant : type.getEnumConstants()) {
        String name = normal(constant.name());
        if (!wanted.isEmpty() && (name.endsWith("_" + wanted) || name.endsWith(wanted) && wanted.matches("\\d+")
            || name.startsWith(wanted + "_"))) {
          closest.add(constant.name());
        }
      }
    }
    throw new CommandLine.TypeConversionException("'" + text + "' is not one of the values"
        + (closest.isEmpty() ? "" : " (did you mean " + String.join(" or ", closest) + "?)") + "; any case, spaces "
        + "for underscores: " + String.join(", ", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList()));
  }

  /**
   * A phase as people and the registry write it, in the compact form of its value's name: "Not Applicable" and "N/A"
   * for NA, "Phase II" for PHASE2, "Early Phase I" and "Phase 0" (the registry's former name of Early Phase 1) for
   * EARLY_PHASE1. A bare "2" stays a question (did you mean PHASE2?).
   */
  private static String phase(String compact) {
    if (compact.equals("NOTAPPLICABLE") || compact.equals("N/A")) return "NA";
    if (compact.equals("PHASE0")) return "EARLYPHASE1";
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("(EARLYPHASE|PHASE)([1-4]|I{1,3}|IV)")
        .matcher(compact);
    if (!m.matches()) return compact;
    String digit = ROMAN.getOrDefault(m.group(2), m.group(2));
    return m.group(1) + digit;
  }

  /**
   * Upper case without spaces, commas, hyphens and underscores: the registry writes "Phase 2" and "Early Phase 1"
   * where the value is PHASE2 and EARLY_PHASE1, so a separator a user keeps or drops between words (or before a
   * number) changes nothing.
   */
  private static String compact(String text) {
    return text.toUpperCase(Locale.ROOT).replaceAll("[\\s,_-]+", "");
  }

  /** Upper case, runs of spaces, commas, hyphens and underscores as one underscore. */
  private static String normal(String text) {
    return text.strip().toUpperCase(Locale.ROOT).replaceAll("[\\s,_-]+", "_");
  }
}
