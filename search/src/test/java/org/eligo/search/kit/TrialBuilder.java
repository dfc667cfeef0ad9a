package org.eligo.search.kit;

import java.util.ArrayList;
import java.util.List;
import org.eligo.core.trial.*;
import org.eligo.core.trial.ArmsInterventions.Intervention;
import org.eligo.core.trial.ArmsInterventions.InterventionType;
import org.eligo.core.trial.ContactsLocations.GeoPoint;
import org.eligo.core.trial.ContactsLocations.Location;
import org.eligo.core.trial.Design.Phase;
import org.eligo.core.trial.Design.StudyType;
import org.eligo.core.trial.Eligibility.Sex;

/** Builds a {@link Trial} for tests with only the fields a test cares about. */
public final class TrialBuilder {

  private final String nctId;
  private String title;
  private String summary;
  private String orgStudyId;
  private RecruitmentStatus status = RecruitmentStatus.RECRUITING;
  private String statusVerified;
  private String start;
  private String lastUpdate;
  private final List<String> conditions = new ArrayList<>();
  private final List<Intervention> interventions = new ArrayList<>();
  private final List<Phase> phases = new ArrayList<>();
  private StudyType studyType = StudyType.INTERVENTIONAL;
  private String leadSponsor = "Test Sponsor";
  private AgencyClass sponsorClass;
  private Sex sex;
  private Boolean healthyVolunteers;
  private String minimumAge;
  private String maximumAge;
  private final List<Location> sites = new ArrayList<>();

  private TrialBuilder(String nctId) {
    this.nctId = nctId;
    this.title = "Trial " + nctId;
  }

  public static TrialBuilder trial(String nctId) {
    return new TrialBuilder(nctId);
  }

  public TrialBuilder title(String value) { title = value; return this; }
  public TrialBuilder summary(String value) { summary = value; return this; }
  public TrialBuilder orgStudyId(String value) { orgStudyId = value; return this; }
  public TrialBuilder status(RecruitmentStatus value) { status = value; return this; }
  public TrialBuilder statusVerified(String value) { statusVerified = value; return this; }
  public TrialBuilder start(String value) { start = value; return this; }
  public TrialBuilder lastUpdate(String value) { lastUpdate = value; return this; }
  public TrialBuilder condition(String value) { conditions.add(value); return this; }
  public TrialBuilder phase(Phase value) { phases.add(value); return this; }
  public TrialBuilder studyType(StudyType value) { studyType = value; return this; }
  public TrialBuilder sponsor(String name, AgencyClass agencyClass) { leadSponsor = name; sponsorClass = agencyClass; return this; }
  public TrialBuilder sex(Sex value) { sex = value; return this; }
  public TrialBuilder healthyVolunteers(Boolean value) { healthyVolunteers = value; return this; }
  public TrialBuilder ages(String minimum, String maximum) { minimumAge = minimum; maximumAge = maximum; return this; }

  public TrialBuilder drug(String name, String... otherNames) {
    interventions.add(new Intervention(InterventionType.DRUG, name, null, List.of(), List.of(otherNames)));
    return this;
  }

  public TrialBuilder site(String facility, String city, String country, RecruitmentStatus siteStatus,
                           Double lat, Double lon) {
    GeoPoint point = lat == null ? null : new GeoPoint(lat, lon);
    sites.add(new Location(facility, siteStatus, city, null, null, country, List.of(), point));
    return this;
  }

  /** A site with its state, as ClinicalTrials.gov records US and Chinese sites ("Boston", "Massachusetts"). */
  public TrialBuilder site(String facility, String city, String state, String country, RecruitmentStatus siteStatus,
                           Double lat, Double lon) {
    GeoPoint point = lat == null ? null : new GeoPoint(lat, lon);
    sites.add(new Location(facility, siteStatus, city, state, null, country, List.of(), point));
    return this;
  }

  public Trial build() {
    var identification = new Identification(nctId, List.of(),
        orgStudyId == null ? null : new Identification.OrgStudyIdInfo(orgStudyId, null, null), List.of(), title, null,
        null, null);
    var statusInfo = new StatusInfo(date(statusVerified), status, null, null, null, null, dateStruct(start), null,
        null, null, null, null, null, null, null, null, dateStruct(lastUpdate));
    var sponsors = new Sponsors(null, new Sponsors.Sponsor(leadSponsor, sponsorClass), List.of());
    var design = new Design(studyType, null, null, phases, null, null, null, null);
    var eligibility = new Eligibility("Inclusion Criteria:\n* adults", healthyVolunteers, sex, null, null, minimumAge,
        maximumAge, List.of(), null, null);
    return new Trial(identification, statusInfo, sponsors, null, new Description(summary, null),
        new Conditions(conditions, List.of()), design, new ArmsInterventions(List.of(), interventions), null,
        eligibility, new ContactsLocations(List.of(), List.of(), sites), null, null, null, null, false);
  }

  private static PartialDate date(String text) {
    return text == null ? null : new PartialDate(text);
  }

  private static DateStruct dateStruct(String text) {
    return text == null ? null : new DateStruct(new PartialDate(text), DateStruct.DateType.ACTUAL);
  }
}
