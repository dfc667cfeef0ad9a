package org.eligo.store.trial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.eligo.store.trial.StudyBuilder.study;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.eligo.core.trial.PartialDate;
import org.eligo.core.trial.RecruitmentStatus;
import org.eligo.store.Backend;
import org.eligo.store.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** The trial repository against embedded H2 and a real PostgreSQL, with the same assertions. */
@ParameterizedClass(name = "{0}")
@EnumSource(Backend.class)
class TrialRepositoryTest {

  private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");

  @Parameter
  Backend backend;

  @TempDir
  Path tempDir;

  private Backend.TestDatabase db;
  private MutableClock clock;
  private TrialRepository trials;

  @BeforeEach
  void open() {
    db = backend.open(tempDir);
    clock = new MutableClock(T0);
    trials = new JdbiTrialRepository(db.database(), clock);
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void aStoredStudyComesBackAsItWent() {
    StoredStudy stored = study("NCT05281068")
        .title("Iguratimod and Danazol in ITP")
        .updated("2021-07")
        .verified("2021-06-30")
        .conditions("Immune Thrombocytopenia", "ITP")
        .site("Peking University People's Hospital", "Beijing", "China", "RECRUITING")
        .site("Ruijin Hospital", "Shanghai", "China", "NOT_YET_RECRUITING")
        .extraJson("\"futureSection\":{\"unknownField\":[1,2,{\"x\":\"é ü 中\"}]}")
        .origin("bundled")
        .build();

    assertThat(trials.upsert(stored)).isEqualTo(UpsertOutcome.INSERTED);

    assertThat(trials.find("NCT05281068")).contains(stored);
    assertThat(trials.find("NCT05281068").orElseThrow().documentJson()).contains("\"unknownField\":[1,2,{\"x\":\"é ü 中\"}]");
    assertThat(trials.find("NCT00000000")).isEmpty();
    assertThat(trials.count()).isEqualTo(1);
  }

  @Test
  void reimportingTheSameDataChangesNothing() {
    StoredStudy first = study("NCT00000001").site("Site", "Oslo", "Norway", "RECRUITING").origin("bundled").build();
    trials.upsert(first);
    TrialSummary before = trials.list(ListFilter.firstPage(10)).getFirst();
    List<StatusChange> historyBefore = trials.statusHistory("NCT00000001");

    clock.advance(Duration.ofDays(1));
    StoredStudy sameFromElsewhere = study("NCT00000001").site("Site", "Oslo", "Norway", "RECRUITING")
        .origin("ctgov-2025-03-02").build();

    assertThat(trials.upsert(sameFromElsewhere)).isEqualTo(UpsertOutcome.UNCHANGED);
    TrialSummary after = trials.list(ListFilter.firstPage(10)).getFirst();
    assertThat(after.updatedAt()).isEqualTo(before.updatedAt()).isEqualTo(T0);
    assertThat(after.origin()).isEqualTo("bundled");
    assertThat(trials.statusHistory("NCT00000001")).isEqualTo(historyBefore);
  }

  @Test
  void aNewerVersionReplacesTheStoredOne() {
    trials.upsert(study("NCT00000002").updated("2024-01-15").origin("bundled").build());
    clock.advance(Duration.ofHours(5));
    StoredStudy newer = study("NCT00000002").updated("2024-02-01").title("Renamed").status("COMPLETED")
        .conditions("Lymphoma").origin("import").build();

    assertThat(trials.upsert(newer)).isEqualTo(UpsertOutcome.UPDATED);

    assertThat(trials.find("NCT00000002")).contains(newer);
    TrialSummary summary = trials.list(ListFilter.firstPage(10)).getFirst();
    assertThat(summary.updatedAt()).isEqualTo(T0.plus(Duration.ofHours(5)));
    assertThat(summary.origin()).isEqualTo("import");
    assertThat(summary.conditions()).containsExactly("Lymphoma");
  }

  @Test
  void aCorrectionWithTheSameDateReplacesTheStoredOne() {
    trials.upsert(study("NCT00000003").title("Typo").build());
    StoredStudy corrected = study("NCT00000003").title("Fixed").build();

    assertThat(trials.upsert(corrected)).isEqualTo(UpsertOutcome.UPDATED);
    assertThat(trials.find("NCT00000003")).contains(corrected);
  }

  @ParameterizedTest(name = "stored {0}, incoming {1}: {2}")
  @CsvSource(nullValues = "none", value = {
      "2021-07-06, 2021-07-05, SKIPPED_OLDER",
      "2021-07-06, 2021-06,    SKIPPED_OLDER",
      "2021-07-06, 2021-07,    SKIPPED_OLDER",   // a month never replaces a known day in it
      "2021-07,    2021-06-30, SKIPPED_OLDER",
      "2021-07-06, none,       SKIPPED_OLDER",   // a missing date never replaces a dated version
      "2021-07,    2021-07-06, UPDATED",         // more precise within the same month
      "2021-07,    2021-07,    UPDATED",
      "2021-07-06, 2021-07-06, UPDATED",
      "2021-07-06, 2021-08,    UPDATED",
      "2021-07-31, 2021-08-01, UPDATED",
      "none,       2020-01,    UPDATED",
      "none,       none,       UPDATED",
  })
  void olderRegistryDataNeverReplacesNewer(String storedDate, String incomingDate, UpsertOutcome expected) {
    StoredStudy stored = study("NCT00000004").updated(storedDate).title("Stored").build();
    StoredStudy incoming = study("NCT00000004").updated(incomingDate).title("Incoming").status("COMPLETED").build();
    trials.upsert(stored);

    assertThat(trials.upsert(incoming)).isEqualTo(expected);

    assertThat(trials.find("NCT00000004")).contains(expected == UpsertOutcome.UPDATED ? incoming : stored);
    assertThat(trials.statusHistory("NCT00000004")).extracting(StatusChange::status)
        .containsExactly(expected == UpsertOutcome.UPDATED
            ? new String[] {"RECRUITING", "COMPLETED"} : new String[] {"RECRUITING"});
  }

  @Test
  void statusHistoryRecordsOverallAndSiteChangesAcrossImports() {
    String oslo = StoredStudy.siteKey("Oslo University Hospital", "Oslo", "Norway");
    String bergen = StoredStudy.siteKey("Haukeland", "Bergen", "Norway");
    String tromso = StoredStudy.siteKey("UNN", "Tromsø", "Norway");
    trials.upsert(study("NCT00000005").updated("2024-01-10").status("RECRUITING")
        .site("Oslo University Hospital", "Oslo", "Norway", "RECRUITING")
        .site("Haukeland", "Bergen", "Norway", "NOT_YET_RECRUITING").build());

    clock.advance(Duration.ofDays(30));
    Instant t1 = clock.instant();
    StoredStudy second = study("NCT00000005").updated("2024-02-10").status("ACTIVE_NOT_RECRUITING")
        .site("Oslo University Hospital", "Oslo", "Norway", "COMPLETED")
        .site("Haukeland", "Bergen", "Norway", "NOT_YET_RECRUITING")
        .site("UNN", "Tromsø", "Norway", "RECRUITING").build();
    assertThat(trials.upsert(second)).isEqualTo(UpsertOutcome.UPDATED);

    clock.advance(Duration.ofDays(30));
    assertThat(trials.upsert(second)).isEqualTo(UpsertOutcome.UNCHANGED);
    assertThat(trials.upsert(study("NCT00000005").updated("2024-01-20").status("WITHDRAWN").build()))
        .isEqualTo(UpsertOutcome.SKIPPED_OLDER);
    clock.advance(Duration.ofDays(1));
    Instant t2 = clock.instant();
    assertThat(trials.upsert(study("NCT00000005").updated("2024-03").status("ACTIVE_NOT_RECRUITING")
        .title("Only the title changed").site("UNN", "Tromsø", "Norway", "RECRUITING").build()))
        .isEqualTo(UpsertOutcome.UPDATED);
    assertThat(trials.upsert(study("NCT00000005").updated("2024-04").status("ACTIVE_NOT_RECRUITING")
        .site("Haukeland", "Bergen", "Norway", "RECRUITING").site("UNN", "Tromsø", "Norway", "RECRUITING").build()))
        .isEqualTo(UpsertOutcome.UPDATED);

    PartialDate jan = new PartialDate("2024-01-10");
    PartialDate feb = new PartialDate("2024-02-10");
    PartialDate apr = new PartialDate("2024-04");
    assertThat(trials.statusHistory("NCT00000005")).containsExactly(
        new StatusChange("NCT00000005", StatusScope.OVERALL, null, "RECRUITING", jan, T0),
        new StatusChange("NCT00000005", StatusScope.SITE, bergen, "NOT_YET_RECRUITING", jan, T0),
        new StatusChange("NCT00000005", StatusScope.SITE, oslo, "RECRUITING", jan, T0),
        new StatusChange("NCT00000005", StatusScope.OVERALL, null, "ACTIVE_NOT_RECRUITING", feb, t1),
        new StatusChange("NCT00000005", StatusScope.SITE, oslo, "COMPLETED", feb, t1),
        new StatusChange("NCT00000005", StatusScope.SITE, tromso, "RECRUITING", feb, t1),
        // 2024-03 dropped Bergen; 2024-04 brings it back with a new status
        new StatusChange("NCT00000005", StatusScope.SITE, bergen, "RECRUITING", apr, t2));
    assertThat(trials.find("NCT00000005").orElseThrow().siteStatuses())
        .containsExactlyEntriesOf(new java.util.TreeMap<>(Map.of(bergen, "RECRUITING", tromso, "RECRUITING")));
    assertThat(trials.statusHistory("NCT09999999")).isEmpty();
  }

  @Test
  void upsertAllReportsEachStudyInOrderAndHandlesRepeats() {
    trials.upsert(study("NCT00000010").build());
    List<StoredStudy> batch = List.of(
        study("NCT00000011").updated("2024-01-01").build(),
        study("NCT00000010").build(),
        study("NCT00000011").updated("2024-02-01").status("COMPLETED").build(),
        study("NCT00000010").updated("2023-12-31").title("older").build(),
        study("NCT00000011").updated("2024-02-01").status("COMPLETED").build());

    assertThat(trials.upsertAll(batch)).containsExactly(UpsertOutcome.INSERTED, UpsertOutcome.UNCHANGED,
        UpsertOutcome.UPDATED, UpsertOutcome.SKIPPED_OLDER, UpsertOutcome.UNCHANGED);
    assertThat(trials.find("NCT00000011").orElseThrow().overallStatus()).isEqualTo("COMPLETED");
    assertThat(trials.statusHistory("NCT00000011")).extracting(StatusChange::status)
        .containsExactly("RECRUITING", "COMPLETED");
    assertThat(trials.upsertAll(List.of())).isEmpty();
  }

  @Test
  void aFailedImportStoresNothing() {
    List<StoredStudy> batch = new ArrayList<>();
    for (int i = 0; i < 1200; i++) batch.add(study(nct(i)).build());
    batch.set(1100, study(nct(1100)).status("X".repeat(100)).build()); // longer than the status column allows

    assertThatThrownBy(() -> trials.upsertAll(batch)).isInstanceOf(RuntimeException.class);
    assertThat(trials.count()).isZero();
  }

  @Test
  void listFiltersByStatusAndConditionInNctOrder() {
    trials.upsertAll(List.of(
        study("NCT00000023").status("RECRUITING").conditions("Type 2 Diabetes Mellitus").build(),
        study("NCT00000021").status("COMPLETED").conditions("Breast Cancer", "Diabetes").build(),
        study("NCT00000022").status("NOT_YET_RECRUITING").conditions("HER2-positive Breast Cancer").build(),
        study("NCT00000024").status("RECRUITING").conditions("Asthma").build(),
        study("NCT00000025").status("RECRUITING").conditions("50% Burns_Area").build(),
        study("NCT00000026").status(null).conditions().build()));

    assertThat(ids(ListFilter.firstPage(100)))
        .containsExactly("NCT00000021", "NCT00000022", "NCT00000023", "NCT00000024", "NCT00000025", "NCT00000026");
    assertThat(ids(ListFilter.firstPage(100).withStatuses(RecruitmentStatus.RECRUITING,
        RecruitmentStatus.NOT_YET_RECRUITING)))
        .containsExactly("NCT00000022", "NCT00000023", "NCT00000024", "NCT00000025");
    assertThat(ids(ListFilter.firstPage(100).withConditionText("  BREAST cancer ")))
        .containsExactly("NCT00000021", "NCT00000022");
    assertThat(ids(ListFilter.firstPage(100).withConditionText("diabetes").withStatuses(RecruitmentStatus.RECRUITING)))
        .containsExactly("NCT00000023");
    assertThat(ids(ListFilter.firstPage(100).withConditionText("50%"))).containsExactly("NCT00000025");
    assertThat(ids(ListFilter.firstPage(100).withConditionText("s_a"))).containsExactly("NCT00000025");
    assertThat(ids(ListFilter.firstPage(100).withConditionText("%"))).containsExactly("NCT00000025");
    assertThat(ids(ListFilter.firstPage(100).withConditionText("   "))).hasSize(6);
    assertThat(ids(ListFilter.firstPage(2).withPage(2, 2))).containsExactly("NCT00000023", "NCT00000024");
    assertThat(ids(ListFilter.firstPage(2).withPage(2, 6))).isEmpty();
    assertThat(trials.list(ListFilter.firstPage(1).withConditionText("HER2")).getFirst())
        .isEqualTo(new TrialSummary("NCT00000022", "A study NCT00000022", "NOT_YET_RECRUITING",
            new PartialDate("2024-01-15"), new PartialDate("2024-01"), List.of("HER2-positive Breast Cancer"), "test",
            T0));
  }

  @Test
  void iterationVisitsEveryStudyOnceInNctOrderPageByPage() {
    List<StoredStudy> studies = new ArrayList<>(IntStream.range(0, 1234)
        .mapToObj(i -> study(nct(i * 7)).site("Site " + i, "City", "Country", "RECRUITING").build()).toList());
    Collections.shuffle(studies, new Random(42));
    trials.upsertAll(studies);

    List<StoredStudy> seen = new ArrayList<>();
    trials.forEachStudy(seen::add);
    try (Stream<StoredStudy> stream = trials.streamAll()) {
      assertThat(stream.limit(3).map(StoredStudy::nctId)).containsExactly(nct(0), nct(7), nct(14));
    }

    assertThat(seen).hasSize(1234).extracting(StoredStudy::nctId).isSorted().doesNotHaveDuplicates();
    assertThat(Set.copyOf(seen)).isEqualTo(Set.copyOf(studies));
    assertThat(trials.count()).isEqualTo(1234);
  }

  @Test
  void studiesUpdatedSinceAnInstantAreThoseAnImportWrote() {
    trials.upsertAll(List.of(study(nct(1)).build(), study(nct(2)).build(), study(nct(3)).build()));
    clock.advance(Duration.ofMinutes(1));
    Instant importStarted = clock.instant();
    trials.upsertAll(List.of(
        study(nct(3)).updated("2024-02-01").status("COMPLETED").build(), // updated
        study(nct(2)).build(),                                           // unchanged
        study(nct(4)).build()));                                         // inserted

    try (Stream<StoredStudy> since = trials.streamUpdatedSince(importStarted)) {
      assertThat(since.map(StoredStudy::nctId)).containsExactly(nct(3), nct(4));
    }
    try (Stream<StoredStudy> later = trials.streamUpdatedSince(importStarted.plusSeconds(1))) {
      assertThat(later).isEmpty();
    }
  }

  @Test
  void studiesStoredAfterTheClockWentBackAreStillFoundSinceTheImportStarted() {
    trials.upsertAll(List.of(study(nct(1)).build()));
    clock.advance(Duration.ofMinutes(1));
    Instant importStarted = trials.changesFrom();
    clock.advance(Duration.ofHours(-1)); // the system clock is set back while the import runs
    trials.upsertAll(List.of(study(nct(2)).build(), study(nct(1)).updated("2024-02-01").status("COMPLETED").build()));

    try (Stream<StoredStudy> since = trials.streamUpdatedSince(importStarted)) {
      assertThat(since.map(StoredStudy::nctId)).containsExactly(nct(1), nct(2));
    }
  }

  @Test
  void theEmbeddedRegistryKeepsDocumentsInItsDocumentFileAndReplacedVersionsReadTheNewOne() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(backend == Backend.H2, "PostgreSQL keeps documents in its table");
    StoredStudy first = study("NCT00000041").extraJson("\"marker\":\"first version\"").build();
    StoredStudy second = study("NCT00000041").updated("2024-03-01").extraJson("\"marker\":\"second version\"")
        .build();
    trials.upsert(first);
    trials.upsert(second);

    assertThat(trials.find("NCT00000041").orElseThrow().documentJson()).contains("second version")
        .doesNotContain("first version");
    java.nio.file.Path file = db.database().documentLog().orElseThrow().path();
    assertThat(java.nio.file.Files.readAllLines(file)).hasSize(2).last().asString().contains("second version");
    String inRow = db.database().jdbi().withHandle(h -> h.createQuery(
        "SELECT document FROM trial WHERE nct_id = 'NCT00000041'").mapTo(String.class).one());
    assertThat(inRow).isNull();
  }

  @Test
  void aDocumentWrittenOverSeveralLinesIsStoredAndReadBack() {
    StoredStudy pretty = new StoredStudy("NCT00000051", "A study", "RECRUITING", new PartialDate("2024-01-15"), null,
        List.of("Anemia"), Map.of(), "{\n  \"protocolSection\" : {\r\n    \"note\" : \"two\\nlines\"\n  }\n}\n", "test");

    assertThat(trials.upsert(pretty)).isEqualTo(UpsertOutcome.INSERTED);

    String stored = trials.find("NCT00000051").orElseThrow().documentJson();
    // the same JSON: on the embedded registry, the line breaks between tokens may have become spaces
    assertThat(stored.replaceAll("\\s+", "")).isEqualTo("{\"protocolSection\":{\"note\":\"two\\nlines\"}}");
    assertThat(stored).contains("\"two\\nlines\"");
  }

  @Test
  void iteratingAnEmptyRegistryVisitsNothing() {
    assertThat(trials.streamAll()).isEmpty();
    assertThat(trials.count()).isZero();
  }

  @Test
  void staleStatusesAreThoseVerifiedLongerAgoThanAllowedNotThoseWithoutADate() {
    trials.upsertAll(List.of(
        study("NCT00000031").verified("2023-02-28").build(),   // one day too old
        study("NCT00000032").verified("2023-03-01").build(),   // exactly a year: not stale
        study("NCT00000033").verified("2023-02").build(),      // month ending before the cut-off
        study("NCT00000034").verified("2023-03").build(),      // month containing the cut-off: not stale
        study("NCT00000035").verified(null).build(),           // no date given: its age is unknown
        study("NCT00000036").verified("2025-02-15").build()));

    assertThat(trials.staleStatuses(LocalDate.parse("2024-03-01"), Period.ofYears(1)))
        .containsExactly("NCT00000031", "NCT00000033");
    assertThat(trials.staleStatuses(LocalDate.parse("2022-01-01"), Period.ofYears(1))).isEmpty();
  }

  private List<String> ids(ListFilter filter) {
    return trials.list(filter).stream().map(TrialSummary::nctId).toList();
  }

  private static String nct(int number) {
    return "NCT%08d".formatted(number);
  }
}
