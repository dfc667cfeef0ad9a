package org.eligo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.eligo.registry.BundledRegistry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a new user meets it: help, browsing, import/export, criteria and matching. */
class EligoCommandLineTest {
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  static Path home;

  static Cli cli;

  @BeforeAll
  static void setUp() {
    cli = new Cli(home.resolve("registry"));
  }

  @Test
  void helpTeachesEveryCommandAndVersionSaysWhatRuns() {
    Cli.Result help = cli.run("--help");
    assertThat(help.exitCode()).isZero();
    assertThat(help.out()).contains("import", "export", "trials", "search", "related", "criteria", "match", "serve",
        "generate", "Examples:", "Exit codes");
    assertThat(cli.run("match", "--help").out()).contains("--patient", "--as-of", "--trial", "NEEDS_INFO");
    assertThat(cli.run("--version").out()).contains("Eligo", "Java");
  }

  @Test
  void everyCommandsHelpHasAnExample() {
    // the README promises: "Every command has --help with examples"
    java.util.Deque<picocli.CommandLine> todo = new java.util.ArrayDeque<>(
        List.of(new picocli.CommandLine(new EligoMain())));
    List<String> without = new java.util.ArrayList<>();
    while (!todo.isEmpty()) {
      picocli.CommandLine command = todo.pop();
      todo.addAll(command.getSubcommands().values());
      if (command.getCommandName().equals("help")) continue;
      String usage = command.getUsageMessage(picocli.CommandLine.Help.Ansi.OFF);
      if (!usage.lines().anyMatch(l -> l.matches("Examples?:") || l.endsWith("e.g.:"))) {
        without.add(command.getCommandSpec().qualifiedName());
      }
    }
    assertThat(without).as("commands whose --help has no example").isEmpty();
  }

  @Test
  void everyHelpExampleFitsOnItsLinesSoItCanBeCopied() {
    // picocli wraps a long line at 80 columns: "./eligo" was cut into "." and "/eligo", and commands ran on at the
    // start of the next line where a copy took them for a new command
    java.util.Deque<picocli.CommandLine> todo = new java.util.ArrayDeque<>(
        List.of(new picocli.CommandLine(new EligoMain())));
    int examples = 0;
    while (!todo.isEmpty()) {
      picocli.CommandLine command = todo.pop();
      todo.addAll(command.getSubcommands().values());
      boolean inExamples = false;
      for (String line : command.getUsageMessage(picocli.CommandLine.Help.Ansi.OFF).lines().toList()) {
        if (line.matches("Examples?:") || line.endsWith("e.g.:")) {
          inExamples = true;
        } else if (line.isBlank() || line.contains("--help") || line.equals("Commands:")) {
          inExamples = false;
        } else if (inExamples) {
          examples++;
          assertThat(line).as("an example line of '" + command.getCommandName() + " --help'").startsWith("  ");
        }
      }
    }
    assertThat(examples).isGreaterThan(20);
  }

  @Test
  void aFreshRegistryListsTheBundledSeedTrials() {
    Cli.Result list = cli.run("trials", "list");
    assertThat(list.exitCode()).isZero();
    assertThat(list.out()).contains("NCT02979873", "NCT06802055", "NCT03364764", "NCT04324411");
    assertThat(cli.run("trials", "list", "--status", "recruiting").out()).contains("NCT06802055")
        .doesNotContain("NCT03364764");
  }

  @Test
  void trialsShowGivesEverySectionOfTheSeedPage() {
    Cli.Result show = cli.run("trials", "show", "NCT06802055");
    assertThat(show.exitCode()).isZero();
    assertThat(show.out()).contains(
        "Efficacy and Safety of Sirolimus With or Without Cyclosporin A",
        "Recruiting", "Phase 2", "Enrollment: 40 participants", "Randomized", "Parallel", "Treatment",
        "Start: 2025-01-25", "Completion: 2027-01-31", "Last update posted: 2025-06-04",
        "Peking Union Medical College Hospital", "Aplastic Anaemia",
        "Sirolimus + cyclosporin A [Experimental]", "Sirolimus 1-3 mg once daily orally",
        "Cyclosporine A 25-150 mg orally every 12 hours",
        "Inclusion Criteria", "Eastern Cooperative Oncology Group", "Exclusion Criteria", "Age ≥ 18 years",
        "hemoglobin < 100 g/L", "Beijing", "China", "Ziwei Liu", "+8613811615392", "I-25PJ0215");
    // As on the seed page, each arm (study group) lists what it receives with the dosing text.
    String arms = show.out().substring(show.out().indexOf("Arms"), show.out().indexOf("Interventions"));
    String placeboArm = arms.substring(arms.indexOf("Sirolimus [Placebo comparator]"));
    assertThat(arms).contains("Drug: Cyclosporin A (CsA): Cyclosporine A 25-150 mg orally every 12 hours");
    assertThat(placeboArm).contains("Drug: Sirolimus (Rapamune®): Sirolimus 1-3 mg once daily orally")
        .doesNotContain("Cyclosporin");
  }

  @Test
  void aStaffAccountForATrialTheRegistryDoesNotHoldIsRefusedBeforeAnyPasswordIsAskedFor() {
    Cli.Result refused = cli.run("users", "add", "--email", "c@site.org", "--role", "COORDINATOR", "--trial",
        "NCT09999999", "--password-stdin");
    assertThat(refused.exitCode()).isEqualTo(2);
    assertThat(refused.err()).contains("holds no trial NCT09999999").doesNotContain("password");
    // (no --password-stdin: a test must not read standard input, which the test runner uses)
    Cli.Result known = cli.run("users", "add", "--email", "c@site.org", "--role", "COORDINATOR", "--trial",
        "nct02979873");
    assertThat(known.err()).as("a bundled trial passes; then the password is wanted").doesNotContain("holds no trial")
        .contains("password");
  }

  @Test
  void anUnknownTrialIsExitCodeTwoWithAMessage() {
    Cli.Result show = cli.run("trials", "show", "NCT00000000");
    assertThat(show.exitCode()).isEqualTo(2);
    assertThat(show.err()).contains("NCT00000000 is not in the registry");
  }

  @Test
  void textThatIsNoNctIdIsCalledThatNotATrialTheRegistryLacks() throws IOException {
    // a digit short: no registry could hold it, so "not in the registry" would send the user looking for an import
    String notAnId = "'NCT0336476' is not an NCT ID (NCT followed by 8 digits, e.g. NCT03364764)";
    for (List<String> command : List.of(List.of("trials", "show", "NCT0336476"), List.of("export", "NCT0336476"),
        List.of("related", "NCT0336476"), List.of("criteria", "NCT0336476"),
        List.of("match", "--patient", patient("aplastic-anemia-on-cyclosporine.json").toString(), "--trial",
            "NCT0336476"))) {
      Cli.Result r = cli.run(command.toArray(String[]::new));
      assertThat(r.exitCode()).as(command.toString()).isEqualTo(2);
      assertThat(r.err()).as(command.toString()).contains(notAnId).doesNotContain("not in the registry");
    }
  }

  @Test
  void exportIntoAFileInsteadOfADirectorySaysWhatIsWrong() throws IOException {
    Path file = Files.writeString(home.resolve("a-file"), "x");
    Cli.Result export = cli.run("export", "NCT02979873", "--out", file.toString());
    assertThat(export.exitCode()).isEqualTo(2);
    assertThat(export.err()).contains(file.toString()).contains("not a directory");
  }

  @Test
  void aTrialWithoutAgeLimitsSaysAnyAge() {
    Cli.Result show = cli.run("trials", "show", "NCT04324411"); // its record gives no minimum or maximum age
    assertThat(show.out()).contains("any age (no limits given)").doesNotContain("null");
  }

  @Test
  void aTrialWithoutAStatusSaysSoEverywhereAndIsNotCalledStale() throws IOException {
    Cli.Result show = cli.run("trials", "show", "NCT02979873");
    assertThat(show.out()).contains("not given in the registry record").doesNotContain("over two years");
    JsonNode list = JSON.readTree(cli.run("trials", "list", "--json").out());
    assertThat(list).anySatisfy(row -> {
      assertThat(row.path("nctId").asText()).isEqualTo("NCT02979873");
      assertThat(row.path("overallStatus").isNull()).isTrue();
    });
    assertThat(cli.run("search", "NCT02979873").out()).contains("[status not given]");
    assertThat(cli.run("search", "--status", "UNKNOWN", "--page-size", "50").out()).doesNotContain("NCT02979873");
  }

  @Test
  void exportThenImportIntoAnotherRegistryIsJsonEqual() throws IOException {
    Path out = home.resolve("exported");
    Cli.Result export = cli.run("export", "NCT02979873", "NCT04324411", "--out", out.toString());
    assertThat(export.exitCode()).isZero();
    JsonNode exported = JSON.readTree(out.resolve("NCT02979873.json").toFile());
    JsonNode bundled = BundledRegistry.studies().stream().filter(f -> f.name().equals("NCT02979873.json"))
        .findFirst().map(f -> read(f.content())).orElseThrow();
    assertThat(exported).isEqualTo(bundled);

    Cli other = new Cli(home.resolve("other-registry"));
    assertThat(other.run("import", out.toString(), "--quiet").exitCode()).isZero();
    Cli.Result again = other.run("export", "NCT02979873");
    assertThat(JSON.readTree(again.out())).isEqualTo(bundled);
  }

  @Test
  void importReportsRejectedRecordsWithExitCodeOneAndUnusableInputWithTwo() throws IOException {
    Path bad = Files.writeString(home.resolve("bad.json"), "{\"protocolSection\": {\"identificationModule\": "
        + "{\"nctId\": \"NCT123\"}}}");
    Cli.Result rejected = cli.run("import", bad.toString());
    assertThat(rejected.exitCode()).isEqualTo(1);
    assertThat(rejected.err()).contains("bad.json", "$.protocolSection.identificationModule.nctId", "NCT123");
    Cli.Result missing = cli.run("import", home.resolve("nope.zip").toString());
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err()).contains("does not exist");
  }

  @Test
  void criteriaShowsEachSentenceWithItsRuleAndCoverageIsReported() {
    Cli.Result criteria = cli.run("criteria", "NCT02979873");
    assertThat(criteria.exitCode()).isZero();
    assertThat(criteria.out()).contains("Weight greater than 12 kg", "Inclusion criteria", "Exclusion criteria");
    assertThat(cli.run("criteria", "--coverage").out()).contains("criteria", "understood");
    Cli.Result coverageJson = cli.run("criteria", "--coverage", "--json");
    assertThat(coverageJson.exitCode()).as("--json is not silently ignored").isEqualTo(2);
    assertThat(coverageJson.err()).contains("--coverage", "--json");
  }

  @Test
  void evidenceDatedByAMonthShowsTheMonthAndNoDayTheRecordNeverGave() throws IOException {
    Path record = Files.writeString(home.resolve("prca.json"), """
        {"resourceType": "Bundle", "type": "collection", "entry": [
          {"resource": {"resourceType": "Patient", "id": "r", "gender": "female", "birthDate": "1965-08-20"}},
          {"resource": {"resourceType": "Condition", "id": "c1", "subject": {"reference": "Patient/r"},
            "clinicalStatus": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/condition-clinical",
              "code": "active"}]},
            "code": {"coding": [{"system": "http://hl7.org/fhir/sid/icd-10-cm", "code": "D60.0"}]},
            "onsetDateTime": "2024-05"}}]}
        """);
    Cli.Result text = cli.run("match", "--patient", record.toString(), "--as-of", "2026-01-15", "--all",
        "--limit", "20");
    assertThat(text.exitCode()).isZero();
    assertThat(text.out()).contains("evidence: ").contains("2024-05").doesNotContain("2024-05-01");
  }

  @Test
  void theExamplePatientTheReadmeNamesIsThereAndMatches() {
    Path example = Path.of(System.getProperty("user.dir")).resolve("../docs/examples/patient.json").normalize();
    assertThat(example).exists();
    Cli.Result r = cli.run("match", "--patient", example.toString(), "--all", "--as-of", "2026-12-01");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).contains("Patient example").contains("NCT03364764")
        .contains("Acquired pure red cell aplasia (active, since 2025-03-10)");
  }

  @Test
  void matchExplainsEachTrialAndTheJsonCarriesTheContract() throws IOException {
    Path patient = patient("aplastic-anemia-on-cyclosporine.json");
    Cli.Result text = cli.run("match", "--patient", patient.toString(), "--as-of", "2026-11-23");
    assertThat(text.exitCode()).isZero();
    assertThat(text.out()).contains("Patient p1", "NCT06802055");
    // one trial's report is shorter than the output buffer: it arrived only once the output was flushed at exit
    Cli.Result one = cli.run("match", "--patient", patient.toString(), "--trial", "NCT06802055", "--as-of",
        "2026-11-23");
    assertThat(one.out()).contains("Patient p1", "NCT06802055");
    Cli.Result json = cli.run("match", "--patient", patient.toString(), "--trial", "NCT06802055", "--as-of",
        "2026-11-23", "--json");
    JsonNode root = JSON.readTree(json.out());
    assertThat(root.get("asOf").asText()).isEqualTo("2026-11-23");
    assertThat(root.get("patient").asText()).isEqualTo("p1");
    JsonNode result = root.get("results").get(0);
    assertThat(result.get("trialId").asText()).isEqualTo("NCT06802055");
    assertThat(result.get("verdict").asText()).isIn("ELIGIBLE", "NEEDS_INFO", "INELIGIBLE");
    JsonNode criterion = result.get("criteria").get(0);
    assertThat(criterion.has("type") && criterion.has("text") && criterion.has("status")
        && criterion.has("confirmAtScreening") && criterion.has("evidence") && criterion.has("question")).isTrue();
  }

  @Test
  void matchSaysSoWhenTheRecordSaysThePatientHasDied() throws IOException {
    Path patient = patient("aplastic-anemia-on-cyclosporine.json");
    JsonNode bundle = JSON.readTree(Files.readString(patient));
    for (JsonNode e : bundle.get("entry")) {
      if (e.get("resource").get("resourceType").asText().equals("Patient")) {
        ((com.fasterxml.jackson.databind.node.ObjectNode) e.get("resource")).put("deceasedDateTime", "2026-02-10");
      }
    }
    Path dead = home.resolve("deceased.json");
    Files.writeString(dead, bundle.toString());
    Cli.Result r = cli.run("match", "--patient", dead.toString(), "--as-of", "2026-11-23");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).contains("The record says the patient has died on 2026-02-10, so no trial is matched as of "
        + "2026-11-23.").doesNotContain("NCT06802055");
    assertThat(cli.run("match", "--patient", dead.toString(), "--as-of", "2026-01-10").out()).contains("NCT06802055");
  }

  @Test
  void matchRejectsUnreadableInputUnknownTrialsAndBadDatesWithExitCodeTwo() throws IOException {
    Path notJson = Files.writeString(home.resolve("not-fhir.json"), "this is not json");
    assertThat(cli.run("match", "--patient", notJson.toString()).exitCode()).isEqualTo(2);
    Path patient = patient("aplastic-anemia-on-cyclosporine.json");
    Cli.Result unknown = cli.run("match", "--patient", patient.toString(), "--trial", "NCT09999999");
    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.err()).contains("NCT09999999");
    assertThat(cli.run("match", "--patient", patient.toString(), "--as-of", "23/11/2026").exitCode()).isEqualTo(2);
    assertThat(cli.run("match", "--patient", home.resolve("absent.json").toString()).err()).contains("not found");
  }

  @Test
  void matchQuestionsQuoteTheRegistrySentenceAsItReadsOnOneLine() throws IOException {
    Path patient = home.resolve("bench-patient.json");
    try (var in = EligoCommandLineTest.class.getResourceAsStream("/org/eligo/cli/bench/patient.json")) {
      Files.write(patient, in.readAllBytes());
    }
    Cli.Result r = cli.run("match", "--patient", patient.toString(), "--trial", "NCT06287268", "--trial",
        "NCT04961710", "--as-of", "2026-01-15");
    assertThat(r.exitCode()).isZero();
    // NCT06287268 registers "aged ≥ 6 years and \\< 18 years"; NCT04961710 breaks a sentence over two lines
    assertThat(r.out()).contains("question: Does this apply? \u201cPatients aged \u2265 6 years and < 18 years")
        .doesNotContain("\\<")
        .contains("at the end-of-treatment examination of the HR-TPO-SAA-III study\u201d");
  }

  @Test
  void matchOnADirectoryNamesItInsteadOfSayingOnlyIsADirectory() {
    Cli.Result r = cli.run("match", "--patient", home.toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains(home.toString(), "directory");
  }

  @Test
  void matchingKeepsNothingAboutThePatientOnDisk() throws IOException {
    Path patient = patient("aplastic-anemia-on-cyclosporine.json");
    assertThat(Files.readString(patient)).contains("Zyxwvut");
    Cli.Result r = cli.run("match", "--patient", patient.toString(), "--all");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out() + r.err()).doesNotContain("Zyxwvut");
    try (Stream<Path> files = Files.walk(home.resolve("registry"))) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        assertThat(new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.ISO_8859_1)).as(f.toString())
            .doesNotContain("Zyxwvut");
      }
    }
  }

  private static Path patient(String name) throws IOException {
    Path target = home.resolve(name);
    try (var in = EligoCommandLineTest.class.getResourceAsStream("/patients/" + name)) {
      Files.write(target, in.readAllBytes());
    }
    return target;
  }

  private static JsonNode read(byte[] content) {
    try {
      return JSON.readTree(content);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void serveTakesATimeLimitAndRefusesOneItCannotRead() {
    assertThat(ServeCommand.duration("500ms")).isEqualTo(java.time.Duration.ofMillis(500));
    assertThat(ServeCommand.duration("2m")).isEqualTo(java.time.Duration.ofMinutes(2));
    assertThat(ServeCommand.duration("45")).isEqualTo(java.time.Duration.ofSeconds(45));
    assertThat(cli.run("serve", "--port", "0", "--timeout", "999999999m").exitCode()).isEqualTo(2);
    Cli.Result bad = cli.run("serve", "--port", "0", "--timeout", "soon");
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.err()).contains("--timeout takes a duration");
  }

  @Test
  void aMisspeltSearchSaysWhatItProbablyMeant() {
    Cli.Result typo = cli.run("search", "aplastik", "anemia");
    assertThat(typo.exitCode()).isZero();
    assertThat(typo.out()).startsWith("Did you mean: aplastic anemia?  (eligo search aplastic anemia)");
    assertThat(cli.run("search", "aplastic", "anemia").out()).doesNotContain("Did you mean");
  }

  @Test
  void searchFiltersPagesAndRefusesWhatItCannotMean() {
    Cli.Result men = cli.run("search", "--sex", "MALE", "--page-size", "50");
    assertThat(men.exitCode()).isZero();
    assertThat(men.out()).as("trials open to all admit men").contains("NCT06802055");
    Cli.Result first = cli.run("search", "anemia", "--page-size", "2");
    String token = first.out().lines().filter(l -> l.startsWith("More: add --page ")).findFirst().orElseThrow()
        .substring("More: add --page ".length());
    assertThat(token).doesNotContain("Optional");
    Cli.Result second = cli.run("search", "anemia", "--page-size", "2", "--page", token);
    assertThat(second.exitCode()).isZero();
    assertThat(second.out()).contains("trials found; showing 3-4");
    assertThat(second.out()).as("the second page numbers its trials on from the first page's")
        .containsPattern("(?m)^ 3\\. NCT").doesNotContainPattern("(?m)^ 1\\. NCT");
    assertThat(first.out()).containsPattern("(?m)^ 1\\. NCT").contains("; showing 1-2");
    Cli.Result otherSearch = cli.run("search", "sirolimus", "--page-size", "2", "--page", token);
    assertThat(otherSearch.exitCode()).isEqualTo(2);
    assertThat(otherSearch.err()).contains("another search");
    Cli.Result nowhere = cli.run("search", "--near", "Atlantis");
    assertThat(nowhere.exitCode()).isEqualTo(2);
    assertThat(nowhere.err()).contains("Atlantis");
    assertThat(cli.run("search", "--within", "10km").exitCode()).isEqualTo(2);
    Cli.Result badRadius = cli.run("search", "--near", "Beijing", "--within", ".km");
    assertThat(badRadius.exitCode()).isEqualTo(2);
    assertThat(badRadius.err()).contains("--within takes a distance");
    Cli.Result recent = cli.run("search", "--started-from", "2024", "--json");
    assertThat(recent.out()).contains("NCT06287268").doesNotContain("NCT05471050");
    Cli.Result snippets = cli.run("search", "Refractory/Intolerant");
    assertThat(snippets.out()).doesNotContain("&#x2F;");
  }

  @Test
  void searchFindsTheSeedTrialBySynonymsAndRelatedExplainsWhy() {
    Cli.Result search = cli.run("search", "rapamycin", "for", "red", "cell", "aplasia");
    assertThat(search.exitCode()).isZero();
    List<String> lines = search.out().lines().filter(l -> l.matches("\\s*\\d+\\. NCT.*")).limit(3).toList();
    assertThat(lines).anySatisfy(l -> assertThat(l).contains("NCT03364764"));
    Cli.Result related = cli.run("related", "NCT03364764");
    assertThat(related.exitCode()).isZero();
    assertThat(related.out()).contains("NCT");
  }

  @Test
  void relatedTakesTheSameLimitsAsTheApi() {
    Cli.Result tooMany = cli.run("related", "NCT03364764", "--limit", "51");
    assertThat(tooMany.exitCode()).isEqualTo(2);
    assertThat(tooMany.err()).contains("--limit must be 1 to 50, not 51");
    assertThat(cli.run("related", "NCT03364764", "--limit", "50").exitCode()).isZero();
    assertThat(cli.run("related", "--help").out()).contains("--limit=N").contains("1 to 50");
  }

  @Test
  void everyOptionInHelpNamesWhatItTakesAndSaysWhatItIs() {
    // picocli's default label is the field's name in angle brackets (--port=<port>), which says nothing
    java.util.Deque<picocli.CommandLine> todo = new java.util.ArrayDeque<>(
        List.of(new picocli.CommandLine(new EligoMain())));
    List<String> unclear = new java.util.ArrayList<>();
    while (!todo.isEmpty()) {
      picocli.CommandLine command = todo.pop();
      todo.addAll(command.getSubcommands().values());
      for (picocli.CommandLine.Model.OptionSpec o : command.getCommandSpec().options()) {
        if (o.usageHelp() || o.versionHelp()) continue;
        String name = command.getCommandSpec().qualifiedName() + " " + o.longestName();
        if (o.arity().max() > 0 && o.paramLabel().startsWith("<")) unclear.add(name + "=" + o.paramLabel());
        if (o.description().length == 0 || String.join("", o.description()).isBlank()) {
          unclear.add(name + " (no description)");
        }
      }
    }
    assertThat(unclear).isEmpty();
  }

  @Test
  void trialsShowRefusesAWidthItCannotWrapTo() {
    for (String width : List.of("0", "-3")) {
      Cli.Result r = cli.run("trials", "show", "NCT06802055", "--width", width);
      assertThat(r.exitCode()).as("--width " + width).isEqualTo(2);
      assertThat(r.err()).contains("--width").contains(width);
      assertThat(r.out()).isEmpty();
    }
    assertThat(cli.run("trials", "show", "NCT06802055", "--width", "60").exitCode()).isZero();
  }

  @Test
  void topLevelHelpNamesEveryEnvironmentVariableForTheDatabase() {
    String help = cli.run("--help").out();
    String environment = help.substring(help.indexOf("Environment:"));
    assertThat(environment).contains("ELIGO_DATA", "ELIGO_DB", "ELIGO_DB_URL", "ELIGO_DB_USER", "ELIGO_DB_PASSWORD");
  }
}
