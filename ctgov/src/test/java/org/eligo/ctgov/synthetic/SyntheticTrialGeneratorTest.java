package org.eligo.ctgov.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.eligo.core.trial.ContactsLocations;
import org.eligo.core.trial.Trial;
import org.eligo.ctgov.json.ReadResult;
import org.eligo.ctgov.json.StudyJsonReader;
import org.eligo.ctgov.json.StudyJsonWriter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SyntheticTrialGeneratorTest {

  private static final int SAMPLE = 3_000;
  private static List<Trial> sample;

  @BeforeAll
  static void generate() {
    SyntheticTrialGenerator generator = new SyntheticTrialGenerator(42);
    sample = IntStream.range(0, SAMPLE).mapToObj(generator::trial).toList();
  }

  @Test
  void sameSeedAndIndexGiveTheSameTrialDifferentSeedsDiffer() {
    assertThat(new SyntheticTrialGenerator(42).trial(1234)).isEqualTo(sample.get(1234));
    assertThat(new SyntheticTrialGenerator(43).trial(1234)).isNotEqualTo(sample.get(1234));
  }

  @Test
  void everyGeneratedStudyReadsBackWithoutDiagnostics() {
    StudyJsonWriter writer = new StudyJsonWriter();
    StudyJsonReader reader = new StudyJsonReader();
    for (Trial trial : sample) {
      ReadResult result = reader.read(writer.write(trial));
      assertThat(result.diagnostics()).as(trial.nctId()).isEmpty();
      assertThat(result.trialOrThrow()).isEqualTo(trial);
    }
  }

  @Test
  void nctIdsAreInTheReservedNct9Range() {
    assertThat(sample).extracting(Trial::nctId).allMatch(id -> id.matches("NCT9\\d{7}")).doesNotHaveDuplicates();
    assertThat(SyntheticTrialGenerator.nctId(0)).isEqualTo("NCT90000000");
    assertThatThrownBy(() -> SyntheticTrialGenerator.nctId(10_000_000)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void mostStudiesAreOpenSomeAreClosed() {
    long open = sample.stream().filter(t -> t.overallStatus().isOpenToEnrolment()).count();
    assertThat(open).isBetween(SAMPLE * 55L / 100, SAMPLE * 75L / 100);
    assertThat(sample).extracting(Trial::overallStatus).map(Enum::name)
        .contains("COMPLETED", "TERMINATED", "ACTIVE_NOT_RECRUITING", "WITHDRAWN");
  }

  @Test
  void coversHematologyAndOtherAreasWithInterventionsOtherNamesAndSponsorClasses() {
    Set<String> conditions = sample.stream().flatMap(t -> t.conditions().conditions().stream())
        .collect(Collectors.toSet());
    assertThat(conditions).contains("Immune Thrombocytopenia", "Severe Aplastic Anemia",
        "Paroxysmal Nocturnal Hemoglobinuria", "Type 2 Diabetes Mellitus", "Rheumatoid Arthritis");
    assertThat(sample).flatMap(t -> t.armsInterventions().interventions())
        .anySatisfy(i -> assertThat(i.otherNames()).contains("Promacta", "Revolade"));
    assertThat(sample.stream().map(t -> t.sponsors().leadSponsor().agencyClass()).collect(Collectors.toSet()))
        .hasSizeGreaterThanOrEqualTo(5);
    assertThat(sample).flatMap(t -> t.design().phases()).map(Enum::name)
        .contains("EARLY_PHASE1", "PHASE1", "PHASE2", "PHASE3", "PHASE4");
  }

  @Test
  void ageLimitsUseMixedUnits() {
    Set<String> ages = new HashSet<>();
    sample.forEach(t -> {
      ages.add(t.eligibility().minimumAge());
      ages.add(t.eligibility().maximumAge());
    });
    assertThat(ages).contains("18 Years", "6 Months", "29 Days", "17 Years");
  }

  @Test
  void criteriaTextComesInTheStylesRealRecordsUse() {
    String all = sample.stream().map(t -> t.eligibility().eligibilityCriteria()).collect(Collectors.joining("\n"));
    assertThat(all).contains("Inclusion Criteria:\n\n* ", "INCLUSION CRITERIA:\n\n1. ", "inclusion criteria:\n\n- ",
        "Key exclusion criteria", "①", "②", "; ", "  * ", "1) ",
        "≥", "≤", "\\<", "greater than or equal to", "less than or equal to", "× ULN", "x ULN",
        "10^9/L", "10⁹/L", "/µL", "/mm3", "g/dL", "g/L", "µmol/L",
        "ECOG performance status 0-2", "ECOG PS ≤ 1", "within 12 weeks", "at least 12 months prior",
        "pregnan", "informed consent", "thrombopoietin receptor agonist", "calcineurin inhibitor");
  }

  @Test
  void sitesAreInRealCitiesWithCoordinatesStatusesAndFakeContacts() {
    List<ContactsLocations.Location> sites = sample.stream()
        .flatMap(t -> t.contactsLocations().locations().stream()).toList();
    assertThat(sites).extracting(ContactsLocations.Location::city)
        .contains("Beijing", "Shanghai", "Bethesda", "Boston", "Philadelphia", "London", "Paris", "Tokyo");
    assertThat(sites).allSatisfy(s -> assertThat(s.geoPoint()).isNotNull());
    assertThat(sites).filteredOn(s -> s.city().equals("Bethesda")).first()
        .satisfies(s -> assertThat(s.geoPoint().distanceKm(new ContactsLocations.GeoPoint(38.98472, -77.11306)))
            .isLessThan(1.0));
    assertThat(sites).extracting(s -> Objects.toString(s.status())).contains("RECRUITING", "NOT_YET_RECRUITING",
        "COMPLETED");
    List<ContactsLocations.Contact> contacts = sample.stream()
        .flatMap(t -> t.contactsLocations().centralContacts().stream()).toList();
    assertThat(contacts).isNotEmpty().allSatisfy(c -> assertThat(c.email()).matches("[a-z]+\\.[a-z]+\\d*@example\\.org"));
  }
}
