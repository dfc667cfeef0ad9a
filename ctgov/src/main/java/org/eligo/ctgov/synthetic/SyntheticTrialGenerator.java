package org.eligo.ctgov.synthetic;

import static org.eligo.ctgov.synthetic.CriteriaTextGenerator.fill;
import static org.eligo.ctgov.synthetic.CriteriaTextGenerator.pick;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import org.eligo.core.trial.ArmsInterventions;
import org.eligo.core.trial.ArmsInterventions.ArmGroup;
import org.eligo.core.trial.ArmsInterventions.ArmGroupType;
import org.eligo.core.trial.ArmsInterventions.Intervention;
import org.eligo.core.trial.ArmsInterventions.InterventionType;
import org.eligo.core.trial.Conditions;
import org.eligo.core.trial.ContactsLocations;
import org.eligo.core.trial.ContactsLocations.Contact;
import org.eligo.core.trial.ContactsLocations.ContactRole;
import org.eligo.core.trial.ContactsLocations.Location;
import org.eligo.core.trial.ContactsLocations.Official;
import org.eligo.core.trial.ContactsLocations.OfficialRole;
import org.eligo.core.trial.DateStruct;
import org.eligo.core.trial.DateStruct.DateType;
import org.eligo.core.trial.Description;
import org.eligo.core.trial.Design;
import org.eligo.core.trial.Eligibility;
import org.eligo.core.trial.Identification;
import org.eligo.core.trial.IpdSharing;
import org.eligo.core.trial.Outcomes;
import org.eligo.core.trial.Oversight;
import org.eligo.core.trial.PartialDate;
import org.eligo.core.trial.RecruitmentStatus;
import org.eligo.core.trial.RegistryAge;
import org.eligo.core.trial.Sponsors;
import org.eligo.core.trial.StatusInfo;
import org.eligo.core.trial.Trial;

/**
 * Makes realistic synthetic trials, one per index, the same for the same seed and index whatever the order or thread
 * they are made in. NCT IDs are {@code NCT9} followed by the index in 7 digits, so indexes run from 0 to 9,999,999.
 */
public final class SyntheticTrialGenerator {

  /** The registry snapshot date the generated statuses and dates are consistent with. */
  public static final LocalDate DEFAULT_SNAPSHOT = LocalDate.of(2026, 1, 1);

  public static final int MAX_INDEX = 9_999_999;

  private final long seed;
  private final LocalDate snapshot;
  private final CriteriaTextGenerator criteriaText = new CriteriaTextGenerator();

  public SyntheticTrialGenerator(long seed) {
    this(seed, DEFAULT_SNAPSHOT);
  }

  public SyntheticTrialGenerator(long seed, LocalDate snapshot) {
    this.seed = seed;
    this.snapshot = snapshot;
  }

  /** The NCT ID of the trial at {@code index}: NCT90000000 + index. */
  public static String nctId(int index) {
    checkIndex(index);
    return "NCT9" + digits(index, 7);
  }

  /** The trial at {@code index}, from 0 to {@link #MAX_INDEX}. */
  public Trial trial(int index) {
    checkIndex(index);
    SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index);
    Vocabulary.Area area = Vocabulary.AREAS.get(weighted(random, Vocabulary.AREA_WEIGHTS));
    String condition = area.conditions().get(random.nextInt(area.conditions().size()));
    Vocabulary.Agent agent = area.agents().get(random.nextInt(area.agents().size()));
    boolean interventional = random.nextInt(10) < 8;
    RecruitmentStatus status = status(random);
    Vocabulary.Sponsor lead = sponsor(random);
    City home = City.ALL.get(random.nextInt(City.ALL.size()));
    String nctId = nctId(index);

    List<Design.Phase> phases = interventional ? phases(random, agent) : List.of();
    Ages ages = ages(random, condition);
    String title = interventional
        ? fill(pick(random, "A Study of %s in %s", "%s for %s", "Efficacy and Safety of %s in Patients With %s"),
            agent.name(), condition)
        : fill(pick(random, "Registry of Patients With %s", "Natural History of %s Treated With %s"),
            condition, agent.name());
    Identification identification = new Identification(nctId, List.of(),
        new Identification.OrgStudyIdInfo("SYN-" + (2015 + random.nextInt(11)) + "-" + digits(index % 10_000, 4), null,
            null),
        List.of(), title,
        (interventional ? phaseLabel(phases) + ", " : "An Observational Study: ") + title,
        null, new Identification.Organization(lead.name(), lead.agencyClass()));

    ArmsInterventions arms = arms(random, agent, interventional);
    CriteriaTextGenerator.Facts facts = new CriteriaTextGenerator.Facts(area, agent, condition, ages.minimum,
        ages.maximum == null ? "" : ages.maximum, ages.femaleOnly);
    Eligibility eligibility = new Eligibility(criteriaText.criteria(facts, random), random.nextInt(20) == 0,
        ages.femaleOnly ? Eligibility.Sex.FEMALE : Eligibility.Sex.ALL, null, null, ages.minimum, ages.maximum,
        ages.stdAges, interventional ? null : "Patients with " + condition + " seen at participating centres",
        interventional ? null : Eligibility.SamplingMethod.NON_PROBABILITY_SAMPLE);

    return new Trial(
        identification,
        statusInfo(random, status),
        new Sponsors(new Sponsors.ResponsibleParty(Sponsors.ResponsiblePartyType.SPONSOR, null, null, null, null,
            null), new Sponsors.Sponsor(lead.name(), lead.agencyClass()), collaborators(random, lead)),
        new Oversight(random.nextBoolean(), interventional && random.nextBoolean(), false, null, null, null, null),
        new Description("This study evaluates " + agent.name().toLowerCase(Locale.ROOT) + " in " + condition
            + ". Participants are followed for response, safety and quality of life.", null),
        new Conditions(List.of(condition), keywords(random, area)),
        design(random, interventional, phases, arms, status),
        arms,
        outcomes(random, area),
        eligibility,
        contactsLocations(random, status, home, index),
        null,
        random.nextInt(4) == 0 ? new IpdSharing(IpdSharing.Decision.NO, null, List.of(), null, null, null) : null,
        null,
        null,
        status == RecruitmentStatus.COMPLETED && random.nextInt(3) == 0);
  }

  private static void checkIndex(int index) {
    if (index < 0 || index > MAX_INDEX) {
      throw new IllegalArgumentException("index must be 0.." + MAX_INDEX + ", was " + index);
    }
  }

  private static int weighted(SplittableRandom random, int[] weights) {
    int total = 0;
    for (int w : weights) total += w;
    int r = random.nextInt(total);
    for (int i = 0; i < weights.length; i++) {
      r -= weights[i];
      if (r < 0) return i;
    }
    return weights.length - 1;
  }

  private static final RecruitmentStatus[] STATUSES = {RecruitmentStatus.RECRUITING,
      RecruitmentStatus.NOT_YET_RECRUITING, RecruitmentStatus.ENROLLING_BY_INVITATION,
      RecruitmentStatus.ACTIVE_NOT_RECRUITING, RecruitmentStatus.COMPLETED, RecruitmentStatus.TERMINATED,
      RecruitmentStatus.SUSPENDED, RecruitmentStatus.WITHDRAWN, RecruitmentStatus.UNKNOWN};
  private static final int[] STATUS_WEIGHTS = {45, 15, 5, 10, 15, 4, 2, 2, 2};

  private static RecruitmentStatus status(SplittableRandom random) {
    return STATUSES[weighted(random, STATUS_WEIGHTS)];
  }

  private static Vocabulary.Sponsor sponsor(SplittableRandom random) {
    int kind = random.nextInt(10);
    if (kind < 4) return Vocabulary.INDUSTRY.get(random.nextInt(Vocabulary.INDUSTRY.size()));
    if (kind < 6) return Vocabulary.OTHER_SPONSORS.get(random.nextInt(Vocabulary.OTHER_SPONSORS.size()));
    City city = City.ALL.get(random.nextInt(City.ALL.size()));
    return new Vocabulary.Sponsor(fill(Vocabulary.FACILITY_PATTERNS.get(random.nextInt(3)), city.name()),
        org.eligo.core.trial.AgencyClass.OTHER);
  }

  private static List<Sponsors.Sponsor> collaborators(SplittableRandom random, Vocabulary.Sponsor lead) {
    List<Sponsors.Sponsor> out = new ArrayList<>();
    int n = random.nextInt(3);
    for (int i = 0; i < n; i++) {
      Vocabulary.Sponsor s = sponsor(random);
      if (!s.name().equals(lead.name()) && out.stream().noneMatch(o -> o.name().equals(s.name()))) {
        out.add(new Sponsors.Sponsor(s.name(), s.agencyClass()));
      }
    }
    return out;
  }

  private static List<Design.Phase> phases(SplittableRandom random, Vocabulary.Agent agent) {
    if (agent.type() == InterventionType.BEHAVIORAL) return List.of(Design.Phase.NA);
    return switch (random.nextInt(9)) {
      case 0 -> List.of(Design.Phase.EARLY_PHASE1);
      case 1 -> List.of(Design.Phase.PHASE1);
      case 2 -> List.of(Design.Phase.PHASE1, Design.Phase.PHASE2);
      case 3, 4 -> List.of(Design.Phase.PHASE2);
      case 5 -> List.of(Design.Phase.PHASE2, Design.Phase.PHASE3);
      case 6, 7 -> List.of(Design.Phase.PHASE3);
      default -> List.of(Design.Phase.PHASE4);
    };
  }

  private static String phaseLabel(List<Design.Phase> phases) {
    if (phases.size() == 2) return "A " + phases.get(0).label() + "/" + phases.get(1).name().substring(5) + " Trial";
    return phases.getFirst() == Design.Phase.NA ? "A Randomized Trial" : "A " + phases.getFirst().label() + " Trial";
  }

  /** Age limits in the registry's mixed units, and the standard age groups they span. */
  private record Ages(String minimum, String maximum, List<Eligibility.StandardAge> stdAges, boolean femaleOnly) {}

  private static Ages ages(SplittableRandom random, String condition) {
    boolean female = random.nextInt(25) == 0;
    return switch (random.nextInt(8)) {
      case 0 -> ages("6 Months", "17 Years", female);
      case 1 -> ages("2 Years", null, female);
      case 2 -> ages("12 Years", "75 Years", female);
      case 3 -> ages("65 Years", null, female);
      case 4 -> ages("18 Years", "65 Years", female);
      case 5 -> ages("18 Years", "80 Years", female);
      case 6 -> ages("29 Days", "18 Years", female);
      default -> ages("18 Years", null, female);
    };
  }

  private static Ages ages(String minimum, String maximum, boolean female) {
    double lo = RegistryAge.parse(minimum).approximateDays() / 365.25;
    double hi = maximum == null ? 200 : RegistryAge.parse(maximum).approximateDays() / 365.25;
    List<Eligibility.StandardAge> std = new ArrayList<>();
    if (lo < 18) std.add(Eligibility.StandardAge.CHILD);
    if (lo <= 64 && hi >= 18) std.add(Eligibility.StandardAge.ADULT);
    if (hi >= 65) std.add(Eligibility.StandardAge.OLDER_ADULT);
    return new Ages(minimum, maximum, std, female);
  }

  private StatusInfo statusInfo(SplittableRandom random, RecruitmentStatus status) {
    boolean future = status == RecruitmentStatus.NOT_YET_RECRUITING || status == RecruitmentStatus.WITHDRAWN;
    LocalDate start = future ? snapshot.plusDays(15 + random.nextInt(300))
        : snapshot.minusDays(60 + random.nextInt(3600));
    boolean ended = status == RecruitmentStatus.COMPLETED || status == RecruitmentStatus.TERMINATED;
    LocalDate primaryCompletion;
    if (ended) {
      long available = snapshot.toEpochDay() - 1 - start.toEpochDay();
      primaryCompletion = start.plusDays(1 + random.nextLong(available));
    } else {
      primaryCompletion = (start.isAfter(snapshot) ? start : snapshot).plusDays(60 + random.nextInt(1500));
    }
    LocalDate completion = primaryCompletion.plusDays(random.nextInt(ended ? 2 : 400));
    LocalDate firstSubmitted = start.minusDays(10 + random.nextInt(200));
    LocalDate lastUpdate = snapshot.minusDays(random.nextInt(300));
    if (lastUpdate.isBefore(firstSubmitted)) lastUpdate = firstSubmitted.plusDays(7);
    boolean monthOnly = random.nextInt(3) == 0;
    String whyStopped = switch (status) {
      case TERMINATED -> pick(random, "Slow accrual", "Sponsor decision", "Funding ended");
      case SUSPENDED -> "Temporarily halted pending safety review";
      case WITHDRAWN -> "No participants enrolled";
      default -> null;
    };
    return new StatusInfo(
        month(lastUpdate),
        status,
        status == RecruitmentStatus.UNKNOWN ? RecruitmentStatus.RECRUITING : null,
        null,
        whyStopped,
        null,
        struct(start, monthOnly),
        struct(primaryCompletion, monthOnly),
        struct(completion, monthOnly),
        PartialDate.of(firstSubmitted),
        PartialDate.of(firstSubmitted),
        struct(firstSubmitted.plusDays(5), false),
        null, null, null,
        PartialDate.of(lastUpdate),
        struct(lastUpdate.plusDays(3), false));
  }

  private static PartialDate month(LocalDate date) {
    return new PartialDate(date.toString().substring(0, 7));
  }

  private DateStruct struct(LocalDate date, boolean monthOnly) {
    PartialDate text = monthOnly ? month(date) : PartialDate.of(date);
    return new DateStruct(text, date.isAfter(snapshot) ? DateType.ESTIMATED : DateType.ACTUAL);
  }

  private static List<String> keywords(SplittableRandom random, Vocabulary.Area area) {
    Set<String> out = new LinkedHashSet<>();
    int n = 1 + random.nextInt(3);
    for (int i = 0; i < n; i++) out.add(area.keywords().get(random.nextInt(area.keywords().size())));
    return List.copyOf(out);
  }

  private static ArmsInterventions arms(SplittableRandom random, Vocabulary.Agent agent, boolean interventional) {
    String prefix = agent.type() == InterventionType.BIOLOGICAL ? "Biological: "
        : agent.type() == InterventionType.BEHAVIORAL ? "Behavioral: " : "Drug: ";
    if (!interventional) {
      return new ArmsInterventions(List.of(new ArmGroup("Cohort", null, "Patients receiving " + agent.name()
          + " as part of routine care", List.of(prefix + agent.name()))),
          List.of(new Intervention(agent.type(), agent.name(), null, List.of("Cohort"), agent.otherNames())));
    }
    String experimental = agent.name() + (random.nextBoolean() ? "" : " arm");
    if (random.nextBoolean()) {
      return new ArmsInterventions(
          List.of(new ArmGroup(experimental, ArmGroupType.EXPERIMENTAL, agent.name() + " at the study dose",
              List.of(prefix + agent.name()))),
          List.of(new Intervention(agent.type(), agent.name(), "Given as specified in the protocol",
              List.of(experimental), agent.otherNames())));
    }
    return new ArmsInterventions(
        List.of(new ArmGroup(experimental, ArmGroupType.EXPERIMENTAL, agent.name() + " plus standard care",
                List.of(prefix + agent.name())),
            new ArmGroup("Placebo", ArmGroupType.PLACEBO_COMPARATOR, "Matching placebo plus standard care",
                List.of("Drug: Placebo"))),
        List.of(new Intervention(agent.type(), agent.name(), "Given as specified in the protocol",
                List.of(experimental), agent.otherNames()),
            new Intervention(InterventionType.DRUG, "Placebo", "Matching placebo", List.of("Placebo"), List.of())));
  }

  private static Design design(SplittableRandom random, boolean interventional, List<Design.Phase> phases,
                               ArmsInterventions arms, RecruitmentStatus status) {
    boolean open = status.isOpenToEnrolment() || status == RecruitmentStatus.ACTIVE_NOT_RECRUITING;
    Design.EnrollmentInfo enrollment = new Design.EnrollmentInfo(
        status == RecruitmentStatus.WITHDRAWN ? 0 : 10 + random.nextInt(590),
        open || status == RecruitmentStatus.UNKNOWN ? Design.EnrollmentType.ESTIMATED : Design.EnrollmentType.ACTUAL);
    if (!interventional) {
      return new Design(Design.StudyType.OBSERVATIONAL, random.nextBoolean(), null, List.of(),
          new Design.DesignInfo(null, null, null, null, Design.ObservationalModel.COHORT,
              random.nextBoolean() ? Design.TimePerspective.PROSPECTIVE : Design.TimePerspective.RETROSPECTIVE,
              null),
          null, enrollment, null);
    }
    boolean twoArms = arms.armGroups().size() == 2;
    Design.MaskingInfo masking = twoArms
        ? new Design.MaskingInfo(Design.Masking.QUADRUPLE, null, List.of(Design.WhoMasked.PARTICIPANT,
            Design.WhoMasked.CARE_PROVIDER, Design.WhoMasked.INVESTIGATOR, Design.WhoMasked.OUTCOMES_ASSESSOR))
        : new Design.MaskingInfo(Design.Masking.NONE, null, List.of());
    return new Design(Design.StudyType.INTERVENTIONAL, null, null, phases,
        new Design.DesignInfo(twoArms ? Design.Allocation.RANDOMIZED : Design.Allocation.NA,
            twoArms ? Design.InterventionModel.PARALLEL : Design.InterventionModel.SINGLE_GROUP, null,
            random.nextInt(10) == 0 ? Design.PrimaryPurpose.SUPPORTIVE_CARE : Design.PrimaryPurpose.TREATMENT,
            null, null, masking),
        null, enrollment, null);
  }

  private static Outcomes outcomes(SplittableRandom random, Vocabulary.Area area) {
    String primary = area.hematology()
        ? pick(random, "Overall response rate", "Proportion of participants with platelet response",
            "Hematologic response at 6 months", "Time to treatment failure")
        : pick(random, "Change from baseline in disease activity score", "Progression-free survival",
            "Change from baseline in HbA1c", "Remission rate");
    List<Outcomes.Outcome> secondary = new ArrayList<>();
    if (random.nextBoolean()) {
      secondary.add(new Outcomes.Outcome("Incidence of adverse events", "Graded by CTCAE version 5.0",
          "Up to 12 months"));
    }
    if (random.nextBoolean()) secondary.add(new Outcomes.Outcome("Overall survival", null, "Up to 5 years"));
    return new Outcomes(List.of(new Outcomes.Outcome(primary, null,
        pick(random, "Week 12", "6 months", "Up to 24 weeks", "Day 28"))), secondary, List.of());
  }

  private static ContactsLocations contactsLocations(SplittableRandom random, RecruitmentStatus status, City home,
                                                     int index) {
    String piFirst = Vocabulary.FIRST_NAMES.get(random.nextInt(Vocabulary.FIRST_NAMES.size()));
    String piLast = Vocabulary.LAST_NAMES.get(random.nextInt(Vocabulary.LAST_NAMES.size()));
    String homeFacility = fill(Vocabulary.FACILITY_PATTERNS.get(random.nextInt(Vocabulary.FACILITY_PATTERNS.size())),
        home.name());
    List<Contact> central = status.isOpenToEnrolment()
        ? List.of(contact(random, ContactRole.CONTACT, index), contact(random, ContactRole.CONTACT, index + 1))
            .subList(0, 1 + random.nextInt(2))
        : List.of();
    List<Official> officials = List.of(new Official(piFirst + " " + piLast + ", MD", homeFacility,
        random.nextInt(4) == 0 ? OfficialRole.STUDY_DIRECTOR : OfficialRole.PRINCIPAL_INVESTIGATOR));
    int sites = status == RecruitmentStatus.WITHDRAWN ? 0 : 1 + (random.nextInt(4) == 0 ? random.nextInt(12)
        : random.nextInt(3));
    List<Location> locations = new ArrayList<>();
    Set<String> used = new LinkedHashSet<>();
    for (int i = 0; i < sites; i++) {
      City city = i == 0 ? home : City.ALL.get(random.nextInt(City.ALL.size()));
      String facility = i == 0 ? homeFacility
          : fill(Vocabulary.FACILITY_PATTERNS.get(random.nextInt(Vocabulary.FACILITY_PATTERNS.size())),
              city.name());
      if (!used.add(facility)) continue;
      RecruitmentStatus siteStatus = siteStatus(random, status);
      List<Contact> siteContacts = siteStatus == RecruitmentStatus.RECRUITING && random.nextBoolean()
          ? List.of(contact(random, ContactRole.CONTACT, index + 7 * i)) : List.of();
      String zip = city.zipPrefix() == null ? null
          : city.zipPrefix() + digits(random.nextInt(100), 5 - city.zipPrefix().length());
      locations.add(new Location(facility, siteStatus, city.name(), city.state(), zip, city.country(), siteContacts,
          city.geoPoint()));
    }
    return new ContactsLocations(central, officials, locations);
  }

  private static RecruitmentStatus siteStatus(SplittableRandom random, RecruitmentStatus overall) {
    return switch (overall) {
      case RECRUITING -> random.nextInt(5) == 0 ? RecruitmentStatus.NOT_YET_RECRUITING : RecruitmentStatus.RECRUITING;
      case NOT_YET_RECRUITING, ENROLLING_BY_INVITATION, ACTIVE_NOT_RECRUITING, COMPLETED, TERMINATED, SUSPENDED,
           WITHDRAWN -> overall;
      default -> null;
    };
  }

  private static Contact contact(SplittableRandom random, ContactRole role, int salt) {
    int f = random.nextInt(Vocabulary.FIRST_NAMES.size());
    int l = random.nextInt(Vocabulary.LAST_NAMES.size());
    String first = Vocabulary.FIRST_NAMES.get(f);
    String last = Vocabulary.LAST_NAMES.get(l);
    String email = ASCII_FIRST.get(f) + "." + ASCII_LAST.get(l) + Math.floorMod(salt, 97) + "@example.org";
    return new Contact(first + " " + last, role, "+1 555-01" + digits(random.nextInt(100), 2), null, email);
  }

  private static final List<String> ASCII_FIRST = Vocabulary.FIRST_NAMES.stream().map(SyntheticTrialGenerator::ascii)
      .toList();
  private static final List<String> ASCII_LAST = Vocabulary.LAST_NAMES.stream().map(SyntheticTrialGenerator::ascii)
      .toList();

  /** {@code value} in decimal, zero-padded to {@code width} digits (the value always fits). */
  private static String digits(int value, int width) {
    String text = Integer.toString(value);
    return text.length() >= width ? text : "0".repeat(width - text.length()) + text;
  }

  /** Lower-case ASCII letters of a name, for e-mail addresses: "Müller" gives "muller". */
  private static String ascii(String name) {
    return java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD).replaceAll("[^A-Za-z]", "")
        .toLowerCase(Locale.ROOT);
  }
}
