package org.eligo.screening;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eligo.core.eval.EvaluationContext;
import org.eligo.core.eval.PatientIndex;
import org.eligo.core.eval.RuleEvaluator;
import org.eligo.core.match.MatchCandidate;
import org.eligo.core.patient.PatientFacts;
import org.eligo.core.rule.Criterion;
import org.eligo.core.rule.CriterionType;
import org.eligo.screening.bulk.BucketRecord;
import org.eligo.screening.bulk.BulkFile;
import org.eligo.screening.bulk.BulkFiles;
import org.eligo.screening.bulk.PatientLines;
import org.eligo.screening.read.PatientRecordReader;
import org.eligo.screening.sql.SqlEngine;
import org.eligo.screening.sql.SqlPopulationExport;
import org.eligo.screening.sql.SqlRuleCompiler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Eligo, DuckDB and PostgreSQL agree on every patient's MET/NOT_MET/UNKNOWN for every criterion of the seed trials,
 * and on the verdict. Where SQL cannot express a part of a rule (continuous treatment across periods) both sides see
 * it as UNKNOWN ({@link SqlRuleCompiler#sqlView}).
 */
class SqlPeersTest {
  @TempDir
  Path tmp;

  @Test
  void allThreeEnginesAgreeOnEveryCriterionOfEveryPatient() throws Exception {
    Path input = Populations.generate(tmp.resolve("in"), 3000, 77);
    addTransplantStatusEntries(input);
    addPartialDates(input);
    addBoundedResults(input);
    Path csv = tmp.resolve("csv");
    assertThat(SqlPopulationExport.export(input, Populations.AS_OF, csv, 2)).isEqualTo(3000);
    Map<String, String> eligo = eligo(input);
    SqlRuleCompiler compiler = new SqlRuleCompiler(Populations.AS_OF);

    Map<String, String> duck;
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
      SqlEngine.DUCKDB.load(c, csv);
      duck = sql(c, compiler);
    }
    Map<String, String> postgres;
    try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
         Connection c = pg.getPostgresDatabase().getConnection()) {
      SqlEngine.POSTGRESQL.load(c, csv);
      postgres = sql(c, compiler);
    }

    assertThat(eligo).hasSize(3000 * SeedTrials.candidates().stream()
        .mapToInt(t -> t.criteria().criteria().size() + 1).sum());
    assertThat(differences(duck, eligo)).as("DuckDB vs Eligo").isEmpty();
    assertThat(differences(postgres, eligo)).as("PostgreSQL vs Eligo").isEmpty();
    assertThat(eligo.values()).contains("MET", "NOT_MET", "UNKNOWN", "NEEDS_INFO", "INELIGIBLE");
    // a malignancy resolved in June 2021 (the 5-year window starts on 2021-06-02), a live vaccine in May 2026 (the
    // 30-day window starts on 2026-05-02): open, on every engine
    assertThat(eligo).containsEntry("NCT06802055|p0000206|exc-9", "UNKNOWN");
    // an MDS active (p0000005) excludes; of unknown status since more than 30 days (p0000057, DECISIONS §48), resolved
    // (p0000018), in remission (p0000031), inactive (p0000044) or abated (p0000070) is asked
    assertThat(List.of("p0000005", "p0000057", "p0000018", "p0000031", "p0000044", "p0000070"))
        .map(p -> eligo.get("NCT06802055|" + p + "|exc-2"))
        .containsExactly("MET", "UNKNOWN", "UNKNOWN", "UNKNOWN", "UNKNOWN", "UNKNOWN");
    assertThat(java.util.stream.IntStream.range(0, 160).filter(i -> i % 16 == 6)
        .mapToObj(i -> eligo.get(String.format("NCT02979873|p%07d|exc-9", 2 + i * 17))))
        .contains("UNKNOWN");
  }

  /**
   * "Myocardial infarction within 6 months" counts an infarction by its onset alone, however the record marks it now
   * (DECISIONS §25), and "malignancy within the past 5 years" still counts an active cancer of any onset: infarctions
   * dated by a day inside and before the window, by a month or year straddling its start (2025-12-03) or not at all,
   * active, resolved, inactive or without a status, abated in the window or not. Eligo and SQL must agree.
   */
  @Test
  void anEventInAWindowIsCountedByItsOnsetOnEveryEngine() throws Exception {
    Path input = Populations.generate(tmp.resolve("in"), 120, 7);
    String[] onsets = {"2015-03-10", "2026-05-01", null, "2025-12", "2025", "2025-12-20", "2025-11-30"};
    String[] statuses = {"active", "resolved", "inactive", null};
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < 56; i++) {
      String onset = onsets[i % onsets.length];
      String status = statuses[(i / onsets.length) % statuses.length];
      lines.append("{\"resourceType\":\"Condition\",\"id\":\"mi-").append(i).append("\",")
          .append(status == null ? "" : "\"clinicalStatus\":{\"coding\":[{\"system\":"
              + "\"http://terminology.hl7.org/CodeSystem/condition-clinical\",\"code\":\"" + status + "\"}]},")
          .append("\"code\":{\"coding\":[{\"system\":\"http://hl7.org/fhir/sid/icd-10-cm\",\"code\":\"I21.9\"}],")
          .append("\"text\":\"Acute myocardial infarction\"},\"subject\":{\"reference\":\"Patient/")
          .append(String.format("p%07d", 1 + i * 2)).append("\"}")
          .append(onset == null ? "" : ",\"onsetDateTime\":\"" + onset + "\"")
          .append(i == 51 ? ",\"abatementDateTime\":\"2015-06-01\"" : i >= 28 ? ",\"abatementDateTime\":\"2026-01-15\""
              : "").append("}\n");
      if (i % 3 == 0) {
        lines.append("{\"resourceType\":\"Condition\",\"id\":\"ca-").append(i).append("\",\"clinicalStatus\":")
            .append("{\"coding\":[{\"system\":\"http://terminology.hl7.org/CodeSystem/condition-clinical\",")
            .append("\"code\":\"active\"}]},\"code\":{\"coding\":[{\"system\":")
            .append("\"http://hl7.org/fhir/sid/icd-10-cm\",\"code\":\"C50.919\"}],\"text\":\"Breast cancer\"},")
            .append("\"subject\":{\"reference\":\"Patient/").append(String.format("p%07d", 2 + i * 2))
            .append("\"},\"onsetDateTime\":\"2018-04-01\"}\n");
      }
    }
    java.nio.file.Files.writeString(input.resolve("Condition-events.ndjson"), lines);
    Path csv = tmp.resolve("csv");
    assertThat(SqlPopulationExport.export(input, Populations.AS_OF, csv, 2)).isEqualTo(120);
    org.eligo.core.rule.CriteriaSet criteria = org.eligo.criteria.CriteriaCompiler.standard().parse("NCT0",
        "Exclusion Criteria:\n\n* Myocardial infarction within 6 months\n* Malignancy within the past 5 years\n"
            + "* Stroke or pulmonary embolism within the past 3 months\n");
    List<MatchCandidate> trials = List.of(new MatchCandidate(SeedTrials.read("NCT02979873"), criteria));
    Map<String, String> eligo = eligo(input, trials);
    Map<String, String> duck;
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
      SqlEngine.DUCKDB.load(c, csv);
      duck = sql(c, new SqlRuleCompiler(Populations.AS_OF), trials);
    }
    assertThat(differences(duck, eligo)).as("DuckDB vs Eligo").isEmpty();
    String mi = criteria.criteria().stream().filter(c -> c.text().contains("Myocardial")).findFirst().orElseThrow()
        .id();
    String cancer = criteria.criteria().stream().filter(c -> c.text().contains("Malignancy")).findFirst()
        .orElseThrow().id();
    // active, onset 2015 (p0000001); active, last month (p0000003); active, undated (p0000005); December 2025
    // (p0000007); 2025 (p0000009); resolved, onset 2015, abated in the window (p0000057)
    assertThat(List.of("p0000001", "p0000003", "p0000005", "p0000007", "p0000009", "p0000057"))
        .map(p -> duck.get("NCT02979873|" + p + "|" + mi))
        .containsExactly("NOT_MET", "MET", "UNKNOWN", "UNKNOWN", "UNKNOWN", "NOT_MET");
    // undated, resolved in June 2015: over before the window began, so it did not begin within it (p0000103)
    assertThat(duck.get("NCT02979873|p0000103|" + mi)).as("undated, abated 2015").isEqualTo("NOT_MET");
    assertThat(eligo.get("NCT02979873|p0000103|" + mi)).as("undated, abated 2015 (Eligo)").isEqualTo("NOT_MET");
    assertThat(duck.get("NCT02979873|p0000002|" + cancer)).as("active cancer since 2018").isEqualTo("MET");
  }

  /**
   * Washouts, dose limits and pregnancy tests (DECISIONS §27, §30): a rituximab course listed as ongoing is asked, never
   * excluded, under "Less than 4 weeks since the last dose of rituximab"; a patient without a steroid meets
   * "Prednisone dose ≤ 10 mg/day"; a patient never on eltrombopag meets "Off eltrombopag for at least 4 weeks". Eligo
   * and SQL must agree on every patient, those given the courses below (copies of generated patients without any
   * resource of their own) among them.
   */
  @Test
  void washoutsAndDoseLimitsAgreeOnEveryEngine() throws Exception {
    Path input = Populations.generate(tmp.resolve("in"), 120, 11);
    Path patients;
    try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(input)) {
      patients = files.filter(f -> f.getFileName().toString().startsWith("Patient")).findFirst().orElseThrow();
    }
    String template = java.nio.file.Files.readAllLines(patients).get(0);
    String templateId = template.replaceAll(".*?\"id\":\"([^\"]+)\".*", "$1");
    String[][] courses = {
        {"Rituximab", "active", "2025-09-01", null}, {"Rituximab", "completed", "2026-04-01", "2026-05-25"},
        {"Rituximab", "completed", "2025-10-01", "2026-01-26"}, {"Rituximab", "completed", "2025-11-01", null},
        {"Eltrombopag", "active", "2025-06-01", null}, {"Prednisone", "active", "2026-03-01", null},
        {"Cyclosporine", "active", "2026-01-01", null}};
    StringBuilder people = new StringBuilder();
    StringBuilder meds = new StringBuilder();
    for (int i = 0; i < courses.length; i++) {
      String id = String.format("w%07d", i + 1);
      people.append(template.replace("\"" + templateId + "\"", "\"" + id + "\"")).append("\n");
      meds.append("{\"resourceType\":\"MedicationStatement\",\"id\":\"washout-").append(i).append("\",\"status\":\"")
          .append(courses[i][1]).append("\",\"medicationCodeableConcept\":{\"text\":\"").append(courses[i][0])
          .append("\"},\"subject\":{\"reference\":\"Patient/").append(id).append("\"},\"effectivePeriod\":{\"start\":\"")
          .append(courses[i][2]).append("\"").append(courses[i][3] == null ? "" : ",\"end\":\"" + courses[i][3] + "\"")
          .append("}}\n");
    }
    java.nio.file.Files.writeString(patients, people, java.nio.file.StandardOpenOption.APPEND);
    java.nio.file.Files.writeString(input.resolve("MedicationStatement-washouts.ndjson"), meds);
    Path csv = tmp.resolve("csv");
    assertThat(SqlPopulationExport.export(input, Populations.AS_OF, csv, 2)).isEqualTo(120 + courses.length);
    org.eligo.core.rule.CriteriaSet criteria = org.eligo.criteria.CriteriaCompiler.standard().parse("NCT0",
        "Inclusion Criteria:\n\n* At least 4 weeks since last dose of rituximab\n"
            + "* Off eltrombopag for at least 4 weeks\n* Prednisone dose ≤ 10 mg/day\n"
            + "* Have not received rituximab for at least 6 months prior to screening\n"
            + "* Not receiving rituximab and eltrombopag\n"
            + "* At least 4 weeks since the last dose of rituximab or 5 half-lives, whichever is longer\n\n"
            + "Exclusion Criteria:\n\n* Less than 4 weeks since the last dose of rituximab\n"
            + "* Systemic corticosteroids (> 10 mg/day prednisone or equivalent) within 14 days prior to enrollment\n"
            + "* Pregnant or breastfeeding or positive pregnancy test\n"
            + "* Rituximab within 6 months or 5 half-lives, whichever is shorter\n"
            + "* Rituximab within 4 weeks or 5 half-lives, whichever is longer\n");
    List<MatchCandidate> trials = List.of(new MatchCandidate(SeedTrials.read("NCT02979873"), criteria));
    Map<String, String> eligo = eligo(input, trials);
    Map<String, String> duck;
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
      SqlEngine.DUCKDB.load(c, csv);
      duck = sql(c, new SqlRuleCompiler(Populations.AS_OF), trials);
    }
    assertThat(differences(duck, eligo)).as("DuckDB vs Eligo").isEmpty();
    java.util.function.BiFunction<String, String, String> truth = (patient, words) -> duck.get("NCT02979873|"
        + patient + "|" + criteria.criteria().stream().filter(c -> c.text().startsWith(words)).findFirst()
        .orElseThrow().id());
    // ongoing since September, a week ago, in January, stopped without an end date, never (on cyclosporine)
    assertThat(List.of("w0000001", "w0000002", "w0000003", "w0000004", "w0000007"))
        .map(p -> truth.apply(p, "Less than 4 weeks"))
        .containsExactly("UNKNOWN", "MET", "NOT_MET", "UNKNOWN", "NOT_MET");
    assertThat(List.of("w0000001", "w0000002", "w0000003", "w0000004", "w0000007"))
        .map(p -> truth.apply(p, "At least 4 weeks"))
        .containsExactly("UNKNOWN", "NOT_MET", "MET", "UNKNOWN", "MET");
    assertThat(List.of("w0000005", "w0000007")).map(p -> truth.apply(p, "Off eltrombopag"))
        .containsExactly("UNKNOWN", "MET");
    assertThat(List.of("w0000006", "w0000007")).map(p -> truth.apply(p, "Prednisone dose"))
        .containsExactly("UNKNOWN", "MET");
    assertThat(truth.apply("w0000002", "Rituximab within 6")).as("dosed a week ago, whichever is shorter")
        .isEqualTo("UNKNOWN");
    // DECISIONS §35: a denied span, names denied together, the longer of a window and half-lives
    assertThat(List.of("w0000001", "w0000002", "w0000007")).map(p -> truth.apply(p, "Have not received"))
        .containsExactly("UNKNOWN", "NOT_MET", "MET");
    assertThat(List.of("w0000001", "w0000005", "w0000007")).map(p -> truth.apply(p, "Not receiving"))
        .containsExactly("NOT_MET", "NOT_MET", "MET");
    assertThat(List.of("w0000001", "w0000002", "w0000007")).map(p -> truth.apply(p, "At least 4 weeks since the"))
        .containsExactly("UNKNOWN", "NOT_MET", "MET");
    assertThat(List.of("w0000002", "w0000007")).map(p -> truth.apply(p, "Rituximab within 4"))
        .containsExactly("MET", "NOT_MET");
  }

  /**
   * DECISIONS §101: a limit on how long a drug was taken ("No prior JAK inhibitor for more than 28 days") is a course
   * that long at any time, denied in the inclusion list and required in the exclusion list. SQL must not decide any
   * patient otherwise than Eligo: a week of pacritinib last month, two years of ruxolitinib ended in 2024, ruxolitinib
   * since January 2025, a stopped statement without an end date, ruxolitinib begun five days ago, no JAK inhibitor.
   */
  @Test
  void courseLengthLimitsAgreeOnEveryEngine() throws Exception {
    Path input = Populations.generate(tmp.resolve("in"), 60, 17);
    Path patients;
    try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(input)) {
      patients = files.filter(f -> f.getFileName().toString().startsWith("Patient")).findFirst().orElseThrow();
    }
    String template = java.nio.file.Files.readAllLines(patients).get(0);
    String templateId = template.replaceAll(".*?\"id\":\"([^\"]+)\".*", "$1");
    String[][] courses = {
        {"Pacritinib", "completed", "2026-05-12", "2026-05-19"}, {"Ruxolitinib", "completed", "2022-03-01", "2024-03-01"},
        {"Ruxolitinib", "active", "2025-01-15", null}, {"Ruxolitinib", "completed", "2025-01-15", null},
        {"Ruxolitinib", "active", "2026-05-27", null}, {"Cyclosporine", "active", "2026-01-01", null}};
    StringBuilder people = new StringBuilder();
    StringBuilder meds = new StringBuilder();
    for (int i = 0; i < courses.length; i++) {
      String id = String.format("c%07d", i + 1);
      people.append(template.replace("\"" + templateId + "\"", "\"" + id + "\"")).append("\n");
      meds.append("{\"resourceType\":\"MedicationStatement\",\"id\":\"length-").append(i).append("\",\"status\":\"")
          .append(courses[i][1]).append("\",\"medicationCodeableConcept\":{\"text\":\"").append(courses[i][0])
          .append("\"},\"subject\":{\"reference\":\"Patient/").append(id).append("\"},\"effectivePeriod\":{\"start\":\"")
          .append(courses[i][2]).append("\"").append(courses[i][3] == null ? "" : ",\"end\":\"" + courses[i][3] + "\"")
          .append("}}\n");
    }
    java.nio.file.Files.writeString(patients, people, java.nio.file.StandardOpenOption.APPEND);
    java.nio.file.Files.writeString(input.resolve("MedicationStatement-lengths.ndjson"), meds);
    Path csv = tmp.resolve("csv");
    assertThat(SqlPopulationExport.export(input, Populations.AS_OF, csv, 2)).isEqualTo(60 + courses.length);
    org.eligo.core.rule.CriteriaSet criteria = org.eligo.criteria.CriteriaCompiler.standard().parse("NCT0",
        "Inclusion Criteria:\n\n* No prior JAK inhibitor for more than 28 days\n"
            + "* Must not have received ruxolitinib for longer than 4 weeks\n"
            + "* No more than 4 weeks of prior JAK inhibitor therapy\n"
            + "* Prior JAK inhibitor exposure of ≤ 28 days is permitted\n* Fewer than 4 doses of ruxolitinib\n\n"
            + "Exclusion Criteria:\n\n* Prior JAK inhibitor for more than 28 days\n"
            + "* Treatment with ruxolitinib for > 4 weeks\n* More than 4 weeks of prior ruxolitinib\n");
    List<MatchCandidate> trials = List.of(new MatchCandidate(SeedTrials.read("NCT02979873"), criteria));
    Map<String, String> eligo = eligo(input, trials);
    Map<String, String> duck;
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
      SqlEngine.DUCKDB.load(c, csv);
      duck = sql(c, new SqlRuleCompiler(Populations.AS_OF), trials);
    }
    assertThat(differences(duck, eligo)).as("DuckDB vs Eligo").isEmpty();
    java.util.function.BiFunction<String, String, String> truth = (patient, words) -> duck.get("NCT02979873|"
        + patient + "|" + criteria.criteria().stream().filter(c -> c.text().startsWith(words)).findFirst()
        .orElseThrow().id());
    List<String> six = List.of("c0000001", "c0000002", "c0000003", "c0000004", "c0000005", "c0000006");
    assertThat(six).map(p -> truth.apply(p, "No prior JAK"))
        .containsExactly("MET", "NOT_MET", "NOT_MET", "UNKNOWN", "MET", "MET");
    assertThat(six).map(p -> truth.apply(p, "Prior JAK inhibitor for"))
        .containsExactly("NOT_MET", "MET", "MET", "UNKNOWN", "NOT_MET", "NOT_MET");
    assertThat(six).map(p -> truth.apply(p, "No more than"))
        .containsExactly("MET", "NOT_MET", "NOT_MET", "UNKNOWN", "MET", "MET");
    assertThat(six).map(p -> truth.apply(p, "Prior JAK inhibitor exposure"))
        .containsExactly("MET", "UNKNOWN", "UNKNOWN", "UNKNOWN", "MET", "MET");
    assertThat(six).map(p -> truth.apply(p, "Fewer than"))
        .containsExactly("MET", "UNKNOWN", "UNKNOWN", "UNKNOWN", "UNKNOWN", "MET");
  }

  /**
   * DECISIONS 97: doses given one at a time (MedicationAdministration) read as a course whose interval is the median
   * gap between doses. SQL does not compute the median: it decides what the doses alone decide and is UNKNOWN where
   * Eligo reads the course's reach, never a different decided truth.
   */
  @Test
  void aCourseGivenAsDosesIsNeverDecidedOtherwiseBySql() throws Exception {
    Path input = Populations.generate(tmp.resolve("in"), 120, 31);
    Path patients;
    try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(input)) {
      patients = files.filter(f -> f.getFileName().toString().startsWith("Patient")).findFirst().orElseThrow();
    }
    String template = java.nio.file.Files.readAllLines(patients).get(0);
    String templateId = template.replaceAll(".*?\"id\":\"([^\"]+)\".*", "$1");
    // per patient: {drug, first dose, last bound, every N days}
    String[][][] people = {
        {{"Eculizumab", "2026-01-05", "2026-05-25", "14"}},
        {{"Eculizumab", "2025-01-06", "2025-08-25", "14"}},
        {{"Eculizumab", "2026-05-22", "2026-05-22", "1"}},
        {{"Rituximab", "2025-01-15", "2026-01-15", "182"}},
        {{"Rituximab", "2024-06-03", "2025-06-02", "182"}},
        {{"Eculizumab", "2026-01-05", "2026-05-11", "14"}},
        {{"Ravulizumab", "2025-09-15", "2026-05-20", "56"}, {"Rituximab", "2024-01-10", "2024-01-31", "7"}},
        {{"Eculizumab", "2024-01-08", "2024-03-04", "14"}, {"Eculizumab", "2025-01-06", "2025-03-03", "14"}},
        // IVIG over 5 consecutive days every 4 weeks; romiplostim weekly, doses held twice for 2 weeks and once for 1
        {{"IVIG", "2025-12-01", "2026-05-18", "28"}, {"IVIG", "2025-12-02", "2026-05-19", "28"},
            {"IVIG", "2025-12-03", "2026-05-20", "28"}, {"IVIG", "2025-12-04", "2026-05-21", "28"},
            {"IVIG", "2025-12-05", "2026-05-22", "28"}},
        {{"Romiplostim", "2026-01-05", "2026-01-19", "7"}, {"Romiplostim", "2026-02-09", "2026-03-02", "7"},
            {"Romiplostim", "2026-03-23", "2026-04-20", "7"}, {"Romiplostim", "2026-05-04", "2026-05-25", "7"}}};
    StringBuilder copies = new StringBuilder();
    StringBuilder given = new StringBuilder();
    for (int i = 0; i < people.length; i++) {
      String id = String.format("d%07d", i + 1);
      copies.append(template.replace("\"" + templateId + "\"", "\"" + id + "\"")).append("\n");
      int n = 0;
      for (String[] course : people[i]) {
        for (java.time.LocalDate d = java.time.LocalDate.parse(course[1]);
             !d.isAfter(java.time.LocalDate.parse(course[2])); d = d.plusDays(Integer.parseInt(course[3]))) {
          given.append("{\"resourceType\":\"MedicationAdministration\",\"id\":\"dose-").append(i).append("-")
              .append(n++).append("\",\"status\":\"completed\",\"medicationCodeableConcept\":{\"text\":\"")
              .append(course[0]).append("\"},\"subject\":{\"reference\":\"Patient/").append(id)
              .append("\"},\"effectiveDateTime\":\"").append(d).append("\"}\n");
        }
      }
    }
    java.nio.file.Files.writeString(patients, copies, java.nio.file.StandardOpenOption.APPEND);
    java.nio.file.Files.writeString(input.resolve("MedicationAdministration-doses.ndjson"), given);
    Path csv = tmp.resolve("csv");
    assertThat(SqlPopulationExport.export(input, Populations.AS_OF, csv, 2)).isEqualTo(120 + people.length);
    org.eligo.core.rule.CriteriaSet criteria = org.eligo.criteria.CriteriaCompiler.standard().parse("NCT0",
        "Inclusion Criteria:\n\n* Currently receiving eculizumab\n"
            + "* Prior treatment with eculizumab for at least 6 months\n"
            + "* Last dose of rituximab at least 6 months before enrollment\n"
            + "* Current treatment with ravulizumab\n"
            + "* Currently receiving IVIG\n"
            + "* Prior treatment with romiplostim for at least 3 months\n\n"
            + "Exclusion Criteria:\n\n* Current use of a C5 inhibitor\n"
            + "* Rituximab within 6 months prior to enrollment\n"
            + "* Received eculizumab for ≥ 6 months\n"
            + "* Prior treatment with IVIG for at least 3 months\n");
    List<MatchCandidate> trials = List.of(new MatchCandidate(SeedTrials.read("NCT02979873"), criteria));
    Map<String, String> eligo = eligo(input, trials);
    Map<String, String> duck;
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
      SqlEngine.DUCKDB.load(c, csv);
      duck = sql(c, new SqlRuleCompiler(Populations.AS_OF), trials);
    }
    Map<String, String> postgres;
    try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
         Connection c = pg.getPostgresDatabase().getConnection()) {
      SqlEngine.POSTGRESQL.load(c, csv);
      postgres = sql(c, new SqlRuleCompiler(Populations.AS_OF), trials);
    }
    // SQL may be more cautious (UNKNOWN, NEEDS_INFO) where Eligo decides; never a different decided truth
    assertThat(eligo).hasSize(duck.size());
    for (Map<String, String> engine : List.of(duck, postgres)) {
      for (Map.Entry<String, String> e : eligo.entrySet()) {
        String got = engine.get(e.getKey());
        if (!got.equals(e.getValue())) {
          assertThat(got).as(e.getKey() + ": Eligo " + e.getValue()).isIn("UNKNOWN", "NEEDS_INFO");
        }
      }
    }
    java.util.function.BiFunction<String, String, String> truth = (patient, words) -> eligo.get("NCT02979873|"
        + patient + "|" + criteria.criteria().stream().filter(c -> c.text().startsWith(words)).findFirst()
        .orElseThrow().id());
    List<String> all = List.of("d0000001", "d0000002", "d0000003", "d0000004", "d0000005", "d0000006", "d0000007",
        "d0000008");
    // every 2 weeks to 7 days ago; stopped in 2025; one dose 10 days ago; none; none; overdue 3 weeks; ravulizumab
    // every 8 weeks; two short courses a year apart
    assertThat(all).map(p -> truth.apply(p, "Currently receiving eculizumab"))
        .containsExactly("MET", "NOT_MET", "UNKNOWN", "NOT_MET", "NOT_MET", "UNKNOWN", "NOT_MET", "NOT_MET");
    assertThat(all).map(p -> truth.apply(p, "Current use of a C5"))
        .containsExactly("MET", "NOT_MET", "UNKNOWN", "NOT_MET", "NOT_MET", "UNKNOWN", "MET", "NOT_MET");
    assertThat(all).map(p -> truth.apply(p, "Prior treatment with eculizumab"))
        .containsExactly("NOT_MET", "MET", "NOT_MET", "NOT_MET", "NOT_MET", "NOT_MET", "NOT_MET", "NOT_MET");
    assertThat(all).map(p -> truth.apply(p, "Rituximab within 6"))
        .containsExactly("NOT_MET", "NOT_MET", "NOT_MET", "MET", "NOT_MET", "NOT_MET", "NOT_MET", "NOT_MET");
    // DECISIONS 97 review: cycles of IVIG on consecutive days are one course of cycles, the next one due (asked);
    // weekly romiplostim with doses held is asked for its span, never failed
    assertThat(truth.apply("d0000009", "Currently receiving IVIG")).isEqualTo("UNKNOWN");
    assertThat(truth.apply("d0000009", "Prior treatment with IVIG")).isEqualTo("MET");
    assertThat(truth.apply("d0000010", "Prior treatment with romiplostim")).isEqualTo("UNKNOWN");
    // the washout counts from the last of the six-monthly infusions: decided alike on every engine
    assertThat(List.of("d0000004", "d0000005")).map(p -> duck.get("NCT02979873|" + p + "|" + criteria.criteria()
        .stream().filter(c -> c.text().startsWith("Rituximab within 6")).findFirst().orElseThrow().id()))
        .containsExactly("MET", "NOT_MET");
  }

  /**
   * Lab limits with a transfusion clause (DECISIONS §45, §46): a clause closing a list of counts binds each of them,
   * support drugs named beside the transfusion ("or growth factor support", "or TPO-RA", "G-CSF, or ESA") condition the
   * count and are asked unless the record shows none in the window, a limit a transfusion may reach is the latest
   * result or a question. Eligo and SQL must agree on every patient, those given the counts, transfusions and drugs
   * below (copies of generated patients without any resource of their own) among them.
   */
  @Test
  void transfusionClausesAndSupportBesideThemAgreeOnEveryEngine() throws Exception {
    Path input = Populations.generate(tmp.resolve("in"), 120, 13);
    Path patients;
    try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(input)) {
      patients = files.filter(f -> f.getFileName().toString().startsWith("Patient")).findFirst().orElseThrow();
    }
    String template = java.nio.file.Files.readAllLines(patients).get(0);
    String templateId = template.replaceAll(".*?\"id\":\"([^\"]+)\".*", "$1");
    // hemoglobin g/dL, platelets and ANC 10^9/L, their day; a transfusion and its day; a drug, its start and end
    String[][] people = {
        {"9.5", "120", "1.6", "2026-05-20", "Red blood cell transfusion", "2026-05-10", "Sirolimus", "2025-01-01", "2025-06-01"},
        {"9.5", "120", "1.6", "2026-05-20", null, null, "Sirolimus", "2025-01-01", "2025-06-01"},
        {"7.5", "60", "1.2", "2026-05-20", null, null, "Sirolimus", "2025-01-01", "2025-06-01"},
        {"9.5", "80", "1.6", "2026-04-01", null, null, "Eltrombopag", "2026-03-01", "2026-03-30"},
        {"8.5", "40", "1.6", "2026-05-20", null, null, "Eltrombopag", "2025-06-01", null},
        {"9.5", "120", "1.6", "2026-05-20", null, null, "Epoetin alfa", "2026-01-10", null},
        {"8.5", "120", "1.6", "2026-05-20", "Platelet transfusion", "2026-05-15", "Sirolimus", "2025-01-01", null},
        {"9.5", "45", "1.6", "2026-05-20", "Platelet transfusion", "2026-05-16", null, null, null}};
    StringBuilder copies = new StringBuilder();
    StringBuilder labs = new StringBuilder();
    StringBuilder procedures = new StringBuilder();
    StringBuilder meds = new StringBuilder();
    String[][] codes = {{"718-7", "g/dL"}, {"777-3", "10*9/L"}, {"751-8", "10*9/L"}};
    for (int i = 0; i < people.length; i++) {
      String[] p = people[i];
      String id = String.format("t%07d", i + 1);
      String subject = ",\"subject\":{\"reference\":\"Patient/" + id + "\"}";
      copies.append(template.replace("\"" + templateId + "\"", "\"" + id + "\"")).append("\n");
      for (int k = 0; k < codes.length; k++) {
        labs.append("{\"resourceType\":\"Observation\",\"id\":\"count-").append(i).append('-').append(k)
            .append("\",\"status\":\"final\",\"code\":{\"coding\":[{\"system\":\"http://loinc.org\",\"code\":\"")
            .append(codes[k][0]).append("\"}]}").append(subject).append(",\"effectiveDateTime\":\"").append(p[3])
            .append("\",\"valueQuantity\":{\"value\":").append(p[k]).append(",\"unit\":\"").append(codes[k][1])
            .append("\",\"system\":\"http://unitsofmeasure.org\",\"code\":\"").append(codes[k][1]).append("\"}}\n");
      }
      if (p[4] != null) {
        procedures.append("{\"resourceType\":\"Procedure\",\"id\":\"transfusion-").append(i)
            .append("\",\"status\":\"completed\",\"code\":{\"text\":\"").append(p[4]).append("\"}").append(subject)
            .append(",\"performedDateTime\":\"").append(p[5]).append("\"}\n");
      }
      if (p[6] != null) {
        meds.append("{\"resourceType\":\"MedicationStatement\",\"id\":\"support-").append(i)
            .append("\",\"status\":\"").append(p[8] == null ? "active" : "completed")
            .append("\",\"medicationCodeableConcept\":{\"text\":\"").append(p[6]).append("\"}").append(subject)
            .append(",\"effectivePeriod\":{\"start\":\"").append(p[7]).append("\"")
            .append(p[8] == null ? "" : ",\"end\":\"" + p[8] + "\"").append("}}\n");
      }
    }
    java.nio.file.Files.writeString(patients, copies, java.nio.file.StandardOpenOption.APPEND);
    java.nio.file.Files.writeString(input.resolve("Observation-counts.ndjson"), labs);
    java.nio.file.Files.writeString(input.resolve("Procedure-transfusions.ndjson"), procedures);
    java.nio.file.Files.writeString(input.resolve("MedicationStatement-support.ndjson"), meds);
    Path csv = tmp.resolve("csv");
    assertThat(SqlPopulationExport.export(input, Populations.AS_OF, csv, 2)).isEqualTo(120 + people.length);
    org.eligo.core.rule.CriteriaSet criteria = org.eligo.criteria.CriteriaCompiler.standard().parse("NCT0",
        "Inclusion Criteria:\n\n"
            + "* Hemoglobin ≥ 9 g/dL, ANC ≥ 1.5 × 10^9/L and platelets ≥ 100 × 10^9/L (without transfusion support)\n"
            + "* Hemoglobin ≥ 8.0 g/dL, platelets ≥ 75,000/mm3, ANC ≥ 1,000/mm3 (without transfusion or growth factor "
            + "support within 14 days)\n"
            + "* Platelets ≥ 75 × 10^9/L (without transfusion or TPO-RA within 7 days)\n"
            + "* Hemoglobin ≥ 8 g/dL and platelets ≥ 50 × 10^9/L (may be achieved by transfusion)\n"
            + "* Hemoglobin ≥ 9 g/dL, platelets ≥ 100 × 10^9/L (without transfusion, G-CSF, or ESA within 14 days)\n\n"
            + "Exclusion Criteria:\n\n"
            + "* Hemoglobin < 8 g/dL or platelets < 50 × 10^9/L (without transfusion support)\n"
            + "* Platelets < 50 × 10^9/L without transfusion or TPO-RA support within 7 days\n");
    List<MatchCandidate> trials = List.of(new MatchCandidate(SeedTrials.read("NCT02979873"), criteria));
    Map<String, String> eligo = eligo(input, trials);
    Map<String, String> duck;
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
      SqlEngine.DUCKDB.load(c, csv);
      duck = sql(c, new SqlRuleCompiler(Populations.AS_OF), trials);
    }
    assertThat(differences(duck, eligo)).as("DuckDB vs Eligo").isEmpty();
    java.util.function.BiFunction<String, String, String> truth = (patient, words) -> duck.get("NCT02979873|"
        + patient + "|" + criteria.criteria().stream().filter(c -> c.text().startsWith(words)).findFirst()
        .orElseThrow().id());
    // the hemoglobin 10 days after a red cell transfusion is asked; never transfused, met; counts below, not met
    assertThat(List.of("t0000001", "t0000002", "t0000003")).map(p -> truth.apply(p, "Hemoglobin ≥ 9 g/dL, ANC"))
        .containsExactly("UNKNOWN", "MET", "NOT_MET");
    // growth factors name no drug Eligo knows: asked where the counts pass, never failing
    assertThat(List.of("t0000002", "t0000003")).map(p -> truth.apply(p, "Hemoglobin ≥ 8.0"))
        .containsExactly("UNKNOWN", "NOT_MET");
    // an agonist two days before a count of April, on one with a count of 40, none
    assertThat(List.of("t0000004", "t0000005", "t0000002")).map(p -> truth.apply(p, "Platelets ≥ 75"))
        .containsExactly("UNKNOWN", "NOT_MET", "MET");
    // a hemoglobin of 7.5 a transfusion may bring to 8
    assertThat(List.of("t0000003", "t0000002")).map(p -> truth.apply(p, "Hemoglobin ≥ 8 g/dL and"))
        .containsExactly("UNKNOWN", "MET");
    // on epoetin: asked; a platelet count of 80 fails whatever the support
    assertThat(List.of("t0000006", "t0000004")).map(p -> truth.apply(p, "Hemoglobin ≥ 9 g/dL, platelets"))
        .containsExactly("UNKNOWN", "NOT_MET");
    // a hemoglobin of 7.5 never transfused excludes; a platelet count of 45 the day after a transfusion is asked
    assertThat(List.of("t0000003", "t0000002", "t0000008")).map(p -> truth.apply(p, "Hemoglobin < 8"))
        .containsExactly("MET", "NOT_MET", "UNKNOWN");
    assertThat(List.of("t0000005", "t0000008", "t0000002")).map(p -> truth.apply(p, "Platelets < 50"))
        .containsExactly("UNKNOWN", "UNKNOWN", "NOT_MET");
  }

  /**
   * Blood products in the record (DECISIONS §87) as of 2026-06-01: red cells and platelets named the way blood banks
   * write them, given as a MedicationAdministration or a Procedure, a blood product of no kind Eligo can tell ("FFP 2
   * units"), a transfusion of no stated kind. Eligo and SQL must agree on every transfusion criterion, and on a
   * platelet count of 45 measured after each.
   */
  @Test
  void bloodProductsInTheRecordAgreeOnEveryEngine() throws Exception {
    Path input = Populations.generate(tmp.resolve("in"), 120, 17);
    Path patients;
    try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(input)) {
      patients = files.filter(f -> f.getFileName().toString().startsWith("Patient")).findFirst().orElseThrow();
    }
    String template = java.nio.file.Files.readAllLines(patients).get(0);
    String templateId = template.replaceAll(".*?\"id\":\"([^\"]+)\".*", "$1");
    // the resource type, the name of what was given, its day
    String[][] people = {
        {"MedicationAdministration", "PRBC 1 unit", "2026-05-10"},
        {"MedicationAdministration", "FFP 2 units", "2026-05-19"},
        {"Procedure", "Blood transfusion", "2026-05-10"},
        {"Procedure", "Bone marrow biopsy", "2025-01-01"},
        {"MedicationAdministration", "Platelets, Pheresis, Leukocytes Reduced", "2026-05-19"},
        {"Procedure", "FFP 2 units", "2026-05-19"},
        {"MedicationAdministration", "Red Blood Cells, Leukocytes Reduced", "2025-06-01"},
        // a drug named beside red cells is no red-cell transfusion (§87 review); since DECISIONS 94 knows mitapivat,
        // it is that drug, as luspatercept below is
        {"MedicationAdministration", "Mitapivat 50 mg (pyruvate kinase activator for red cells)", "2026-05-19"},
        // a name that only mentions a transfusion: asked, never met; a drug named for its use is that drug (§87
        // amendment)
        {"Procedure", "Consent for blood transfusion", "2026-05-19"},
        {"Condition", "Platelet transfusion refractoriness", "2026-05-19"},
        {"MedicationAdministration", "Luspatercept for RBC transfusion burden", "2026-05-19"}};
    StringBuilder copies = new StringBuilder();
    StringBuilder labs = new StringBuilder();
    StringBuilder procedures = new StringBuilder();
    StringBuilder given = new StringBuilder();
    StringBuilder diagnoses = new StringBuilder();
    for (int i = 0; i < people.length; i++) {
      String[] p = people[i];
      String id = String.format("b%07d", i + 1);
      String subject = ",\"subject\":{\"reference\":\"Patient/" + id + "\"}";
      copies.append(template.replace("\"" + templateId + "\"", "\"" + id + "\"")).append("\n");
      labs.append("{\"resourceType\":\"Observation\",\"id\":\"plt-").append(i).append("\",\"status\":\"final\","
          + "\"code\":{\"coding\":[{\"system\":\"http://loinc.org\",\"code\":\"777-3\"}]}").append(subject)
          .append(",\"effectiveDateTime\":\"2026-05-20\",\"valueQuantity\":{\"value\":45,\"unit\":\"10*9/L\","
              + "\"system\":\"http://unitsofmeasure.org\",\"code\":\"10*9/L\"}}\n");
      // every patient's record holds procedures, so an absent transfusion is NOT_MET on both engines
      procedures.append("{\"resourceType\":\"Procedure\",\"id\":\"biopsy-").append(i).append("\",\"status\":"
          + "\"completed\",\"code\":{\"text\":\"Bone marrow biopsy\"}").append(subject)
          .append(",\"performedDateTime\":\"2024-01-01\"}\n");
      if (p[0].equals("Procedure")) {
        procedures.append("{\"resourceType\":\"Procedure\",\"id\":\"given-").append(i)
            .append("\",\"status\":\"completed\",\"code\":{\"text\":\"").append(p[1]).append("\"}").append(subject)
            .append(",\"performedDateTime\":\"").append(p[2]).append("\"}\n");
      } else if (p[0].equals("Condition")) {
        diagnoses.append("{\"resourceType\":\"Condition\",\"id\":\"given-").append(i).append("\",\"clinicalStatus\":"
            + "{\"coding\":[{\"system\":\"http://terminology.hl7.org/CodeSystem/condition-clinical\",\"code\":"
            + "\"active\"}]},\"code\":{\"text\":\"").append(p[1]).append("\"}").append(subject)
            .append(",\"onsetDateTime\":\"").append(p[2]).append("\"}\n");
      } else {
        given.append("{\"resourceType\":\"MedicationAdministration\",\"id\":\"given-").append(i)
            .append("\",\"status\":\"completed\",\"medicationCodeableConcept\":{\"text\":\"").append(p[1])
            .append("\"}").append(subject).append(",\"effectiveDateTime\":\"").append(p[2]).append("\"}\n");
      }
    }
    java.nio.file.Files.writeString(patients, copies, java.nio.file.StandardOpenOption.APPEND);
    java.nio.file.Files.writeString(input.resolve("Observation-platelets.ndjson"), labs);
    java.nio.file.Files.writeString(input.resolve("Procedure-blood.ndjson"), procedures);
    java.nio.file.Files.writeString(input.resolve("MedicationAdministration-blood.ndjson"), given);
    java.nio.file.Files.writeString(input.resolve("Condition-blood.ndjson"), diagnoses);
    Path csv = tmp.resolve("csv");
    assertThat(SqlPopulationExport.export(input, Populations.AS_OF, csv, 2)).isEqualTo(120 + people.length);
    org.eligo.core.rule.CriteriaSet criteria = org.eligo.criteria.CriteriaCompiler.standard().parse("NCT0",
        "Inclusion Criteria:\n\n"
            + "* At least 1 RBC transfusion in the 16 weeks before enrolment\n"
            + "* No red blood cell transfusion within 4 weeks before screening\n"
            + "* Platelet count ≥ 20 × 10^9/L without transfusion in the previous 7 days\n\n"
            + "Exclusion Criteria:\n\n"
            + "* Platelet transfusion within 14 days prior to screening\n");
    List<MatchCandidate> trials = List.of(new MatchCandidate(SeedTrials.read("NCT02979873"), criteria));
    Map<String, String> eligo = eligo(input, trials);
    Map<String, String> duck;
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
      SqlEngine.DUCKDB.load(c, csv);
      duck = sql(c, new SqlRuleCompiler(Populations.AS_OF), trials);
    }
    assertThat(differences(duck, eligo)).as("DuckDB vs Eligo").isEmpty();
    java.util.function.BiFunction<String, String, String> truth = (patient, words) -> duck.get("NCT02979873|"
        + patient + "|" + criteria.criteria().stream().filter(c -> c.text().startsWith(words)).findFirst()
        .orElseThrow().id());
    List<String> all = List.of("b0000001", "b0000002", "b0000003", "b0000004", "b0000005", "b0000006", "b0000007",
        "b0000008", "b0000009", "b0000010", "b0000011");
    // FFP (b0000002, b0000006) is a plasma transfusion since DECISIONS 92: no red cells or platelets, not asked
    assertThat(all).map(p -> truth.apply(p, "At least 1 RBC"))
        .containsExactly("MET", "NOT_MET", "UNKNOWN", "NOT_MET", "UNKNOWN", "NOT_MET", "NOT_MET", "NOT_MET",
            "UNKNOWN", "UNKNOWN", "NOT_MET");
    assertThat(all).map(p -> truth.apply(p, "No red blood cell"))
        .containsExactly("NOT_MET", "MET", "UNKNOWN", "MET", "MET", "MET", "MET", "MET",
            "UNKNOWN", "UNKNOWN", "MET");
    // a diagnosis is not read for a count's transfusion-free window (before the amendment as after it)
    assertThat(all).map(p -> truth.apply(p, "Platelet count ≥ 20"))
        .containsExactly("MET", "UNKNOWN", "MET", "MET", "UNKNOWN", "UNKNOWN", "MET", "MET",
            "UNKNOWN", "MET", "MET");
    assertThat(all).map(p -> truth.apply(p, "Platelet transfusion within"))
        .containsExactly("NOT_MET", "NOT_MET", "NOT_MET", "NOT_MET", "MET", "NOT_MET", "NOT_MET", "NOT_MET",
            "UNKNOWN", "UNKNOWN", "NOT_MET");
  }

  /**
   * Transfusion burden counted from the record (DECISIONS 92), as of 2026-06-01: units given by a dose or a name,
   * an entry of unknown size, the same transfusion written as a procedure and an administration on one day. DuckDB and
   * Eligo (the fast reader leaving transfusions to the FHIR reader) must agree, and on the expected verdicts.
   */
  @Test
  void transfusionCountsAgreeOnEveryEngine() throws Exception {
    Path input = Populations.generate(tmp.resolve("in"), 120, 23);
    Path patients;
    try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(input)) {
      patients = files.filter(f -> f.getFileName().toString().startsWith("Patient")).findFirst().orElseThrow();
    }
    String template = java.nio.file.Files.readAllLines(patients).get(0);
    String templateId = template.replaceAll(".*?\"id\":\"([^\"]+)\".*", "$1");
    // per patient: entries of {resource type, name, day, dose in units or ""}
    String[][][] people = {
        {{"MedicationAdministration", "PRBC", "2026-05-10", "2"}, {"MedicationAdministration", "PRBC 2 units",
            "2026-04-20", ""}},
        {{"MedicationAdministration", "PRBC 1 unit", "2026-05-10", "1"}},
        {{"Procedure", "Transfusion of packed red blood cells", "2026-05-10", ""}},
        {{"Procedure", "PRBC transfusion 2 units", "2026-05-10", ""}, {"MedicationAdministration", "PRBC 2 units",
            "2026-05-10", "2"}},
        {},
        {{"MedicationAdministration", "PRBC 2 units", "2026-05-10", ""}, {"Procedure", "pRBCs x2", "2026-03-10", ""},
            {"MedicationAdministration", "Packed red blood cells", "2026-01-10", "2"}},
        // written twice (§92 review): the same administrations from two feeds; a procedure dated by the end of a
        // transfusion past midnight beside its administration dated by its start
        {{"MedicationAdministration", "PRBC 2 units", "2026-05-10", "2"}, {"MedicationAdministration",
            "PRBC 2 units", "2026-05-10", "2"}, {"MedicationAdministration", "PRBC 2 units", "2026-03-10", "2"},
            {"MedicationAdministration", "PRBC 2 units", "2026-03-10", "2"}},
        {{"Procedure", "PRBC transfusion 2 units", "2026-05-11", ""}, {"MedicationAdministration", "PRBC 2 units",
            "2026-05-10", "2"}}};
    StringBuilder copies = new StringBuilder();
    StringBuilder procedures = new StringBuilder();
    StringBuilder given = new StringBuilder();
    for (int i = 0; i < people.length; i++) {
      String id = String.format("t%07d", i + 1);
      String subject = ",\"subject\":{\"reference\":\"Patient/" + id + "\"}";
      copies.append(template.replace("\"" + templateId + "\"", "\"" + id + "\"")).append("\n");
      procedures.append("{\"resourceType\":\"Procedure\",\"id\":\"biopsy-").append(i).append("\",\"status\":"
          + "\"completed\",\"code\":{\"text\":\"Bone marrow biopsy\"}").append(subject)
          .append(",\"performedDateTime\":\"2024-01-01\"}\n");
      for (int j = 0; j < people[i].length; j++) {
        String[] e = people[i][j];
        if (e[0].equals("Procedure")) {
          procedures.append("{\"resourceType\":\"Procedure\",\"id\":\"tx-").append(i).append("-").append(j)
              .append("\",\"status\":\"completed\",\"code\":{\"text\":\"").append(e[1]).append("\"}")
              .append(subject).append(",\"performedDateTime\":\"").append(e[2]).append("\"}\n");
        } else {
          given.append("{\"resourceType\":\"MedicationAdministration\",\"id\":\"tx-").append(i).append("-")
              .append(j).append("\",\"status\":\"completed\",\"medicationCodeableConcept\":{\"text\":\"")
              .append(e[1]).append("\"}").append(subject).append(",\"effectiveDateTime\":\"").append(e[2])
              .append("\"").append(e[3].isEmpty() ? "" : ",\"dosage\":{\"dose\":{\"value\":" + e[3]
                  + ",\"unit\":\"U\"}}").append("}\n");
        }
      }
    }
    java.nio.file.Files.writeString(patients, copies, java.nio.file.StandardOpenOption.APPEND);
    java.nio.file.Files.writeString(input.resolve("Procedure-transfusions.ndjson"), procedures);
    java.nio.file.Files.writeString(input.resolve("MedicationAdministration-transfusions.ndjson"), given);
    Path csv = tmp.resolve("csv");
    assertThat(SqlPopulationExport.export(input, Populations.AS_OF, csv, 2)).isEqualTo(120 + people.length);
    org.eligo.core.rule.CriteriaSet criteria = org.eligo.criteria.CriteriaCompiler.standard().parse("NCT0",
        "Inclusion Criteria:\n\n"
            + "* Transfusion-dependent: ≥ 4 units of RBC in the 8 weeks before randomisation\n"
            + "* Transfusion dependence defined as ≥ 2 RBC transfusion episodes in the previous 12 weeks\n\n"
            + "Exclusion Criteria:\n\n"
            + "* Received ≥ 6 units of packed red cells within 24 weeks\n");
    List<MatchCandidate> trials = List.of(new MatchCandidate(SeedTrials.read("NCT02979873"), criteria));
    Map<String, String> eligo = eligo(input, trials);
    Map<String, String> duck;
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
      SqlEngine.DUCKDB.load(c, csv);
      duck = sql(c, new SqlRuleCompiler(Populations.AS_OF), trials);
    }
    assertThat(differences(duck, eligo)).as("DuckDB vs Eligo").isEmpty();
    java.util.function.BiFunction<String, String, String> truth = (patient, words) -> duck.get("NCT02979873|"
        + patient + "|" + criteria.criteria().stream().filter(c -> c.text().startsWith(words)).findFirst()
        .orElseThrow().id());
    List<String> all = List.of("t0000001", "t0000002", "t0000003", "t0000004", "t0000005", "t0000006", "t0000007",
        "t0000008");
    assertThat(all).map(p -> truth.apply(p, "Transfusion-dependent"))
        .containsExactly("MET", "NOT_MET", "UNKNOWN", "UNKNOWN", "NOT_MET", "NOT_MET", "UNKNOWN", "UNKNOWN");
    assertThat(all).map(p -> truth.apply(p, "Transfusion dependence defined"))
        .containsExactly("MET", "NOT_MET", "UNKNOWN", "UNKNOWN", "NOT_MET", "MET", "MET", "UNKNOWN");
    assertThat(all).map(p -> truth.apply(p, "Received"))
        .containsExactly("NOT_MET", "NOT_MET", "UNKNOWN", "NOT_MET", "NOT_MET", "MET", "UNKNOWN", "NOT_MET");
  }

  /**
   * Positive pregnancy tests (DECISIONS §39) as of 2026-06-01: one taken before a pregnancy the record ends (ended
   * after it, or before it), one followed, or preceded, by a result Eligo does not read ("Not detected"), a negative
   * followed by one. Eligo and SQL must agree, and neither excludes on a test the record has answered since.
   */
  @Test
  void aPositiveTestBeforeAnEndedPregnancyOrAnUnreadResultIsAskedOnEveryEngine() throws Exception {
    Path input = Populations.generate(tmp.resolve("in"), 120, 11);
    Path patients;
    try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(input)) {
      patients = files.filter(f -> f.getFileName().toString().startsWith("Patient")).findFirst().orElseThrow();
    }
    String template = java.nio.file.Files.readAllLines(patients).get(0)
        .replaceAll("\"gender\":\"[a-z]+\"", "\"gender\":\"female\"")
        .replaceAll("\"birthDate\":\"[0-9-]+\"", "\"birthDate\":\"1990-03-01\"");
    String templateId = template.replaceAll(".*?\"id\":\"([^\"]+)\".*", "$1");
    // {first answer, its day, ended pregnancy's end or null, later text answer, its day}
    String[][] cases = {{"10828004", "2026-05-20", "2026-05-25", null, null},
        {"10828004", "2026-05-20", "2026-05-10", null, null}, {"10828004", "2026-05-20", null, "Not detected",
        "2026-05-28"}, {"10828004", "2026-05-20", null, null, null}, {"260385009", "2026-05-20", null, "Not detected",
        "2026-05-28"}, {"10828004", "2026-05-20", null, "Not detected", "2026-05-10"},
        {"10828004", "2026-05-20", null, "dar:as-text", "2026-05-28"},
        {"10828004", "2026-05-20", null, "dar:not-performed", "2026-05-28"},
        // a later coded answer the record does not date (DECISIONS 90): it may be the newer negative
        {"10828004", "2026-05-20", null, "sct:260385009", ""}, {"260385009", "2026-05-20", null, "sct:10828004", ""}};
    StringBuilder people = new StringBuilder();
    StringBuilder observations = new StringBuilder();
    StringBuilder conditions = new StringBuilder();
    for (int i = 0; i < cases.length; i++) {
      String id = String.format("x%07d", i + 1);
      String subject = ",\"subject\":{\"reference\":\"Patient/" + id + "\"}";
      people.append(template.replace("\"" + templateId + "\"", "\"" + id + "\"")).append("\n");
      observations.append("{\"resourceType\":\"Observation\",\"id\":\"hcg-").append(i).append("\",\"status\":")
          .append("\"final\",\"code\":{\"coding\":[{\"system\":\"http://loinc.org\",\"code\":\"2118-8\"}]}")
          .append(subject).append(",\"effectiveDateTime\":\"").append(cases[i][1]).append("\",")
          .append("\"valueCodeableConcept\":{\"coding\":[{\"system\":\"http://snomed.info/sct\",\"code\":\"")
          .append(cases[i][0]).append("\"}]}}\n");
      if (cases[i][3] != null) {
        observations.append("{\"resourceType\":\"Observation\",\"id\":\"hcg-later-").append(i)
            .append("\",\"status\":\"final\",\"code\":{\"coding\":[{\"system\":\"http://loinc.org\",")
            .append("\"code\":\"2106-3\"}]}").append(subject)
            .append(cases[i][4].isEmpty() ? "" : ",\"effectiveDateTime\":\"" + cases[i][4] + "\"")
            .append(cases[i][3].startsWith("dar:") ? ",\"dataAbsentReason\":{\"coding\":[{"
                + "\"system\":\"http://terminology.hl7.org/CodeSystem/data-absent-reason\",\"code\":\""
                + cases[i][3].substring(4) + "\"}]}}\n" : cases[i][3].startsWith("sct:")
                ? ",\"valueCodeableConcept\":{\"coding\":[{\"system\":\"http://snomed.info/sct\",\"code\":\""
                + cases[i][3].substring(4) + "\"}]}}\n" : ",\"valueString\":\"" + cases[i][3] + "\"}\n");
      }
      if (cases[i][2] != null) {
        conditions.append("{\"resourceType\":\"Condition\",\"id\":\"pregnancy-").append(i).append("\",")
            .append("\"clinicalStatus\":{\"coding\":[{\"system\":")
            .append("\"http://terminology.hl7.org/CodeSystem/condition-clinical\",\"code\":\"resolved\"}]},")
            .append("\"code\":{\"coding\":[{\"system\":\"http://snomed.info/sct\",\"code\":\"77386006\"}],")
            .append("\"text\":\"Pregnancy\"}").append(subject).append(",\"onsetDateTime\":\"2026-01-10\",")
            .append("\"abatementDateTime\":\"").append(cases[i][2]).append("\"}\n");
      }
    }
    java.nio.file.Files.writeString(patients, people, java.nio.file.StandardOpenOption.APPEND);
    java.nio.file.Files.writeString(input.resolve("Observation-hcg.ndjson"), observations);
    java.nio.file.Files.writeString(input.resolve("Condition-pregnancies.ndjson"), conditions);
    Path csv = tmp.resolve("csv");
    assertThat(SqlPopulationExport.export(input, Populations.AS_OF, csv, 2)).isEqualTo(120 + cases.length);
    org.eligo.core.rule.CriteriaSet criteria = org.eligo.criteria.CriteriaCompiler.standard().parse("NCT0",
        "Exclusion Criteria:\n\n* Pregnancy\n");
    List<MatchCandidate> trials = List.of(new MatchCandidate(SeedTrials.read("NCT02979873"), criteria));
    Map<String, String> eligo = eligo(input, trials);
    Map<String, String> duck;
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
      SqlEngine.DUCKDB.load(c, csv);
      duck = sql(c, new SqlRuleCompiler(Populations.AS_OF), trials);
    }
    assertThat(differences(duck, eligo)).as("DuckDB vs Eligo").isEmpty();
    String pregnancy = criteria.criteria().get(0).id();
    assertThat(java.util.stream.IntStream.rangeClosed(1, cases.length)
        .mapToObj(i -> duck.get(String.format("NCT02979873|x%07d|", i) + pregnancy)))
        .containsExactly("UNKNOWN", "MET", "UNKNOWN", "MET", "NOT_MET", "MET", "UNKNOWN", "MET", "UNKNOWN", "NOT_MET");
  }

  /**
   * A DAT and a haptoglobin with the lab's range (DECISIONS §86): the export writes the DAT as a coded result and the
   * haptoglobin without its lower limit, which SQL does not read, so both are UNKNOWN on every engine (Eligo had read
   * them as MET or NOT_MET while SQL said UNKNOWN, and the trial still counted as fully expressible).
   */
  @Test
  void aDatAndALimitRelativeToTheLowerLimitOfNormalAreAskedOnEveryEngine() throws Exception {
    Path input = Populations.generate(tmp.resolve("in"), 120, 7);
    StringBuilder observations = new StringBuilder();
    String[] answers = {"10828004", "260385009"};
    for (int i = 0; i < 8; i++) {
      String subject = ",\"subject\":{\"reference\":\"Patient/" + String.format("p%07d", 1 + i) + "\"}";
      observations.append("{\"resourceType\":\"Observation\",\"id\":\"dat-").append(i).append("\",\"status\":")
          .append("\"final\",\"code\":{\"coding\":[{\"system\":\"http://loinc.org\",\"code\":\"1007-4\"}]}")
          .append(subject).append(",\"effectiveDateTime\":\"2026-05-10\",\"valueCodeableConcept\":{\"coding\":[{")
          .append("\"system\":\"http://snomed.info/sct\",\"code\":\"").append(answers[i % 2]).append("\"}]}}\n");
      observations.append("{\"resourceType\":\"Observation\",\"id\":\"hapto-").append(i).append("\",\"status\":")
          .append("\"final\",\"code\":{\"coding\":[{\"system\":\"http://loinc.org\",\"code\":\"4542-7\"}]}")
          .append(subject).append(",\"effectiveDateTime\":\"2026-05-10\",\"valueQuantity\":{\"value\":")
          .append(i % 2 == 0 ? 5 : 100).append(",\"unit\":\"mg/dL\",\"system\":\"http://unitsofmeasure.org\",")
          .append("\"code\":\"mg/dL\"},\"referenceRange\":[{\"low\":{\"value\":30,\"unit\":\"mg/dL\",\"system\":")
          .append("\"http://unitsofmeasure.org\",\"code\":\"mg/dL\"},\"high\":{\"value\":200,\"unit\":\"mg/dL\",")
          .append("\"system\":\"http://unitsofmeasure.org\",\"code\":\"mg/dL\"}}]}\n");
    }
    java.nio.file.Files.writeString(input.resolve("Observation-hemolysis.ndjson"), observations);
    Path csv = tmp.resolve("csv");
    assertThat(SqlPopulationExport.export(input, Populations.AS_OF, csv, 2)).isEqualTo(120);
    org.eligo.core.rule.CriteriaSet criteria = org.eligo.criteria.CriteriaCompiler.standard().parse("NCT0",
        "Inclusion Criteria:\n\n* Positive direct antiglobulin test\n* Haptoglobin < LLN\n\nExclusion Criteria:\n\n"
            + "* Direct Coombs test negative\n");
    List<MatchCandidate> trials = List.of(new MatchCandidate(SeedTrials.read("NCT02979873"), criteria));
    Map<String, String> eligo = eligo(input, trials);
    Map<String, String> duck;
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
      SqlEngine.DUCKDB.load(c, csv);
      duck = sql(c, new SqlRuleCompiler(Populations.AS_OF), trials);
    }
    assertThat(differences(duck, eligo)).as("DuckDB vs Eligo").isEmpty();
    assertThat(criteria.criteria().stream().map(org.eligo.core.rule.Criterion::rule)
        .anyMatch(SqlRuleCompiler::expressible)).as("none of the three is expressible in SQL").isFalse();
  }

  /**
   * Breastfeeding entries still "active" (DECISIONS §58) as of 2026-06-01: begun in June 2023 (asked: perhaps never
   * closed), in September 2025 (breastfeeding), exactly 730 days before (counted) and 731 (asked). Eligo and SQL must
   * agree, and neither excludes on an entry begun more than two years ago.
   */
  @Test
  void aBreastfeedingEntryBegunMoreThanTwoYearsAgoIsAskedOnEveryEngine() throws Exception {
    Path input = Populations.generate(tmp.resolve("in"), 120, 17);
    Path patients;
    try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(input)) {
      patients = files.filter(f -> f.getFileName().toString().startsWith("Patient")).findFirst().orElseThrow();
    }
    String template = java.nio.file.Files.readAllLines(patients).get(0)
        .replaceAll("\"gender\":\"[a-z]+\"", "\"gender\":\"female\"")
        .replaceAll("\"birthDate\":\"[0-9-]+\"", "\"birthDate\":\"1990-03-01\"");
    String templateId = template.replaceAll(".*?\"id\":\"([^\"]+)\".*", "$1");
    String[] onsets = {"2023-06-01", "2025-09-01", "2024-06-01", "2024-05-31"};
    StringBuilder people = new StringBuilder();
    StringBuilder conditions = new StringBuilder();
    for (int i = 0; i < onsets.length; i++) {
      String id = String.format("l%07d", i + 1);
      people.append(template.replace("\"" + templateId + "\"", "\"" + id + "\"")).append("\n");
      conditions.append("{\"resourceType\":\"Condition\",\"id\":\"lactation-").append(i).append("\",")
          .append("\"clinicalStatus\":{\"coding\":[{\"system\":")
          .append("\"http://terminology.hl7.org/CodeSystem/condition-clinical\",\"code\":\"active\"}]},")
          .append("\"code\":{\"text\":\"Breastfeeding\"},\"subject\":{\"reference\":\"Patient/").append(id)
          .append("\"},\"onsetDateTime\":\"").append(onsets[i]).append("\"}\n");
    }
    java.nio.file.Files.writeString(patients, people, java.nio.file.StandardOpenOption.APPEND);
    java.nio.file.Files.writeString(input.resolve("Condition-lactation.ndjson"), conditions);
    Path csv = tmp.resolve("csv");
    assertThat(SqlPopulationExport.export(input, Populations.AS_OF, csv, 2)).isEqualTo(120 + onsets.length);
    org.eligo.core.rule.CriteriaSet criteria = org.eligo.criteria.CriteriaCompiler.standard().parse("NCT0",
        "Exclusion Criteria:\n\n* Lactating\n");
    List<MatchCandidate> trials = List.of(new MatchCandidate(SeedTrials.read("NCT02979873"), criteria));
    Map<String, String> eligo = eligo(input, trials);
    Map<String, String> duck;
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
      SqlEngine.DUCKDB.load(c, csv);
      duck = sql(c, new SqlRuleCompiler(Populations.AS_OF), trials);
    }
    assertThat(differences(duck, eligo)).as("DuckDB vs Eligo").isEmpty();
    String lactating = criteria.criteria().get(0).id();
    assertThat(java.util.stream.IntStream.rangeClosed(1, onsets.length)
        .mapToObj(i -> duck.get(String.format("NCT02979873|l%07d|", i) + lactating)))
        .containsExactly("UNKNOWN", "MET", "MET", "UNKNOWN");
  }

  /**
   * An "active" pregnancy entry with no onset (DECISIONS §62), as of 2026-06-01, for women born in 1990 unless said:
   * recorded on 2023-05-10 (a pregnancy cannot last that long: asked), recorded on 2023-05-10 at a time of day (the
   * fast reader reads the day as written), recorded in April 2026 (MET), with no date at all (asked), the same for a
   * woman of 65 (asked: the record shows a pregnancy, whatever the age), with an onset in March 2026 and a recorded
   * day of 2023 (the onset decides: MET), recorded in May 2026 given as a month (MET), and a breastfeeding entry
   * recorded in 2022 (asked). The Java evaluator on the fast reader's facts and DuckDB agree.
   */
  @Test
  void anActivePregnancyRecordedLongAgoOrUndatedIsAskedOnEveryEngine() throws Exception {
    Path input = Populations.generate(tmp.resolve("in"), 120, 17);
    Path patients;
    try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(input)) {
      patients = files.filter(f -> f.getFileName().toString().startsWith("Patient")).findFirst().orElseThrow();
    }
    String template = java.nio.file.Files.readAllLines(patients).get(0)
        .replaceAll("\"gender\":\"[a-z]+\"", "\"gender\":\"female\"");
    String templateId = template.replaceAll(".*?\"id\":\"([^\"]+)\".*", "$1");
    String[][] entries = { // birth date, text, dates
        {"1990-03-01", "Pregnant", ",\"recordedDate\":\"2023-05-10\""},
        {"1990-03-01", "Pregnant", ",\"recordedDate\":\"2023-05-10T09:30:00+02:00\""},
        {"1990-03-01", "Pregnant", ",\"recordedDate\":\"2026-04-20\""},
        {"1990-03-01", "Pregnant", ""},
        {"1961-01-15", "Pregnant", ""},
        {"1990-03-01", "Pregnant", ",\"onsetDateTime\":\"2026-03-01\",\"recordedDate\":\"2023-05-10\""},
        {"1990-03-01", "Pregnant", ",\"recordedDate\":\"2026-05\""},
        {"1990-03-01", "Breastfeeding", ",\"recordedDate\":\"2022-02-01\""}};
    StringBuilder people = new StringBuilder();
    StringBuilder conditions = new StringBuilder();
    for (int i = 0; i < entries.length; i++) {
      String id = String.format("g%07d", i + 1);
      people.append(template.replace("\"" + templateId + "\"", "\"" + id + "\"")
          .replaceAll("\"birthDate\":\"[0-9-]+\"", "\"birthDate\":\"" + entries[i][0] + "\"")).append("\n");
      conditions.append("{\"resourceType\":\"Condition\",\"id\":\"pregnancy-").append(i).append("\",")
          .append("\"clinicalStatus\":{\"coding\":[{\"system\":")
          .append("\"http://terminology.hl7.org/CodeSystem/condition-clinical\",\"code\":\"active\"}]},")
          .append("\"code\":{\"text\":\"").append(entries[i][1]).append("\"},\"subject\":{\"reference\":\"Patient/")
          .append(id).append("\"}").append(entries[i][2]).append("}\n");
    }
    java.nio.file.Files.writeString(patients, people, java.nio.file.StandardOpenOption.APPEND);
    java.nio.file.Files.writeString(input.resolve("Condition-pregnancy.ndjson"), conditions);
    Path csv = tmp.resolve("csv");
    assertThat(SqlPopulationExport.export(input, Populations.AS_OF, csv, 2)).isEqualTo(120 + entries.length);
    org.eligo.core.rule.CriteriaSet criteria = org.eligo.criteria.CriteriaCompiler.standard().parse("NCT0",
        "Exclusion Criteria:\n\n* Pregnant\n* Lactating\n");
    List<MatchCandidate> trials = List.of(new MatchCandidate(SeedTrials.read("NCT02979873"), criteria));
    Map<String, String> eligo = eligo(input, trials);
    Map<String, String> duck;
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
      SqlEngine.DUCKDB.load(c, csv);
      duck = sql(c, new SqlRuleCompiler(Populations.AS_OF), trials);
    }
    assertThat(differences(duck, eligo)).as("DuckDB vs Eligo").isEmpty();
    String pregnant = criteria.criteria().get(0).id();
    String lactating = criteria.criteria().get(1).id();
    assertThat(java.util.stream.IntStream.rangeClosed(1, entries.length - 1)
        .mapToObj(i -> duck.get(String.format("NCT02979873|g%07d|", i) + pregnant)))
        .containsExactly("UNKNOWN", "UNKNOWN", "MET", "UNKNOWN", "UNKNOWN", "MET", "MET");
    assertThat(duck.get(String.format("NCT02979873|g%07d|", entries.length) + lactating)).isEqualTo("UNKNOWN");
  }

  /**
   * A pregnancy or birth within a time (DECISIONS 75), as of 2026-06-01, for women born in 1990 unless said: a
   * pregnancy resolved on 2026-04-01 (MET), one resolved in 2024 (asked), one still marked active since 2023 (asked:
   * an entry never closed is no birth), one active since March 2026 (MET: pregnant now), and a woman of 70 whose
   * pregnancy ended in 1990 (NOT_MET). The Java evaluator on the fast reader's facts and DuckDB agree.
   */
  @Test
  void aPregnancyThatEndedWithinATimeAgreesOnEveryEngine() throws Exception {
    Path input = Populations.generate(tmp.resolve("in"), 120, 19);
    Path patients;
    try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(input)) {
      patients = files.filter(f -> f.getFileName().toString().startsWith("Patient")).findFirst().orElseThrow();
    }
    String template = java.nio.file.Files.readAllLines(patients).get(0)
        .replaceAll("\"gender\":\"[a-z]+\"", "\"gender\":\"female\"");
    String templateId = template.replaceAll(".*?\"id\":\"([^\"]+)\".*", "$1");
    String[][] entries = { // birth date, status, dates
        {"1990-03-01", "resolved", ",\"onsetDateTime\":\"2025-07-20\",\"abatementDateTime\":\"2026-04-01\""},
        {"1990-03-01", "resolved", ",\"onsetDateTime\":\"2023-08-01\",\"abatementDateTime\":\"2024-05-01\""},
        {"1990-03-01", "active", ",\"onsetDateTime\":\"2023-01-10\""},
        {"1990-03-01", "active", ",\"onsetDateTime\":\"2026-03-01\""},
        {"1956-01-15", "resolved", ",\"onsetDateTime\":\"1989-09-01\",\"abatementDateTime\":\"1990-05-01\""}};
    StringBuilder people = new StringBuilder();
    StringBuilder conditions = new StringBuilder();
    for (int i = 0; i < entries.length; i++) {
      String id = String.format("g%07d", i + 1);
      people.append(template.replace("\"" + templateId + "\"", "\"" + id + "\"")
          .replaceAll("\"birthDate\":\"[0-9-]+\"", "\"birthDate\":\"" + entries[i][0] + "\"")).append("\n");
      conditions.append("{\"resourceType\":\"Condition\",\"id\":\"pregnancy-").append(i).append("\",")
          .append("\"clinicalStatus\":{\"coding\":[{\"system\":")
          .append("\"http://terminology.hl7.org/CodeSystem/condition-clinical\",\"code\":\"").append(entries[i][1])
          .append("\"}]},\"code\":{\"text\":\"Pregnancy\"},\"subject\":{\"reference\":\"Patient/")
          .append(id).append("\"}").append(entries[i][2]).append("}\n");
    }
    java.nio.file.Files.writeString(patients, people, java.nio.file.StandardOpenOption.APPEND);
    java.nio.file.Files.writeString(input.resolve("Condition-pregnancy.ndjson"), conditions);
    Path csv = tmp.resolve("csv");
    assertThat(SqlPopulationExport.export(input, Populations.AS_OF, csv, 2)).isEqualTo(120 + entries.length);
    org.eligo.core.rule.CriteriaSet criteria = org.eligo.criteria.CriteriaCompiler.standard().parse("NCT0",
        "Exclusion Criteria:\n\n* Pregnancy within the last 6 months\n");
    List<MatchCandidate> trials = List.of(new MatchCandidate(SeedTrials.read("NCT02979873"), criteria));
    Map<String, String> eligo = eligo(input, trials);
    Map<String, String> duck;
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
      SqlEngine.DUCKDB.load(c, csv);
      duck = sql(c, new SqlRuleCompiler(Populations.AS_OF), trials);
    }
    assertThat(differences(duck, eligo)).as("DuckDB vs Eligo").isEmpty();
    String within = criteria.criteria().get(0).id();
    assertThat(java.util.stream.IntStream.rangeClosed(1, entries.length)
        .mapToObj(i -> duck.get(String.format("NCT02979873|g%07d|", i) + within)))
        .containsExactly("MET", "UNKNOWN", "UNKNOWN", "MET", "NOT_MET");
  }

  /**
   * A breastfeeding entry in a girl's record (DECISIONS 64), as of 2026-06-01: an infant's own "Breastfeeding" (with
   * an onset, recorded, undated), "Breastfeeding problem in newborn", a girl of three's "Nursing bottle caries": none
   * is her lactation (NOT_MET, had been MET or asked); a woman of 30 breastfeeding since February is (MET). The Java
   * evaluator on the fast reader's facts and DuckDB agree.
   */
  @Test
  void aBreastfeedingEntryInAChildsRecordIsNotHerLactationOnEveryEngine() throws Exception {
    Path input = Populations.generate(tmp.resolve("in"), 120, 19);
    Path patients;
    try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(input)) {
      patients = files.filter(f -> f.getFileName().toString().startsWith("Patient")).findFirst().orElseThrow();
    }
    String template = java.nio.file.Files.readAllLines(patients).get(0)
        .replaceAll("\"gender\":\"[a-z]+\"", "\"gender\":\"female\"");
    String templateId = template.replaceAll(".*?\"id\":\"([^\"]+)\".*", "$1");
    String[][] entries = { // birth date, text, dates
        {"2026-02-01", "Breastfeeding", ",\"onsetDateTime\":\"2026-02-03\""},
        {"2026-02-01", "Breastfeeding problem in newborn", ",\"recordedDate\":\"2026-05-20\""},
        {"2023-01-01", "Nursing bottle caries", ",\"onsetDateTime\":\"2026-01-10\""},
        {"2025-06-01", "Breastfeeding", ""},
        {"1996-01-01", "Breastfeeding", ",\"onsetDateTime\":\"2026-02-03\""}};
    StringBuilder people = new StringBuilder();
    StringBuilder conditions = new StringBuilder();
    for (int i = 0; i < entries.length; i++) {
      String id = String.format("g%07d", i + 1);
      people.append(template.replace("\"" + templateId + "\"", "\"" + id + "\"")
          .replaceAll("\"birthDate\":\"[0-9-]+\"", "\"birthDate\":\"" + entries[i][0] + "\"")).append("\n");
      conditions.append("{\"resourceType\":\"Condition\",\"id\":\"pregnancy-").append(i).append("\",")
          .append("\"clinicalStatus\":{\"coding\":[{\"system\":")
          .append("\"http://terminology.hl7.org/CodeSystem/condition-clinical\",\"code\":\"active\"}]},")
          .append("\"code\":{\"text\":\"").append(entries[i][1]).append("\"},\"subject\":{\"reference\":\"Patient/")
          .append(id).append("\"}").append(entries[i][2]).append("}\n");
    }
    java.nio.file.Files.writeString(patients, people, java.nio.file.StandardOpenOption.APPEND);
    java.nio.file.Files.writeString(input.resolve("Condition-pregnancy.ndjson"), conditions);
    Path csv = tmp.resolve("csv");
    assertThat(SqlPopulationExport.export(input, Populations.AS_OF, csv, 2)).isEqualTo(120 + entries.length);
    org.eligo.core.rule.CriteriaSet criteria = org.eligo.criteria.CriteriaCompiler.standard().parse("NCT0",
        "Exclusion Criteria:\n\n* Pregnant\n* Lactating\n");
    List<MatchCandidate> trials = List.of(new MatchCandidate(SeedTrials.read("NCT02979873"), criteria));
    Map<String, String> eligo = eligo(input, trials);
    Map<String, String> duck;
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
      SqlEngine.DUCKDB.load(c, csv);
      duck = sql(c, new SqlRuleCompiler(Populations.AS_OF), trials);
    }
    assertThat(differences(duck, eligo)).as("DuckDB vs Eligo").isEmpty();
    String lactating = criteria.criteria().get(1).id();
    assertThat(java.util.stream.IntStream.rangeClosed(1, entries.length)
        .mapToObj(i -> duck.get(String.format("NCT02979873|g%07d|", i) + lactating)))
        .containsExactly("NOT_MET", "NOT_MET", "NOT_MET", "NOT_MET", "MET");
  }

  /**
   * Diagnoses without a clinical status (encounter diagnoses) under a disease named without a time (DECISIONS §48,
   * amending §19), as of 2026-06-01: MDS at a visit in 2015, three weeks ago, in April 2026, in May 2026 (the 30 days
   * start on 2026-05-02), without a date, abated; active since 2015 for comparison; a relapse of May 2026 the record
   * also ends (DECISIONS 51: its status and onset are left open); exactly 30 days before (counted) and 31 (not).
   * Eligo (both readers) and SQL must agree, and only the recent diagnoses and the active one exclude.
   */
  @Test
  void aDiagnosisWithoutAStatusIsCurrentOnlyWhenRecentOnEveryEngine() throws Exception {
    Path input = Populations.generate(tmp.resolve("in"), 120, 13);
    Path patients;
    try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(input)) {
      patients = files.filter(f -> f.getFileName().toString().startsWith("Patient")).findFirst().orElseThrow();
    }
    String template = java.nio.file.Files.readAllLines(patients).get(0);
    String templateId = template.replaceAll(".*?\"id\":\"([^\"]+)\".*", "$1");
    // {onset or null, abatement or null, clinical status or null}
    String[][] cases = {{"2015-03-02", null, null}, {"2026-05-12", null, null}, {"2026-04", null, null},
        {"2026-05", null, null}, {null, null, null}, {"2015-03-02", "2016-01-10", null}, {"2015-03-02", null, "active"},
        {"2026-05-20", "2026-05-25", "relapse"}, {"2026-05-02", null, null}, {"2026-05-01", null, null}};
    StringBuilder people = new StringBuilder();
    StringBuilder conditions = new StringBuilder();
    for (int i = 0; i < cases.length; i++) {
      String id = String.format("e%07d", i + 1);
      people.append(template.replace("\"" + templateId + "\"", "\"" + id + "\"")).append("\n");
      conditions.append("{\"resourceType\":\"Condition\",\"id\":\"visit-dx-").append(i).append("\",")
          .append("\"category\":[{\"coding\":[{\"system\":\"http://terminology.hl7.org/CodeSystem/condition-category\",")
          .append("\"code\":\"encounter-diagnosis\"}]}],")
          .append(cases[i][2] == null ? "" : "\"clinicalStatus\":{\"coding\":[{\"system\":"
              + "\"http://terminology.hl7.org/CodeSystem/condition-clinical\",\"code\":\"" + cases[i][2] + "\"}]},")
          .append("\"code\":{\"coding\":[{\"system\":\"http://hl7.org/fhir/sid/icd-10-cm\",\"code\":\"D46.9\"}],")
          .append("\"text\":\"Myelodysplastic syndrome, unspecified\"},\"subject\":{\"reference\":\"Patient/")
          .append(id).append("\"}")
          .append(cases[i][0] == null ? "" : ",\"onsetDateTime\":\"" + cases[i][0] + "\"")
          .append(cases[i][1] == null ? "" : ",\"abatementDateTime\":\"" + cases[i][1] + "\"").append("}\n");
    }
    java.nio.file.Files.writeString(patients, people, java.nio.file.StandardOpenOption.APPEND);
    java.nio.file.Files.writeString(input.resolve("Condition-visits.ndjson"), conditions);
    Path csv = tmp.resolve("csv");
    assertThat(SqlPopulationExport.export(input, Populations.AS_OF, csv, 2)).isEqualTo(120 + cases.length);
    org.eligo.core.rule.CriteriaSet criteria = org.eligo.criteria.CriteriaCompiler.standard().parse("NCT0",
        "Exclusion Criteria:\n\n* Patients with MDS\n* History of myelodysplastic syndrome\n");
    List<MatchCandidate> trials = List.of(new MatchCandidate(SeedTrials.read("NCT02979873"), criteria));
    Map<String, String> eligo = eligo(input, trials);
    Map<String, String> duck;
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
      SqlEngine.DUCKDB.load(c, csv);
      duck = sql(c, new SqlRuleCompiler(Populations.AS_OF), trials);
    }
    assertThat(differences(duck, eligo)).as("DuckDB vs Eligo").isEmpty();
    java.util.function.IntFunction<String> present = i -> duck.get(String.format("NCT02979873|e%07d|", i)
        + criteria.criteria().get(0).id());
    assertThat(java.util.stream.IntStream.rangeClosed(1, cases.length).mapToObj(present))
        .containsExactly("UNKNOWN", "MET", "UNKNOWN", "UNKNOWN", "UNKNOWN", "UNKNOWN", "MET", "UNKNOWN", "MET",
            "UNKNOWN");
    assertThat(java.util.stream.IntStream.rangeClosed(1, cases.length).mapToObj(i -> duck.get(String.format(
        "NCT02979873|e%07d|", i) + criteria.criteria().get(1).id()))).as("history of: at any time")
        .containsOnly("MET");
  }

  /**
  }

   * Dialysis, transient ischaemic attacks and windows written on headings (DECISIONS §26): hemodialysis last month, in
   * March, in 2019, dated only "2025-12" or not at all; a dependence on dialysis (ICD-10-CM Z99.2) active, resolved or
   * inactive; TIAs dated inside and before the window. Eligo and SQL must agree on every criterion.
   */
  @Test
  void dialysisTiaAndHeadingWindowsAgreeOnEveryEngine() throws Exception {
    Path input = Populations.generate(tmp.resolve("in"), 120, 7);
    String[] performed = {"2026-05-20", "2026-03-01", "2019-01-01", "2025-12", null};
    String[] statuses = {"active", "resolved", "inactive"};
    String[] tiaOnsets = {"2026-04-01", "2012-05-01", null, "2025-12"};
    StringBuilder procedures = new StringBuilder();
    StringBuilder conditions = new StringBuilder();
    for (int i = 0; i < 30; i++) {
      String patient = String.format("p%07d", 1 + i * 2);
      String day = performed[i % performed.length];
      procedures.append("{\"resourceType\":\"Procedure\",\"id\":\"hd-").append(i).append("\",\"status\":")
          .append("\"completed\",\"code\":{\"coding\":[{\"system\":\"http://snomed.info/sct\",\"code\":")
          .append("\"302497006\"}],\"text\":\"Hemodialysis\"},\"subject\":{\"reference\":\"Patient/")
          .append(patient).append("\"}").append(day == null ? "" : ",\"performedDateTime\":\"" + day + "\"")
          .append("}\n");
      String other = String.format("p%07d", 2 + i * 2);
      conditions.append("{\"resourceType\":\"Condition\",\"id\":\"z992-").append(i).append("\",")
          .append("\"clinicalStatus\":{\"coding\":[{\"system\":")
          .append("\"http://terminology.hl7.org/CodeSystem/condition-clinical\",\"code\":\"")
          .append(statuses[i % statuses.length]).append("\"}]},\"code\":{\"coding\":[{\"system\":")
          .append("\"http://hl7.org/fhir/sid/icd-10-cm\",\"code\":\"Z99.2\"}],\"text\":")
          .append("\"Dependence on renal dialysis\"},\"subject\":{\"reference\":\"Patient/").append(other)
          .append("\"},\"onsetDateTime\":\"2020-02-01\"}\n");
      String onset = tiaOnsets[i % tiaOnsets.length];
      conditions.append("{\"resourceType\":\"Condition\",\"id\":\"tia-").append(i).append("\",")
          .append("\"clinicalStatus\":{\"coding\":[{\"system\":")
          .append("\"http://terminology.hl7.org/CodeSystem/condition-clinical\",\"code\":\"active\"}]},")
          .append("\"code\":{\"coding\":[{\"system\":\"http://hl7.org/fhir/sid/icd-10-cm\",\"code\":\"G45.9\"}],")
          .append("\"text\":\"Transient ischemic attack\"},\"subject\":{\"reference\":\"Patient/")
          .append(i % 2 == 0 ? patient : other).append("\"}")
          .append(onset == null ? "" : ",\"onsetDateTime\":\"" + onset + "\"").append("}\n");
    }
    java.nio.file.Files.writeString(input.resolve("Procedure-dialysis.ndjson"), procedures);
    java.nio.file.Files.writeString(input.resolve("Condition-dialysis.ndjson"), conditions);
    Path csv = tmp.resolve("csv");
    assertThat(SqlPopulationExport.export(input, Populations.AS_OF, csv, 2)).isEqualTo(120);
    org.eligo.core.rule.CriteriaSet criteria = org.eligo.criteria.CriteriaCompiler.standard().parse("NCT0",
        "Inclusion Criteria:\n\n* Not on dialysis\n\nExclusion Criteria:\n\n* Patients on dialysis\n"
            + "* History of dialysis\n* Dialysis within the past 3 months\n"
            + "* Transient ischemic attack within 6 months\n"
            + "* Any of the following within 6 months prior to enrollment:\n  - Myocardial infarction\n"
            + "  - Transient ischemic attack\n"
            + "* Within 6 months before screening:\n  - Any of the following:\n    - Stroke\n"
            + "    - Transient ischemic attack\n");
    List<MatchCandidate> trials = List.of(new MatchCandidate(SeedTrials.read("NCT02979873"), criteria));
    Map<String, String> eligo = eligo(input, trials);
    Map<String, String> duck;
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
      SqlEngine.DUCKDB.load(c, csv);
      duck = sql(c, new SqlRuleCompiler(Populations.AS_OF), trials);
    }
    assertThat(differences(duck, eligo)).as("DuckDB vs Eligo").isEmpty();
    String onDialysis = criteria.criteria().stream().filter(c -> c.text().equals("Patients on dialysis")).findFirst()
        .orElseThrow().id();
    // hemodialysis on 2026-05-20 (p0000001), in March (p0000003: asked), in 2019 (p0000005: asked); Z99.2 active
    // (p0000002: asked, DECISIONS §36), resolved (p0000004)
    assertThat(List.of("p0000001", "p0000003", "p0000005", "p0000002"))
        .map(p -> eligo.get("NCT02979873|" + p + "|" + onDialysis))
        .containsExactly("MET", "UNKNOWN", "UNKNOWN", "UNKNOWN");
  }

  /**
   * The generator records transplants as procedures; a record may also hold one as a status diagnosis (ICD-10-CM
   * Z94.84, confirmed or provisional, dated or not), which all engines must count as the procedure. It also adds
   * pregnancies left active for up to 19 months, which all engines must stop counting after 43 weeks.
   */
  private static void addTransplantStatusEntries(Path input) throws java.io.IOException {
    Path conditions;
    try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(input)) {
      conditions = files.filter(f -> f.getFileName().toString().startsWith("Condition")).findFirst().orElseThrow();
    }
    StringBuilder lines = new StringBuilder();
    String[] verification = {"confirmed", "provisional"};
    for (int i = 0; i < 40; i++) {
      String patient = String.format("p%07d", 1 + i * 7);
      lines.append("{\"resourceType\":\"Condition\",\"id\":\"hsct-").append(i).append("\",\"clinicalStatus\":")
          .append("{\"coding\":[{\"system\":\"http://terminology.hl7.org/CodeSystem/condition-clinical\",")
          .append("\"code\":\"active\"}]},\"verificationStatus\":{\"coding\":[{\"system\":")
          .append("\"http://terminology.hl7.org/CodeSystem/condition-ver-status\",\"code\":\"")
          .append(verification[i % 2]).append("\"}]},\"code\":{\"coding\":[{\"system\":")
          .append("\"http://hl7.org/fhir/sid/icd-10-cm\",\"code\":\"Z94.84\"}],\"text\":\"Stem cells transplant ")
          .append("status\"},\"subject\":{\"reference\":\"Patient/").append(patient).append("\"}")
          .append(i % 4 < 2 ? ",\"onsetDateTime\":\"" + Populations.AS_OF.minusDays(30L * i) + "\"" : "")
          .append("}\n");
    }
    // pregnancies recorded as active, begun from today to 19 months ago: one begun over 43 weeks ago is stale
    for (int i = 0; i < 20; i++) {
      String patient = String.format("p%07d", 3 + i * 11);
      lines.append("{\"resourceType\":\"Condition\",\"id\":\"preg-").append(i).append("\",\"clinicalStatus\":")
          .append("{\"coding\":[{\"system\":\"http://terminology.hl7.org/CodeSystem/condition-clinical\",")
          .append("\"code\":\"active\"}]},\"code\":{\"coding\":[{\"system\":\"http://snomed.info/sct\",")
          .append("\"code\":\"77386006\"}],\"text\":\"Pregnancy\"},\"subject\":{\"reference\":\"Patient/")
          .append(patient).append("\"},\"onsetDateTime\":\"").append(Populations.AS_OF.minusDays(30L * i))
          .append("\"}\n");
    }
    // myelodysplastic syndromes current, past, in remission, abated and without a status: "Evidence of clonal ...
    // diseases (e.g., MDS ...)" names no time, so only a current one (or one of unknown status) excludes
    String[] statuses = {"active", "resolved", "remission", "inactive", null, "active"};
    for (int i = 0; i < 30; i++) {
      String patient = String.format("p%07d", 5 + i * 13);
      String status = statuses[i % statuses.length];
      lines.append("{\"resourceType\":\"Condition\",\"id\":\"mds-").append(i).append("\",")
          .append(status == null ? "" : "\"clinicalStatus\":{\"coding\":[{\"system\":"
              + "\"http://terminology.hl7.org/CodeSystem/condition-clinical\",\"code\":\"" + status + "\"}]},")
          .append("\"code\":{\"coding\":[{\"system\":\"http://hl7.org/fhir/sid/icd-10-cm\",\"code\":\"D46.9\"}],")
          .append("\"text\":\"Myelodysplastic syndrome\"},\"subject\":{\"reference\":\"Patient/").append(patient)
          .append("\"},\"onsetDateTime\":\"2019-03-01\"")
          .append(i % statuses.length == 5 ? ",\"abatementDateTime\":\"2021-03-01\"" : "").append("}\n");
    }
    java.nio.file.Files.writeString(conditions, lines, java.nio.file.StandardOpenOption.APPEND);
  }

  /**
   * Dates given only as a year or a month, around the seed trials' time limits as of 2026-06-01 (cyclosporine within
   * 180 days, anti-CD20 within 90, mTOR inhibitors within 84, lymphodepleting therapy at least 365 days before, a
   * live vaccine within 30 days, malignancy within 5 years, current anticoagulants, transfusions): some straddle the
   * limit, some lie on one side. All engines read both ends and must agree.
   */
  static void addPartialDates(Path input) throws java.io.IOException {
    String[] months = {"2025-10", "2025-11", "2025-12", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06",
        "2025-05", "2025-06", "2025-07", "2021-05", "2021-06", "2021-07", "2021", "2025"};
    StringBuilder meds = new StringBuilder();
    StringBuilder conditions = new StringBuilder();
    StringBuilder procedures = new StringBuilder();
    StringBuilder vaccines = new StringBuilder();
    String[] drugs = {"Cyclosporine", "Rituximab", "Sirolimus", "Antithymocyte globulin", "Warfarin", "Prednisone"};
    String[] statuses = {"completed", "active", "stopped"};
    for (int i = 0; i < 160; i++) {
      String patient = String.format("p%07d", 2 + i * 17);
      String month = months[i % months.length];
      String earlier = months[(i + 5) % months.length];
      String drug = drugs[i % drugs.length];
      String subject = ",\"subject\":{\"reference\":\"Patient/" + patient + "\"}";
      String period = i % 3 == 0 ? "{\"start\":\"" + month + "\"}"
          : i % 3 == 1 ? "{\"start\":\"" + earlier + "\",\"end\":\"" + month + "\"}"
          : "{\"start\":\"" + month + "-03\",\"end\":\"" + month + "\"}";
      meds.append("{\"resourceType\":\"MedicationStatement\",\"id\":\"partial-").append(i)
          .append("\",\"status\":\"").append(statuses[i % statuses.length])
          .append("\",\"medicationCodeableConcept\":{\"text\":\"").append(drug).append("\"}").append(subject)
          .append(",\"effectivePeriod\":").append(period).append("}\n");
      conditions.append("{\"resourceType\":\"Condition\",\"id\":\"partial-").append(i)
          .append("\",\"clinicalStatus\":{\"coding\":[{\"system\":")
          .append("\"http://terminology.hl7.org/CodeSystem/condition-clinical\",\"code\":\"")
          .append(i % 2 == 0 ? "resolved" : "inactive").append("\"}]},\"code\":{\"coding\":[{\"system\":")
          .append("\"http://hl7.org/fhir/sid/icd-10-cm\",\"code\":\"C50.919\"}],\"text\":\"Breast cancer\"}")
          .append(subject).append(",\"onsetDateTime\":\"").append(i % 4 == 0 ? "2019" : earlier).append("\"")
          .append(i % 2 == 0 ? ",\"abatementDateTime\":\"" + month + "\"" : "").append("}\n");
      procedures.append("{\"resourceType\":\"Procedure\",\"id\":\"partial-").append(i)
          .append("\",\"status\":\"completed\",\"code\":{\"text\":\"")
          .append(i % 2 == 0 ? "Platelet transfusion" : "Red blood cell transfusion").append("\"}").append(subject)
          .append(",\"performedDateTime\":\"").append(month).append("\"}\n");
      vaccines.append("{\"resourceType\":\"Immunization\",\"id\":\"partial-").append(i)
          .append("\",\"status\":\"completed\",\"vaccineCode\":{\"coding\":[{\"system\":")
          .append("\"http://hl7.org/fhir/sid/cvx\",\"code\":\"03\"}]}")
          .append(",\"patient\":{\"reference\":\"Patient/").append(patient).append("\"}")
          .append(",\"occurrenceDateTime\":\"").append(month).append("\"}\n");
      // a procedure and a vaccine coded only with codes Eligo does not know, dated by a day, a month or a year
      // around the time limits: they leave a criterion open only when they can fall in its window
      String when = i % 3 == 0 ? month : i % 3 == 1 ? month + "-16" : "2015-03-01";
      procedures.append("{\"resourceType\":\"Procedure\",\"id\":\"unknown-").append(i)
          .append("\",\"status\":\"completed\",\"code\":{\"coding\":[{\"system\":\"http://snomed.info/sct\",")
          .append("\"code\":\"999999003\"}]}").append(subject)
          .append(",\"performedDateTime\":\"").append(when).append("\"}\n");
      vaccines.append("{\"resourceType\":\"Immunization\",\"id\":\"unknown-").append(i)
          .append("\",\"status\":\"completed\",\"vaccineCode\":{\"coding\":[{\"system\":")
          .append("\"http://hl7.org/fhir/sid/cvx\",\"code\":\"999\"}]}")
          .append(",\"patient\":{\"reference\":\"Patient/").append(patient).append("\"}")
          .append(",\"occurrenceDateTime\":\"").append(when).append("\"}\n");
    }
    java.nio.file.Files.writeString(input.resolve("Observation-partial.ndjson"), partialObservations());
    java.nio.file.Files.writeString(input.resolve("MedicationStatement-partial.ndjson"), meds);
    java.nio.file.Files.writeString(input.resolve("Condition-partial.ndjson"), conditions);
    java.nio.file.Files.writeString(input.resolve("Procedure-partial.ndjson"), procedures);
    java.nio.file.Files.writeString(input.resolve("Immunization-partial.ndjson"), vaccines);
  }

  /**
   * Lab results and pregnancy statuses dated only by a month or a year, as of 2026-06-01: around the 90-day lab window
   * (from 2026-03-03) and the 30-day status window (from 2026-05-02), below and above the seed trials' limits, some
   * beside an exact result of the same month that they cannot be ordered with, some preliminary. All engines read both
   * ends and must agree.
   */
  private static String partialObservations() {
    String[] months = {"2026-02", "2026-03", "2026-04", "2026-05", "2026-06", "2025-12", "2025", "2026"};
    String[][] labs = {{"777-3", "10*9/L", "15", "160"}, {"751-8", "10*9/L", "0.3", "2.5"},
        {"718-7", "g/dL", "7.5", "13.2"}};
    String[] statuses = {"final", "final", "final", "preliminary"};
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < 200; i++) {
      String patient = String.format("p%07d", 5 + i * 13);
      String subject = ",\"subject\":{\"reference\":\"Patient/" + patient + "\"}";
      String month = months[i % months.length];
      String[] lab = labs[i % labs.length];
      String value = lab[2 + (i / 3) % 2];
      out.append("{\"resourceType\":\"Observation\",\"id\":\"partial-lab-").append(i).append("\",\"status\":\"")
          .append(statuses[(i / 7) % statuses.length]).append("\",\"code\":{\"coding\":[{\"system\":")
          .append("\"http://loinc.org\",\"code\":\"").append(lab[0]).append("\"}]}").append(subject)
          .append(",\"effectiveDateTime\":\"").append(month).append("\",\"valueQuantity\":{\"value\":").append(value)
          .append(",\"unit\":\"").append(lab[1]).append("\",\"system\":\"http://unitsofmeasure.org\",\"code\":\"")
          .append(lab[1]).append("\"}}\n");
      if (i % 2 == 0 && month.length() == 7) {
        // an exact result of the same month reading the other way
        out.append("{\"resourceType\":\"Observation\",\"id\":\"exact-lab-").append(i)
            .append("\",\"status\":\"final\",\"code\":{\"coding\":[{\"system\":\"http://loinc.org\",\"code\":\"")
            .append(lab[0]).append("\"}]}").append(subject).append(",\"effectiveDateTime\":\"").append(month)
            .append("-1").append(i % 9).append("\",\"valueQuantity\":{\"value\":").append(lab[3 - (i / 3) % 2])
            .append(",\"unit\":\"").append(lab[1]).append("\",\"system\":\"http://unitsofmeasure.org\",")
            .append("\"code\":\"").append(lab[1]).append("\"}}\n");
      }
      // pregnancy statuses: a month around the 30-day window, and for some an exact one of the same month
      String[] answers = {"LA15173-0", "LA26683-5"};
      String when = months[(i + 3) % months.length];
      for (int k = 0; k < (i % 3 == 0 ? 2 : 1); k++) {
        String day = k == 0 ? when : when.length() == 7 ? when + "-2" + (i % 8) : when + "-05-20";
        out.append("{\"resourceType\":\"Observation\",\"id\":\"partial-status-").append(i).append('-').append(k)
            .append("\",\"status\":\"final\",\"code\":{\"coding\":[{\"system\":\"http://loinc.org\",")
            .append("\"code\":\"82810-3\"}]}").append(subject).append(",\"effectiveDateTime\":\"").append(day)
            .append("\",\"valueCodeableConcept\":{\"coding\":[{\"system\":\"http://loinc.org\",\"code\":\"")
            .append(answers[(i + k) % 2]).append("\"}]}}\n");
      }
    }
    return out.toString();
  }

  /**
   * Lab results given as bounds ("<20", "<=0.5", ">=50", ">100": valueQuantity.comparator) on and around the seed
   * trials' limits (ANC ≥ 0.5 and < 1.0, platelets ≥ 20 and < 50, hemoglobin < 100 g/L, ALT ≤ 3 × ULN), recent or
   * stale, some beside an exact result of the same day. All engines must read a bound alike: it decides only where
   * every result it allows does.
   */
  static void addBoundedResults(Path input) throws java.io.IOException {
    String[][] labs = {{"751-8", "10*9/L", "0.2", "0.5", "1", "2"}, {"777-3", "10*9/L", "10", "20", "50", "80"},
        {"718-7", "g/dL", "8", "10", "12", "9"}, {"1742-6", "U/L", "40", "120", "200", "20"}};
    String[] comparators = {"<", "<=", ">=", ">"};
    String[] days = {"2026-05-28", "2026-05-31", "2026-06-01", "2026-01-10"};
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < 240; i++) {
      String patient = String.format("p%07d", 7 + i * 11);
      String[] lab = labs[i % labs.length];
      String day = days[(i / 4) % days.length];
      String quantity = ",\"unit\":\"" + lab[1] + "\",\"system\":\"http://unitsofmeasure.org\",\"code\":\""
          + lab[1] + "\"";
      String range = lab[0].equals("1742-6") ? ",\"referenceRange\":[{\"high\":{\"value\":40" + quantity + "}}]"
          : "";
      out.append("{\"resourceType\":\"Observation\",\"id\":\"bound-").append(i).append("\",\"status\":\"final\",")
          .append("\"code\":{\"coding\":[{\"system\":\"http://loinc.org\",\"code\":\"").append(lab[0])
          .append("\"}]},\"subject\":{\"reference\":\"Patient/").append(patient).append("\"},\"effectiveDateTime\":\"")
          .append(day).append("\",\"valueQuantity\":{\"value\":").append(lab[2 + (i / 16) % 4])
          .append(",\"comparator\":\"").append(comparators[(i / 4 + i) % 4]).append("\"").append(quantity).append("}")
          .append(range).append("}\n");
      if (i % 5 == 0) {
        // an exact result of the same day, agreeing with the bound or not
        out.append("{\"resourceType\":\"Observation\",\"id\":\"bound-exact-").append(i)
            .append("\",\"status\":\"final\",\"code\":{\"coding\":[{\"system\":\"http://loinc.org\",\"code\":\"")
            .append(lab[0]).append("\"}]},\"subject\":{\"reference\":\"Patient/").append(patient)
            .append("\"},\"effectiveDateTime\":\"").append(day).append("\",\"valueQuantity\":{\"value\":")
            .append(lab[2 + (i / 5) % 4]).append(quantity).append("}").append(range).append("}\n");
      }
    }
    java.nio.file.Files.writeString(input.resolve("Observation-bound.ndjson"), out);
  }

  /** Where two engines disagree, counted per trial and criterion, with one example patient each. */
  private static Map<String, String> differences(Map<String, String> actual, Map<String, String> expected) {
    Map<String, String> out = new TreeMap<>();
    Map<String, Integer> counts = new TreeMap<>();
    for (Map.Entry<String, String> e : expected.entrySet()) {
      String got = actual.get(e.getKey());
      if (e.getValue().equals(got)) continue;
      String[] k = e.getKey().split("\\|");
      String where = k[0] + " " + k[2];
      counts.merge(where, 1, Integer::sum);
      out.putIfAbsent(where, "e.g. " + k[1] + ": expected " + e.getValue() + ", got " + got);
    }
    out.replaceAll((k, v) -> counts.get(k) + " patients; " + v);
    if (actual.size() != expected.size()) out.put("size", actual.size() + " vs " + expected.size());
    return out;
  }

  /** trial|patient|criterion → truth, and trial|patient|verdict → verdict, from SQL. */
  private static Map<String, String> sql(Connection c, SqlRuleCompiler compiler) throws Exception {
    return sql(c, compiler, SeedTrials.candidates());
  }

  private static Map<String, String> sql(Connection c, SqlRuleCompiler compiler, List<MatchCandidate> trials)
      throws Exception {
    Map<String, String> out = new HashMap<>();
    for (MatchCandidate t : trials) {
      List<Criterion> criteria = t.criteria().criteria();
      try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(compiler.criteriaQuery(t.criteria()))) {
        while (rs.next()) {
          String key = t.trial().nctId() + "|" + rs.getString("patient_id") + "|";
          for (int i = 0; i < criteria.size(); i++) out.put(key + criteria.get(i).id(), rs.getString("c" + i));
          out.put(key + "verdict", rs.getString("verdict"));
        }
      }
    }
    return out;
  }

  /** The same, from Eligo's evaluator over the facts the screening reader gives. */
  private static Map<String, String> eligo(Path input) {
    return eligo(input, SeedTrials.candidates());
  }

  private static Map<String, String> eligo(Path input, List<MatchCandidate> trials) {
    List<String> names = BulkFiles.discover(input).files().stream().map(BulkFile::name).toList();
    PatientRecordReader reader = PatientRecordReader.bundled(PatientRecordReader.Mode.FAST);
    EvaluationContext context = new EvaluationContext(Populations.AS_OF);
    Map<String, String> out = new TreeMap<>();
    for (Map.Entry<String, List<BucketRecord>> p : Populations.groupInMemory(input).entrySet()) {
      PatientFacts facts = reader.read(new PatientLines(p.getKey(), p.getValue()), Populations.AS_OF, names).facts();
      PatientIndex index = PatientIndex.of(facts);
      for (MatchCandidate t : trials) {
        boolean excluded = false;
        boolean open = false;
        for (Criterion c : t.criteria().criteria()) {
          var truth = RuleEvaluator.evaluate(SqlRuleCompiler.sqlView(c.rule()), index, context).truth();
          out.put(t.trial().nctId() + "|" + p.getKey() + "|" + c.id(), truth.name());
          if (c.confirmAtScreening()) continue;
          if (c.type() == CriterionType.INCLUSION ? truth.isNotMet() : truth.isMet()) excluded = true;
          else if (truth.isUnknown()) open = true;
        }
        out.put(t.trial().nctId() + "|" + p.getKey() + "|verdict", excluded ? "INELIGIBLE" : open ? "NEEDS_INFO"
            : "ELIGIBLE");
      }
    }
    return out;
  }
}
