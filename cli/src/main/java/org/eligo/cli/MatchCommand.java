package org.eligo.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.eligo.cli.render.MatchTextRenderer;
import org.eligo.fhir.UnusableFhirInputException;
import org.eligo.registry.Registry;
import org.eligo.registry.match.MatchJson;
import org.eligo.registry.match.MatchReport;
import org.eligo.registry.match.MatchRequest;
import org.eligo.registry.match.UnknownTrialException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code eligo match --patient FILE}: one patient against the registry, criterion by criterion. */
@Command(name = "match", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Checks a patient (a FHIR R4 Bundle in JSON) against the registry's trials and ranks them: "
        + "ELIGIBLE, then NEEDS_INFO (fewest open questions first), then INELIGIBLE. Each criterion is MET, NOT_MET "
        + "or UNKNOWN, with the evidence from the record and the question that would settle it. A patient the "
        + "record cannot rule out is never INELIGIBLE.",
        "Without --trial, the trials open to enrolment (recruiting, not yet recruiting, by invitation) are checked.",
        "", "Examples:", "  eligo match patient.json",
        "  eligo match --patient patient.json --trial NCT02979873 --as-of 2026-01-15",
        "  eligo match --patient patient.json --all --json",
        "  eligo match --patient docs/examples/patient.json --all"},
    footer = {"", "The patient file is read and forgotten: nothing about the patient is stored or logged.",
        "Exit codes: 0 done; 2 unreadable patient file or unknown trial."})
final class MatchCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--patient", paramLabel = "FILE", description = "FHIR R4 Bundle (JSON); - for standard input. "
      + "The file may also be given alone: eligo match patient.json")
  String patient;

  /** The patient file without --patient, as most commands take their file. */
  @Parameters(arity = "0..1", paramLabel = "FILE", description = "The same as --patient FILE.")
  String patientFile;

  @Option(names = "--trial", split = Problems.NCT_LIST, splitSynopsisLabel = ",", paramLabel = "NCT_ID",
      description = "Check these trials whatever their status (repeatable or comma-separated).")
  List<String> trials = new ArrayList<>();

  @Option(names = "--all", description = "Check every trial in the registry, open or not.")
  boolean all;

  @Option(names = "--as-of", paramLabel = "YYYY-MM-DD", description = "The date that counts as today for every time "
      + "window (default: today).")
  String asOf;

  @Option(names = "--json", description = "Print one JSON object (the same as POST /api/v1/match).")
  boolean json;

  @Option(names = "--verbose", description = "Also list criteria that are met.")
  boolean verbose;

  @Option(names = "--limit", defaultValue = "" + MatchJson.DEFAULT_LIMIT, paramLabel = "N",
      description = "Show the first N ranked trials, each explained (default: ${DEFAULT-VALUE}); all are counted.")
  int limit;

  @Override
  public Integer call() throws IOException {
    if (patient != null && patientFile != null && !patient.equals(patientFile)) {
      throw new ParameterException(spec.commandLine(), "two patient files given (" + patient + " and " + patientFile
          + "): match checks one patient at a time");
    }
    if (patient == null) patient = patientFile;
    if (patient == null) {
      throw new ParameterException(spec.commandLine(), "which patient? Give a FHIR R4 Bundle file, e.g. "
          + "eligo match docs/examples/patient.json (or - to read it from standard input)");
    }
    LocalDate date;
    try {
      date = asOf == null ? LocalDate.now() : LocalDate.parse(asOf);
    } catch (DateTimeParseException e) {
      throw new Problems.UserError("--as-of must be a date like 2026-01-15: " + asOf);
    }
    // "the patient file -" named no file: '-' is standard input
    String source = patient.equals("-") ? "the patient on standard input" : "the patient file " + patient;
    String bundle;
    try {
      bundle = patient.equals("-") ? new String(System.in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
          : Files.readString(Path.of(patient));
    } catch (NoSuchFileException e) {
      throw new Problems.UserError("patient file not found: " + patient);
    } catch (IOException e) {
      // e.g. a directory: Java says only "Is a directory", without the path
      String why = Files.isDirectory(Path.of(patient)) ? "it is a directory, not a file" : Problems.describe(e);
      throw new Problems.UserError("cannot read " + source + ": " + why);
    }
    if (limit < 1) throw new Problems.UserError("--limit must be at least 1");
    PrintWriter out = spec.commandLine().getOut();
    try (Registry registry = RegistryOptions.open(spec)) {
      MatchReport report = registry.match(new MatchRequest(bundle, trials, all, date));
      if (json) {
        out.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(MatchJson.write(report, limit)));
      } else {
        out.print(new MatchTextRenderer(verbose, limit).render(report));
      }
      return ExitCode.OK;
    } catch (UnusableFhirInputException e) {
      throw new Problems.UserError("cannot read " + source + ": " + e.getMessage());
    } catch (UnknownTrialException e) {
      throw new Problems.UserError(String.join("; ", e.nctIds().stream().map(Problems::notInRegistry).toList()));
    }
  }
}
