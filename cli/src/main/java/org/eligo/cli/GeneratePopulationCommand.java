package org.eligo.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import org.eligo.screening.population.PopulationGenerator;
import org.eligo.screening.population.PopulationSpec;
import org.eligo.screening.population.ResourceType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code eligo generate population --patients N --seed S --out DIR}: a synthetic FHIR Bulk Data population. */
@Command(name = "population", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Writes a synthetic patient population as FHIR Bulk Data NDJSON (Patient.ndjson, "
        + "Observation.ndjson, Condition.ndjson, MedicationStatement.ndjson, MedicationRequest.ndjson, "
        + "Procedure.ndjson, AllergyIntolerance.ndjson, Immunization.ndjson): demographics; cytopenias (aplastic "
        + "anemia incl. congenital forms, PRCA, AIHA, Evans, ITP, PNH, MDS/AML) and other conditions at rates of a "
        + "haematology referral service; blood counts over time in mixed units; treatment histories with dates; "
        + "vaccines, pregnancies, transplants and transfusions. Codes come only from Eligo's terminology files; some "
        + "records are text-only. The same seed and --as-of date always give the same files.",
        "", "Examples:", "  eligo generate population --patients 10000 --seed 42 --out /tmp/population",
        "  eligo generate population --patients 1000000 --out /tmp/pop --gzip --split 4 \\",
        "      --as-of 2026-01-15",
        "  eligo screen --input /tmp/population --output /tmp/screened"},
    footer = {"", "Exit codes: 0 done; 2 bad options or the output directory cannot be written."})
final class GeneratePopulationCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--patients", required = true, paramLabel = "N", description = "How many patients.")
  long patients;

  @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Random seed (default: "
      + "${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory to write into.")
  Path out;

  @Option(names = "--as-of", paramLabel = "YYYY-MM-DD", description = "The date the records run up to "
      + "(default: today). Screen with the same --as-of date, or recent results will not count as recent.")
  String asOf;

  @Option(names = "--gzip", description = "Write .ndjson.gz files.")
  boolean gzip;

  @Option(names = "--split", defaultValue = "1", paramLabel = "K", description = "Split each resource type into K "
      + "files (Observation.000.ndjson, ...; default: ${DEFAULT-VALUE}).")
  int split;

  @Option(names = "--threads", paramLabel = "T", description = "Worker threads (default: all cores).")
  Integer threads;

  @Override
  public Integer call() {
    if (patients < 1) throw new Problems.UserError("--patients must be at least 1");
    if (split < 1 || split > 1000) throw new Problems.UserError("--split must be between 1 and 1000");
    LocalDate date;
    try {
      date = asOf == null ? LocalDate.now() : LocalDate.parse(asOf);
    } catch (DateTimeParseException e) {
      throw new Problems.UserError("--as-of must be a date like 2026-01-15: " + asOf);
    }
    PopulationSpec population = new PopulationSpec(patients, seed, date, out, gzip, split);
    PopulationGenerator.Summary s = PopulationGenerator.write(population,
        threads == null ? Runtime.getRuntime().availableProcessors() : Math.max(1, threads));
    var o = spec.commandLine().getOut();
    o.printf("Wrote %,d patients (%,d resources, %,d MB) to %s in %.1f s (%,.0f patients/s)%n", s.patients(),
        s.totalResources(), s.bytes() / 1_000_000, s.dir(), s.elapsed().toMillis() / 1000.0, s.patientsPerSecond());
    for (ResourceType t : ResourceType.values()) o.printf("  %-20s %,12d%n", t.name(), s.resources()[t.ordinal()]);
    return ExitCode.OK;
  }
}
