package org.eligo.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.eligo.registry.imports.ImportListener;
import org.eligo.registry.imports.ImportReport;
import org.eligo.store.trial.StatusChange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The import pipeline end to end on the embedded database: what a user sees from {@code eligo import}. */
class RegistryImportTest {
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  Registry registry;

  @BeforeEach
  void open() {
    registry = Registry.open(RegistryConfig.embedded(dir.resolve("data")));
  }

  @AfterEach
  void close() {
    registry.close();
  }

  @Test
  void theBundledRegistryLoadsOnFirstStartAndEveryStudyExportsJsonEqual() throws IOException {
    List<BundledRegistry.BundledFile> bundled = BundledRegistry.studies();
    assertThat(bundled).extracting(BundledRegistry.BundledFile::name)
        .contains("NCT02979873.json", "NCT06802055.json", "NCT03364764.json", "NCT04324411.json")
        .hasSizeGreaterThanOrEqualTo(14);
    assertThat(registry.trials().count()).isEqualTo(bundled.size());
    for (BundledRegistry.BundledFile f : bundled) {
      JsonNode original = JSON.readTree(f.content());
      String nct = original.at("/protocolSection/identificationModule/nctId").asText();
      assertThat(JSON.readTree(registry.document(nct).orElseThrow())).as(nct).isEqualTo(original);
    }
    assertThat(registry.evidence().allEvidence()).isNotEmpty();
  }

  @Test
  void reopeningDoesNotLoadTheBundleAgain() {
    int runs = registry.importRuns().importRuns(100).size();
    registry.close();
    registry = Registry.open(RegistryConfig.embedded(dir.resolve("data")));
    assertThat(registry.importRuns().importRuns(100)).hasSize(runs);
  }

  @Test
  void reimportingTheSameStudiesChangesNothing() throws IOException {
    Path study = write("a.json", study("NCT01000001", "RECRUITING", "2025-01-10"));
    assertThat(registry.importPaths(List.of(study), ImportListener.NONE).inserted()).isEqualTo(1);
    ImportReport again = registry.importPaths(List.of(study), ImportListener.NONE);
    assertThat(again.unchanged()).isEqualTo(1);
    assertThat(again.inserted() + again.updated()).isZero();
    assertThat(again.exitCode()).isZero();
  }

  @Test
  void anOlderVersionNeverOverwritesANewerOneAndStatusChangesAreKept() throws IOException {
    registry.importPaths(List.of(write("v2.json", study("NCT01000002", "ACTIVE_NOT_RECRUITING", "2025-06-01"))),
        ImportListener.NONE);
    ImportReport older = registry.importPaths(List.of(write("v1.json", study("NCT01000002", "RECRUITING",
        "2025-01-01"))), ImportListener.NONE);
    assertThat(older.skippedOlder()).isEqualTo(1);
    assertThat(older.olderThanStored()).singleElement().asString().startsWith("NCT01000002 in ").endsWith("v1.json");
    assertThat(registry.trial("NCT01000002").orElseThrow().overallStatus().name()).isEqualTo("ACTIVE_NOT_RECRUITING");
    registry.importPaths(List.of(write("v3.json", study("NCT01000002", "COMPLETED", "2025-09-01"))),
        ImportListener.NONE);
    List<StatusChange> history = registry.trials().statusHistory("NCT01000002");
    assertThat(history).filteredOn(c -> c.siteKey() == null).extracting(StatusChange::status)
        .containsExactly("ACTIVE_NOT_RECRUITING", "COMPLETED");
    assertThat(history).filteredOn(c -> c.siteKey() != null).extracting(StatusChange::siteKey, StatusChange::status)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("Site A|Beijing|China", "ACTIVE_NOT_RECRUITING"),
            org.assertj.core.groups.Tuple.tuple("Site A|Beijing|China", "COMPLETED"));
  }

  @Test
  void malformedRecordsAreReportedWhileTheRestImports() throws IOException {
    Path folder = Files.createDirectories(dir.resolve("mixed"));
    Files.writeString(folder.resolve("good.json"), study("NCT01000003", "RECRUITING", "2025-01-01"));
    Files.writeString(folder.resolve("truncated.json"), study("NCT01000004", "RECRUITING", "2025-01-01")
        .substring(0, 80));
    ObjectNode wrongType = (ObjectNode) JSON.readTree(study("NCT01000005", "RECRUITING", "2025-01-01"));
    ((ObjectNode) wrongType.at("/protocolSection/conditionsModule")).put("conditions", "not a list");
    Files.writeString(folder.resolve("wrong-type.json"), wrongType.toString());
    Files.writeString(folder.resolve("bad-enum.json"), study("NCT01000006", "RECRUTING", "2025-01-01"));
    ObjectNode noId = (ObjectNode) JSON.readTree(study("NCT01000007", "RECRUITING", "2025-01-01"));
    ((ObjectNode) noId.at("/protocolSection/identificationModule")).remove("nctId");
    Files.writeString(folder.resolve("no-id.json"), noId.toString());

    ImportReport report = registry.importPaths(List.of(folder), ImportListener.NONE);

    assertThat(report.inserted()).isEqualTo(1);
    assertThat(report.rejected()).isEqualTo(4);
    assertThat(report.exitCode()).isEqualTo(1);
    assertThat(report.problems()).anySatisfy(p -> {
      assertThat(p.file()).endsWith("bad-enum.json");
      assertThat(p.jsonPath()).isEqualTo("$.protocolSection.statusModule.overallStatus");
      assertThat(p.reason()).contains("RECRUTING");
    });
    assertThat(report.problems()).anySatisfy(p -> {
      assertThat(p.file()).endsWith("wrong-type.json");
      assertThat(p.jsonPath()).isEqualTo("$.protocolSection.conditionsModule.conditions");
    });
    assertThat(report.problems()).anySatisfy(p -> assertThat(p.file()).endsWith("truncated.json"));
    assertThat(report.problems()).anySatisfy(p -> {
      assertThat(p.file()).endsWith("no-id.json");
      assertThat(p.reason()).containsIgnoringCase("nctId");
    });
    assertThat(registry.trial("NCT01000003")).isPresent();
  }

  @Test
  void aCorruptZipEntryIsReportedAndTheOtherEntriesImport() throws IOException {
    Path zip = dir.resolve("ctg-studies.zip");
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
      entry(out, "ctg-studies/NCT01000008.json", study("NCT01000008", "RECRUITING", "2025-01-01"));
      entry(out, "ctg-studies/NCT01000009.json", "{\"protocolSection\": {\"identificationModule\": ");
      entry(out, "ctg-studies/NCT01000010.json", study("NCT01000010", "COMPLETED", "2025-01-01"));
    }
    ImportReport report = registry.importPaths(List.of(zip), ImportListener.NONE);
    assertThat(report.inserted()).isEqualTo(2);
    assertThat(report.rejected()).isEqualTo(1);
    assertThat(report.problems().getFirst().file()).contains("NCT01000009.json");
  }

  @Test
  void anUnusableInputIsExitCodeTwoAndOtherInputsStillImport() throws IOException {
    Path good = write("good.json", study("NCT01000011", "RECRUITING", "2025-01-01"));
    Path text = Files.writeString(dir.resolve("notes.txt"), "hello");
    ImportReport report = registry.importPaths(List.of(dir.resolve("missing.json"), text, good), ImportListener.NONE);
    assertThat(report.unusableInputs()).isEqualTo(2);
    assertThat(report.inserted()).isEqualTo(1);
    assertThat(report.exitCode()).isEqualTo(2);
    assertThat(report.problems()).extracting(p -> p.reason()).anySatisfy(r -> assertThat(r).contains("does not exist"));
  }

  @Test
  void theSameStudyFromAFileAndFromAnApiPageIsUnchanged() throws IOException {
    ObjectNode study = (ObjectNode) JSON.readTree(study("NCT01000031", "RECRUITING", "2025-01-01"));
    study.putObject("derivedSection").put("written", "PLACEHOLDER").put("ratio", 1.5);
    // as a registry may write it: a decimal with a trailing zero, a character escaped
    String file = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(study).replace("1.5", "1.50")
        .replace("PLACEHOLDER", "Caf\\u00e9");
    String page = "{\"studies\": [\n" + file + "\n], \"nextPageToken\": \"abc\"}";
    assertThat(registry.importPaths(List.of(write("a.json", file)), ImportListener.NONE).inserted()).isEqualTo(1);
    String stored = registry.document("NCT01000031").orElseThrow();

    ImportReport fromPage = registry.importPaths(List.of(write("page.json", page)), ImportListener.NONE);

    assertThat(fromPage.unchanged()).as(fromPage.summary()).isEqualTo(1);
    assertThat(registry.document("NCT01000031").orElseThrow()).isEqualTo(stored).contains("1.50", "Caf\\u00e9");
  }

  @Test
  void anApiPageImportsEveryStudyAndUnknownFieldsAreKept() throws IOException {
    ObjectNode withExtra = (ObjectNode) JSON.readTree(study("NCT01000012", "RECRUITING", "2025-01-01"));
    withExtra.putObject("resultsSection").put("someFutureField", 42);
    String page = "{\"studies\": [" + withExtra + "," + study("NCT01000013", "RECRUITING", "2025-01-01")
        + "], \"nextPageToken\": \"abc\"}";
    ImportReport report = registry.importPaths(List.of(write("page.json", page)), ImportListener.NONE);
    assertThat(report.inserted()).isEqualTo(2);
    assertThat(JSON.readTree(registry.document("NCT01000012").orElseThrow())).isEqualTo(withExtra);
  }

  @Test
  void aStudyFileIsStoredAsWrittenAndSearchableOnceTheImportReturns() throws IOException {
    ObjectNode study = (ObjectNode) JSON.readTree(study("NCT01000021", "RECRUITING", "2025-01-01"));
    study.putObject("derivedSection").put("futureFieldWithADecimal", 1.5);
    // pretty-printed, with a decimal as a person may write it: stored as read, only the white space goes
    String pretty = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(study).replace("1.5", "1.50");

    ImportReport report = registry.importPaths(List.of(write("pretty.json", pretty)), ImportListener.NONE);

    assertThat(report.inserted()).isEqualTo(1);
    assertThat(report.searchIndexMillis()).isPositive();
    assertThat(report.summary()).contains("search index updated in");
    String stored = registry.document("NCT01000021").orElseThrow();
    assertThat(stored).contains("\"futureFieldWithADecimal\":1.50").doesNotContain("\n").doesNotContain(" : ");
    assertThat(JSON.readTree(stored)).isEqualTo(JSON.readTree(pretty));
    assertThat(registry.search().search(org.eligo.search.TrialQuery.text("NCT01000021")).hits()).isNotEmpty();
  }

  @Test
  void studiesStoredBeforeAnImportFailsAreSearchable() throws IOException {
    Path folder = Files.createDirectories(dir.resolve("batch"));
    for (int i = 0; i < org.eligo.registry.imports.ImportService.BATCH; i++) { // one whole stored batch
      String nct = String.format("NCT02%06d", i);
      Files.writeString(folder.resolve(nct + ".json"), study(nct, "RECRUITING", "2025-01-01"));
    }
    // its name is the origin stored with the study, longer than the store takes: storing the last batch fails
    Path tooLong = write("x".repeat(210) + ".json", study("NCT02999999", "RECRUITING", "2025-01-01"));

    org.assertj.core.api.Assertions.assertThatThrownBy(
        () -> registry.importPaths(List.of(folder, tooLong), ImportListener.NONE)).isInstanceOf(RuntimeException.class);

    assertThat(registry.trials().find("NCT02000007")).as("stored by the first batch").isPresent();
    assertThat(registry.search().search(org.eligo.search.TrialQuery.text("NCT02000007")).hits())
        .as("a stored study is searchable").isNotEmpty();
  }

  private Path write(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content);
  }

  private static void entry(ZipOutputStream out, String name, String content) throws IOException {
    out.putNextEntry(new ZipEntry(name));
    OutputStream o = out;
    o.write(content.getBytes(StandardCharsets.UTF_8));
    out.closeEntry();
  }

  static String study(String nctId, String status, String lastUpdate) {
    return """
        {"protocolSection": {
          "identificationModule": {"nctId": "%s", "briefTitle": "Study %s"},
          "statusModule": {"overallStatus": "%s", "lastUpdatePostDateStruct": {"date": "%s", "type": "ACTUAL"}},
          "conditionsModule": {"conditions": ["Aplastic Anemia"]},
          "contactsLocationsModule": {"locations": [{"facility": "Site A", "city": "Beijing", "country": "China",
            "status": "%s"}]}
        }, "hasResults": false}""".formatted(nctId, nctId, status, lastUpdate, status);
  }
}
