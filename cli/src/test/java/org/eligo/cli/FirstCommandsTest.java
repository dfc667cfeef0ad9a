package org.eligo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands a new user types before reading --help, and what a command line that cannot be used prints. */
class FirstCommandsTest {
  @TempDir
  static Path home;

  static Cli cli;

  static Path example;

  @BeforeAll
  static void setUp() {
    cli = new Cli(home.resolve("registry"));
    example = Path.of(System.getProperty("user.dir")).resolve("../docs/examples/patient.json").normalize();
  }

  @Test
  void aPatientFileGivenAloneIsMatchedAsWithPatient() {
    Cli.Result alone = cli.run("match", example.toString(), "--all", "--as-of", "2026-12-01");
    assertThat(alone.exitCode()).as(alone.err()).isZero();
    assertThat(alone.out()).contains("Patient example").contains("NCT03364764");
    assertThat(alone.out()).isEqualTo(cli.run("match", "--patient", example.toString(), "--all", "--as-of",
        "2026-12-01").out());
  }

  @Test
  void matchWithoutAPatientSaysWhatToTypeFirst() {
    Cli.Result none = cli.run("match", "--all");
    assertThat(none.exitCode()).isEqualTo(2);
    String first = none.err().lines().findFirst().orElseThrow();
    assertThat(first).startsWith("eligo: ").contains("eligo match docs/examples/patient.json");
    Cli.Result two = cli.run("match", "--patient", example.toString(), home.resolve("other.json").toString());
    assertThat(two.exitCode()).isEqualTo(2);
    assertThat(two.err()).contains("two patient files");
  }

  @Test
  void aMistypedCommandGetsTheClosestCommandFirst() {
    for (String[] typo : new String[][] {{"serach", "eligo search"}, {"improt", "eligo import"},
        {"sreen", "eligo screen"}, {"version", "eligo --version"}, {"criterias", "eligo criteria"}}) {
      Cli.Result r = cli.run(typo[0], "aplastic");
      assertThat(r.exitCode()).as(typo[0]).isEqualTo(2);
      assertThat(r.err()).as(typo[0]).startsWith("eligo: '" + typo[0] + "' is not an eligo command")
          .contains("Did you mean: " + typo[1] + "?");
    }
    Cli.Result help = cli.run("help", "serach");
    assertThat(help.exitCode()).isEqualTo(2);
    assertThat(help.err()).contains("Did you mean: eligo search?");
    Cli.Result sub = cli.run("trials", "shwo", "NCT02979873");
    assertThat(sub.err()).contains("Did you mean: eligo trials show?");
    Cli.Result far = cli.run("frobnicate");
    assertThat(far.err()).doesNotContain("Did you mean").contains("Commands: import, export, trials");
  }

  @Test
  void aCommandLineThatCannotBeUsedShowsTheProblemTheSynopsisAndTheExamplesNotEveryOption() {
    for (String[] args : new String[][] {{"trials", "list", "--status", "recruting"}, {"match", "--patients", "x"},
        {"screen", "/tmp/population"}, {"serve", "--port", "abc"}, {"criteria"}}) {
      Cli.Result r = cli.run(args);
      String command = String.join(" ", args);
      assertThat(r.exitCode()).as(command).isEqualTo(2);
      assertThat(r.err()).as(command).startsWith("eligo: ").contains("Usage: eligo ").contains("Example")
          .contains("--help")
          // the whole option list buried the problem: the --data option's description is in every one of them
          .doesNotContain("Several registries can live side by side");
    }
    Cli.Result stray = cli.run("screen", "/tmp/population");
    assertThat(stray.err()).contains("'/tmp/population' was not expected here")
        .contains("eligo screen --input /tmp/pop --output /tmp/screened").doesNotContain("index");
    assertThat(cli.run("match", "--patients", "x").err()).contains("--patient");
  }

  @Test
  void aDataOptionThatNamesAFileSaysSoAndWhatToGive() throws IOException {
    Path file = Files.writeString(home.resolve("notes.txt"), "x");
    for (Path data : new Path[] {file, file.resolve("registry")}) {
      Cli.Result r = new Cli(data).run("trials", "list");
      assertThat(r.exitCode()).isEqualTo(2);
      assertThat(r.err()).startsWith("eligo: --data " + data).contains(file + " is a file, not a directory")
          .doesNotContain("FileSystemException");
    }
  }

  @Test
  void fixedValuesAreReadAsWrittenAndAWrongOneGetsTheClosest() {
    // the registry's display form, with spaces or hyphens, and several in one value
    Cli.Result notYet = cli.run("trials", "list", "--status", "not yet recruiting");
    assertThat(notYet.exitCode()).as(notYet.err()).isZero();
    assertThat(notYet.out()).contains("NCT07229235").doesNotContain("NCT06802055");
    Cli.Result both = cli.run("trials", "list", "--status", "Recruiting,not-yet-recruiting");
    assertThat(both.exitCode()).as(both.err()).isZero();
    assertThat(both.out()).contains("NCT07229235", "NCT06802055").doesNotContain("NCT03364764");
    Cli.Result copied = cli.run("search", "sirolimus", "--status", "Active, not recruiting,completed");
    assertThat(copied.exitCode()).as(copied.err()).isZero();
    assertThat(copied.out()).contains("NCT03364764").doesNotContain("NCT06802055");
    // a value that is none of them: the closest first
    for (String[] wrong : new String[][] {{"trials", "list", "--status", "recruting", "RECRUITING"},
        {"search", "sirolimus", "--phase", "2", "PHASE2"}, {"search", "x", "--sponsor-class", "industy", "INDUSTRY"}}) {
      Cli.Result r = cli.run(java.util.Arrays.copyOf(wrong, 4));
      assertThat(r.exitCode()).as(wrong[3]).isEqualTo(2);
      assertThat(r.err()).as(wrong[3]).contains("'" + wrong[3] + "' is not one of the values (did you mean " + wrong[4]
          + "?)");
    }
  }

  @Test
  void aPhaseIsReadInTheFormsTheRegistryAndPeopleWriteAndAWrongOneListsTheValues() {
    // each form beside the value it means: the same trials as the value itself
    for (String[] form : new String[][] {{"Not Applicable", "NA"}, {"N/A", "NA"}, {"not-applicable", "NA"},
        {"Phase II", "PHASE2"}, {"phase iii", "PHASE3"}, {"Early Phase I", "EARLY_PHASE1"},
        {"Phase 0", "EARLY_PHASE1"}, {"Phase 1/Phase 2", "PHASE1,PHASE2"}, {"PHASE1|PHASE2", "PHASE1,PHASE2"},
        {"phase 2/phase 3", "PHASE2,PHASE3"},
        // one word "Phase" before both numbers, as people and papers write a combined phase (was refused)
        {"Phase 1/2", "PHASE1,PHASE2"}, {"Phase I/II", "PHASE1,PHASE2"}, {"phase 2 / 3", "PHASE2,PHASE3"},
        {"Phase 3/4, Not Applicable", "PHASE3,PHASE4,NA"}}) {
      Cli.Result r = cli.run("search", "--phase", form[0], "--page-size", "50");
      assertThat(r.exitCode()).as(form[0] + ": " + r.err()).isZero();
      assertThat(r.out()).as(form[0]).isEqualTo(cli.run("search", "--phase", form[1], "--page-size", "50").out());
    }
    assertThat(cli.run("search", "--phase", "Phase 1/Phase 2", "--page-size", "50").out())
        .as("both phases, not the first alone").isNotEqualTo(cli.run("search", "--phase", "PHASE1").out());
    for (String wrong : new String[] {"Phase V", "pilot", "Phase 1/5", "1/2"}) {
      Cli.Result r = cli.run("search", "--phase", wrong);
      assertThat(r.exitCode()).as(wrong).isEqualTo(2);
      assertThat(r.err()).as(wrong).contains("NA, EARLY_PHASE1, PHASE1, PHASE2, PHASE3, PHASE4");
    }
    assertThat(cli.run("search", "--help").out()).contains("Not", "Applicable", "Phase 1/Phase 2", "Phase 1/2");
  }

  @Test
  void aPhaseIsReadAsTheRegistryDisplaysIt() {
    // ClinicalTrials.gov shows "Phase 2", "Phase 3", "Early Phase 1": the value is PHASE2, PHASE3, EARLY_PHASE1
    String phase2 = cli.run("search", "--phase", "PHASE2").out();
    assertThat(phase2).contains("7 trials found");
    for (String written : new String[] {"Phase 2", "phase-2", "phase_2", " PHASE 2 "}) {
      Cli.Result r = cli.run("search", "--phase", written);
      assertThat(r.exitCode()).as(written + ": " + r.err()).isZero();
      assertThat(r.out()).as(written).isEqualTo(phase2);
    }
    Cli.Result two = cli.run("search", "--phase", "Phase 2,Phase 3");
    assertThat(two.exitCode()).as(two.err()).isZero();
    assertThat(two.out()).isEqualTo(cli.run("search", "--phase", "PHASE2", "--phase", "PHASE3").out());
    Cli.Result early = cli.run("search", "--phase", "Early Phase 1");
    assertThat(early.exitCode()).as(early.err()).isZero();
  }

  @Test
  void severalTrialsInOneValueAreReadAsSeveral() throws IOException {
    // as --status takes "recruiting,completed": a comma between NCT IDs, with or without a space
    Cli.Result shown = cli.run("trials", "show", "NCT02979873,NCT03364764");
    assertThat(shown.exitCode()).as(shown.err()).isZero();
    assertThat(shown.out()).contains("NCT02979873", "NCT03364764");
    Cli.Result criteria = cli.run("criteria", "NCT02979873, NCT03364764");
    assertThat(criteria.exitCode()).as(criteria.err()).isZero();
    assertThat(criteria.out()).isEqualTo(cli.run("criteria", "NCT02979873", "NCT03364764").out());
    Cli.Result matched = cli.run("match", example.toString(), "--trial", "NCT02979873,NCT03364764", "--as-of",
        "2026-12-01");
    assertThat(matched.exitCode()).as(matched.err()).isZero();
    assertThat(matched.out()).contains("2 trials checked", "NCT02979873", "NCT03364764");
    Path out = home.resolve("exported-list");
    Cli.Result exported = cli.run("export", "NCT02979873,NCT03364764", "--out", out.toString());
    assertThat(exported.exitCode()).as(exported.err()).isZero();
    assertThat(out.resolve("NCT02979873.json")).exists();
    assertThat(out.resolve("NCT03364764.json")).exists();
  }

  @Test
  void anExportOfNothingFoundSaysSoWithoutExportingNothing() {
    Path out = home.resolve("exported-none");
    Cli.Result r = cli.run("export", "NCT09999999", "--out", out.toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("NCT09999999 is not in the registry");
    assertThat(r.out()).doesNotContain("Exported");
    assertThat(out).doesNotExist();
    // one found, one not: the one found is exported and said so
    Cli.Result some = cli.run("export", "NCT09999999", "NCT02979873", "--out", out.toString());
    assertThat(some.exitCode()).isEqualTo(2);
    assertThat(some.out()).contains("Exported 1 study");
  }

  @Test
  void anImportFileThatIsNotThereIsNamedWithoutAJsonPath() {
    Path missing = home.resolve("no-such-studies.json");
    Cli.Result r = cli.run("import", missing.toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("rejected: " + missing + ": input does not exist").doesNotContain(" $");
  }

  @Test
  void aSearchThatFindsNothingMentionsFiltersOnlyWhenThereAreSome() {
    Cli.Result plain = cli.run("search", "zqxwv");
    assertThat(plain.exitCode()).isZero();
    assertThat(plain.out()).startsWith("No trials found").contains("another spelling").doesNotContain("filter");
    Cli.Result filtered = cli.run("search", "zqxwv", "--open");
    assertThat(filtered.out()).startsWith("No trials found").contains("without filters");
    assertThat(cli.run("search", "zqxwv", "--phase", "PHASE2").out()).contains("without filters");
  }

  @Test
  void aPatientOnStandardInputThatCannotBeReadIsCalledSoAndNotEchoed() {
    java.io.InputStream stdin = System.in;
    for (String bundle : new String[] {"[\"Zebedee Quixote\"]", "{\"resourceType\": \"Bundle\", \"entry\": [{\"resource\""
        + ": {\"resourceType\": \"Patient\", \"name\": [{\"family\": \"Quixote\", \"given\": [\"Zebedee\"]}]"}) {
      Cli.Result r;
      try {
        System.setIn(new java.io.ByteArrayInputStream(bundle.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        r = cli.run("match", "-");
      } finally {
        System.setIn(stdin);
      }
      assertThat(r.exitCode()).isEqualTo(2);
      // was "cannot read the patient file -: ...", a file no one named
      assertThat(r.err()).startsWith("eligo: cannot read the patient on standard input: ")
          .doesNotContain("file -").doesNotContain("Zebedee").doesNotContain("Quixote");
    }
  }

  @Test
  void aMistypedOptionGetsTheClosestOptionAloneAndItsValueIsNotCalledAnOption() {
    // {command line..., the option typed, the command, the one suggestion}
    for (String[] typo : new String[][] {{"serve", "--prot", "8080", "--prot", "eligo serve", "--port"},
        {"search", "aplastic", "--stauts", "recruiting", "--stauts", "eligo search", "--status"},
        {"match", "p.json", "--trail=NCT02979873", "--trail", "eligo match", "--trial"},
        {"trials", "list", "--conditon", "ITP", "--conditon", "eligo trials list", "--condition"},
        {"screen", "-input", "/tmp/pop", "-input", "eligo screen", "--input"}}) {
      String[] args = java.util.Arrays.copyOf(typo, typo.length - 3);
      Cli.Result r = cli.run(args);
      String shown = String.join(" ", args);
      assertThat(r.exitCode()).as(shown).isEqualTo(2);
      assertThat(r.err()).as(shown).startsWith("eligo: '" + typo[typo.length - 3] + "' is not an option of '"
          + typo[typo.length - 2] + "'.\nDid you mean: " + typo[typo.length - 1] + "?\n")
          .doesNotContain("Unknown option").doesNotContain("Possible solutions");
    }
    // every command has --help, only the top one a help command
    Cli.Result help = cli.run("trials", "help");
    assertThat(help.exitCode()).isEqualTo(2);
    assertThat(help.err()).contains("Did you mean: eligo trials --help?");
  }

  @Test
  void helpWalksEveryWordAndAMistypedOneGetsTheCommandsThatExistAndTheClosest() {
    // {words after 'help', the level the typo is at, the suggestion, a command that level has}
    for (String[] typo : new String[][] {{"trials lsit", "eligo trials", "eligo trials list", "show"},
        {"users tokns", "eligo users", "eligo users tokens", "list"},
        {"generate popluation", "eligo generate", "eligo generate population", "trials"},
        {"users tokens craete", "eligo users tokens", "eligo users tokens create", "create"}}) {
      Cli.Result r = cli.run(("help " + typo[0]).split(" "));
      String word = typo[0].substring(typo[0].lastIndexOf(' ') + 1);
      assertThat(r.exitCode()).as(typo[0]).isEqualTo(2);
      assertThat(r.out()).as(typo[0]).isEmpty();
      assertThat(r.err()).as(typo[0]).startsWith("eligo: '" + word + "' is not a command of '" + typo[1] + "'.")
          .contains("Did you mean: " + typo[2] + "?").containsPattern("Commands: .*" + typo[3]);
    }
    // each word names a command one level further down: the help shown is the last one's
    Cli.Result list = cli.run("help", "trials", "list");
    assertThat(list.exitCode()).isZero();
    assertThat(list.out()).startsWith("Usage: eligo trials list").contains("--status");
    Cli.Result deeper = cli.run("help", "trials", "list", "extra");
    assertThat(deeper.exitCode()).isEqualTo(2);
    assertThat(deeper.err()).startsWith("eligo: 'eligo trials list' has no commands; 'extra' is not one of them.");
  }

  @Test
  void nearTakesACityWithItsCountryAndRefusesAPlaceItCannotFindSayingWhatItTakes() {
    // the city with its country, as people write it: the same trials as the city alone
    for (String[] place : new String[][] {{"aplastic", "Beijing, China", "Beijing"}, {"sirolimus", "beijing,china",
        "Beijing"}, {"Revolade", "Nagoya, Japan", "Nagoya"}}) {
      Cli.Result r = cli.run("search", place[0], "--near", place[1], "--within", "500km");
      assertThat(r.exitCode()).as(place[1] + ": " + r.err()).isZero();
      assertThat(r.out()).as(place[1]).doesNotContain("No trials found")
          .isEqualTo(cli.run("search", place[0], "--near", place[2], "--within", "500km").out());
    }
    // a city in another country, or a place no site is in: refused with the forms --near takes, never everywhere
    for (String place : new String[] {"Beijing, Japan", "Paris", "Boston, MA"}) {
      Cli.Result r = cli.run("search", "aplastic", "--near", place);
      assertThat(r.exitCode()).as(place).isEqualTo(2);
      assertThat(r.out()).as(place).isEmpty();
      assertThat(r.err()).as(place).startsWith("eligo: no site in the registry is in a place called '" + place + "'")
          .contains("--near Beijing", "--near \"Beijing, China\"", "--near 39.9,116.4");
    }
    assertThat(cli.run("search", "--help").out()).contains("\"Beijing, China\"", "39.9,116.4");
  }

  @Test
  void aSearchWithAPlaceThatFindsNothingSaysWhetherTheWordsOrThePlaceFoundNothing() {
    for (String[] words : new String[][] {{"zqxv"}, {"aspirin", "for", "gout"}, {"NCT09999999"}}) {
      List<String> args = new java.util.ArrayList<>(List.of("search"));
      args.addAll(List.of(words));
      args.addAll(List.of("--near", "Beijing"));
      Cli.Result r = cli.run(args.toArray(String[]::new));
      assertThat(r.exitCode()).isZero();
      assertThat(r.out()).as(words[0]).startsWith("No trials found: the words find nothing, near 'Beijing' or "
          + "anywhere else, so a larger --within will not help.");
    }
    // words that find trials elsewhere (Revolade in Japan, iptacopan in Italy): the place found nothing
    for (String[] place : new String[][] {{"Revolade", "Beijing", "10km"}, {"iptacopan", "48.85,2.35", "100km"},
        {"Revolade", "39.9, 116.4", "50mi"}}) {
      Cli.Result r = cli.run("search", place[0], "--near", place[1], "--within", place[2]);
      assertThat(r.exitCode()).as(place[0] + ": " + r.err()).isZero();
      assertThat(r.out()).as(place[0]).containsPattern("^No trials found within " + java.util.regex.Pattern.quote(
          place[2] + " of '" + place[1] + "'; ") + "\\d+ trials? match(es)? elsewhere: the place found nothing\\. Try "
          + "no --near\\.");
    }
    // a larger --within is offered at the smallest distance that finds a trial, never one that finds nothing again
    // (Revolade's site in Nagoya has no coordinates: no distance from Beijing reaches it)
    for (String[] place : new String[][] {{"aplastic", "38.9,116.4", "10km"}, {"sirolimus", "39.0, 117.0", "25mi"},
        {"PRCA", "38.9,116.4", "50km"}}) {
      Cli.Result r = cli.run("search", place[0], "--near", place[1], "--within", place[2]);
      assertThat(r.out()).as(place[0]).contains("the place found nothing. Try --within 250km, which finds trials, or "
          + "no --near.");
      assertThat(cli.run("search", place[0], "--near", place[1], "--within", "250km").out()).as(place[0])
          .doesNotContain("No trials found");
      assertThat(cli.run("search", place[0], "--near", place[1], "--within", "100km").out()).as(place[0])
          .startsWith("No trials found");
    }
  }

  @Test
  void aSearchWithAPlaceWhoseFiltersFindNothingAnywhereSaysSoNotThatTheWordsFoundNothing() {
    // the words find trials; the filter leaves none, near the place or anywhere: neither other words nor a larger
    // --within would help (it said "the words find nothing" and "Try fewer words, another spelling")
    for (String[] args : new String[][] {{"search", "aplastic", "--phase", "Not Applicable", "--near", "Beijing"},
        {"search", "sirolimus", "--status", "withdrawn", "--near", "Beijing, China"},
        {"search", "eltrombopag", "--study-type", "expanded access", "--near", "39.9,116.4", "--within", "50km"}}) {
      Cli.Result r = cli.run(args);
      assertThat(r.exitCode()).as(args[1] + ": " + r.err()).isZero();
      assertThat(r.out()).as(args[1]).containsPattern("^No trials found: the words find \\d+ trials?, but none with "
          + "these filters, near '[^']+' or anywhere else, so a larger --within will not help\\. Try fewer filters\\.")
          .doesNotContain("the words find nothing");
    }
    // no words: the filters alone find nothing anywhere, so a larger --within is not the advice
    Cli.Result filters = cli.run("search", "--phase", "NA", "--near", "Beijing");
    assertThat(filters.out()).startsWith("No trials found: no trial has these filters, near 'Beijing' or anywhere else")
        .doesNotContain("Try a larger --within");
    // words that find nothing at all are still the words' fault, filters or not
    assertThat(cli.run("search", "zqxv", "--phase", "NA", "--near", "Beijing").out())
        .startsWith("No trials found: the words find nothing");
  }

  @Test
  void aCountryOrNothingGivenAsThePlaceIsRefusedSayingWhatToGive() {
    // a country is no point to measure from: refused as before, now naming the option that takes it
    for (String[] country : new String[][] {{"aplastic", "China"}, {"Revolade", "japan"}, {"sirolimus", "CHINA"}}) {
      Cli.Result r = cli.run("search", country[0], "--near", country[1]);
      assertThat(r.exitCode()).as(country[1]).isEqualTo(2);
      assertThat(r.err()).as(country[1]).startsWith("eligo: '" + country[1] + "' is a country: --country \""
          + country[1] + "\" finds the trials with a site in it.").contains("--near Beijing");
      Cli.Result byCountry = cli.run("search", country[0], "--country", country[1]);
      assertThat(byCountry.exitCode()).isZero();
      assertThat(byCountry.out()).as(country[1]).doesNotContain("No trials found");
    }
    assertThat(cli.run("search", "aplastic", "--near", "Atlantis").err()).doesNotContain("is a country");
    // an empty place said "city name is blank"
    for (String blank : new String[] {"", "  "}) {
      Cli.Result r = cli.run("search", "aplastic", "--near", blank);
      assertThat(r.exitCode()).isEqualTo(2);
      assertThat(r.err()).startsWith("eligo: --near is empty: give a city").contains("--near 39.9,116.4");
    }
  }

  @Test
  void aCommandOneLevelDownTypedAloneGetsItsFullName() {
    for (String[] typo : new String[][] {{"show", "NCT02979873", "eligo trials show"},
        {"population", "--patients", "eligo generate population"}, {"tokens", "x", "eligo users tokens"}}) {
      Cli.Result r = cli.run(typo[0], typo[1]);
      assertThat(r.exitCode()).as(typo[0]).isEqualTo(2);
      assertThat(r.err()).as(typo[0]).contains("Did you mean: " + typo[2] + "?");
    }
    // a name two commands share: both
    assertThat(cli.run("list").err()).contains("Did you mean: eligo trials list or eligo users list?");
  }
}
