package org.eligo.ctgov.json;

import static org.eligo.ctgov.json.FieldReader.at;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.eligo.core.trial.AgencyClass;
import org.eligo.core.trial.ArmsInterventions;
import org.eligo.core.trial.ArmsInterventions.ArmGroup;
import org.eligo.core.trial.ArmsInterventions.Intervention;
import org.eligo.core.trial.BrowseModule;
import org.eligo.core.trial.Conditions;
import org.eligo.core.trial.ContactsLocations;
import org.eligo.core.trial.ContactsLocations.Contact;
import org.eligo.core.trial.ContactsLocations.GeoPoint;
import org.eligo.core.trial.ContactsLocations.Location;
import org.eligo.core.trial.ContactsLocations.Official;
import org.eligo.core.trial.DateStruct;
import org.eligo.core.trial.Description;
import org.eligo.core.trial.Design;
import org.eligo.core.trial.Eligibility;
import org.eligo.core.trial.Identification;
import org.eligo.core.trial.IpdSharing;
import org.eligo.core.trial.Outcomes;
import org.eligo.core.trial.Oversight;
import org.eligo.core.trial.RecruitmentStatus;
import org.eligo.core.trial.References;
import org.eligo.core.trial.RegistryAge;
import org.eligo.core.trial.Sponsors;
import org.eligo.core.trial.StatusInfo;
import org.eligo.core.trial.Trial;

/**
 * Reads one ClinicalTrials.gov API v2 study document ({@code {"protocolSection": ..., "derivedSection": ...,
 * "hasResults": ...}}) into a {@link Trial}, reporting every problem as a {@link Diagnostic}.
 *
 * <p>What rejects the record (an {@link Diagnostic.Severity#ERROR}): a document that is not an object; no
 * {@code protocolSection}, {@code identificationModule} or {@code nctId}; an NCT ID that is not "NCT" and 8 digits; a
 * value of the wrong JSON type for a field the model reads (a string where an array is expected, ...); an enum value
 * the API does not define; a date that is not {@code yyyy}, {@code yyyy-MM} or {@code yyyy-MM-dd} on the calendar; an age limit
 * that is not "N Unit" (e.g. "18 Years"); an enrollment count with a fraction; a geo point without lat/lon or out of
 * range. What only warns: a minimum age
 * above the maximum; an end date before the start date; an intervention naming an arm group the study does not
 * have. Fields the model does not cover (the results section, {@code miscInfoModule}, ...) are ignored without a
 * diagnostic: the raw document is stored and exported as is, so nothing is lost.
 *
 * <p>Thread-safe and stateless.
 */
public final class StudyJsonReader {

  private static final Pattern NCT_ID = Pattern.compile("NCT\\d{8}");

  public ReadResult read(JsonNode study) {
    FieldReader in = new FieldReader();
    JsonPath root = JsonPath.ROOT;
    if (study == null || !study.isObject()) {
      in.error(root, "expected a study object, found " + (study == null ? "nothing" : FieldReader.describe(study)));
      return new ReadResult.Rejected(null, in.diagnostics());
    }
    JsonNode protocol = in.object(study, root, "protocolSection");
    JsonPath protocolPath = at(root, "protocolSection");
    if (protocol == null) {
      if (FieldReader.given(study, "protocolSection") == null) in.error(protocolPath, "missing protocolSection");
      return new ReadResult.Rejected(null, in.diagnostics());
    }
    Identification identification = identification(in, protocol, protocolPath);
    String nctId = identification == null ? null : identification.nctId();
    StatusInfo status = status(in, protocol, protocolPath);
    Sponsors sponsors = sponsors(in, protocol, protocolPath);
    Oversight oversight = oversight(in, protocol, protocolPath);
    Description description = description(in, protocol, protocolPath);
    Conditions conditions = conditions(in, protocol, protocolPath);
    Design design = design(in, protocol, protocolPath);
    ArmsInterventions arms = armsInterventions(in, protocol, protocolPath);
    Outcomes outcomes = outcomes(in, protocol, protocolPath);
    Eligibility eligibility = eligibility(in, protocol, protocolPath);
    ContactsLocations contacts = contactsLocations(in, protocol, protocolPath);
    References references = references(in, protocol, protocolPath);
    IpdSharing ipd = ipdSharing(in, protocol, protocolPath);
    JsonNode derived = in.object(study, root, "derivedSection");
    JsonPath derivedPath = at(root, "derivedSection");
    BrowseModule conditionBrowse = browse(in, derived, derivedPath, "conditionBrowseModule");
    BrowseModule interventionBrowse = browse(in, derived, derivedPath, "interventionBrowseModule");
    Boolean hasResults = in.bool(study, root, "hasResults");
    if (in.hasErrors() || nctId == null) {
      return new ReadResult.Rejected(nctId, in.diagnostics());
    }
    Trial trial = new Trial(identification, status, sponsors, oversight, description, conditions, design, arms,
        outcomes, eligibility, contacts, references, ipd, conditionBrowse, interventionBrowse, hasResults);
    return new ReadResult.Accepted(trial, in.diagnostics());
  }

  private static Identification identification(FieldReader in, JsonNode protocol, JsonPath protocolPath) {
    JsonPath path = at(protocolPath, "identificationModule");
    JsonNode m = in.object(protocol, protocolPath, "identificationModule");
    if (m == null) {
      if (FieldReader.given(protocol, "identificationModule") == null) {
        in.error(path, "missing protocolSection.identificationModule");
      }
      return null;
    }
    String nctId = in.text(m, path, "nctId");
    if (nctId == null) {
      if (FieldReader.given(m, "nctId") == null) {
        in.error(at(path, "nctId"), "missing protocolSection.identificationModule.nctId");
      }
      return null;
    }
    if (!NCT_ID.matcher(nctId).matches()) {
      in.error(at(path, "nctId"), "NCT ID '" + nctId + "' does not match NCT followed by 8 digits");
      return null;
    }
    JsonNode org = in.object(m, path, "orgStudyIdInfo");
    JsonPath orgPath = at(path, "orgStudyIdInfo");
    Identification.OrgStudyIdInfo orgStudyIdInfo = org == null ? null : new Identification.OrgStudyIdInfo(
        in.text(org, orgPath, "id"), in.text(org, orgPath, "type"), in.text(org, orgPath, "link"));
    List<Identification.SecondaryIdInfo> secondary = in.objects(m, path, "secondaryIdInfos",
        (n, p) -> new Identification.SecondaryIdInfo(in.text(n, p, "id"), in.text(n, p, "type"),
            in.text(n, p, "domain"), in.text(n, p, "link")));
    JsonNode organization = in.object(m, path, "organization");
    JsonPath organizationPath = at(path, "organization");
    Identification.Organization org2 = organization == null ? null : new Identification.Organization(
        in.text(organization, organizationPath, "fullName"),
        in.enumValue(organization, organizationPath, "class", AgencyClass.class, "AgencyClass"));
    return new Identification(nctId, in.texts(m, path, "nctIdAliases"), orgStudyIdInfo, secondary,
        in.text(m, path, "briefTitle"), in.text(m, path, "officialTitle"), in.text(m, path, "acronym"), org2);
  }

  private static StatusInfo status(FieldReader in, JsonNode protocol, JsonPath protocolPath) {
    JsonNode m = in.object(protocol, protocolPath, "statusModule");
    if (m == null) return null;
    JsonPath p = at(protocolPath, "statusModule");
    JsonNode access = in.object(m, p, "expandedAccessInfo");
    JsonPath accessPath = at(p, "expandedAccessInfo");
    StatusInfo.ExpandedAccessInfo accessInfo = access == null ? null : new StatusInfo.ExpandedAccessInfo(
        in.bool(access, accessPath, "hasExpandedAccess"), in.text(access, accessPath, "nctId"),
        in.text(access, accessPath, "statusForNctId"));
    DateStruct start = in.dateStruct(m, p, "startDateStruct");
    DateStruct primaryCompletion = in.dateStruct(m, p, "primaryCompletionDateStruct");
    DateStruct completion = in.dateStruct(m, p, "completionDateStruct");
    warnIfBefore(in, at(p, "primaryCompletionDateStruct"), primaryCompletion, start);
    warnIfBefore(in, at(p, "completionDateStruct"), completion, start);
    return new StatusInfo(
        in.date(m, p, "statusVerifiedDate"),
        in.enumValue(m, p, "overallStatus", RecruitmentStatus.class, "Status"),
        in.enumValue(m, p, "lastKnownStatus", RecruitmentStatus.class, "Status"),
        in.bool(m, p, "delayedPosting"),
        in.text(m, p, "whyStopped"),
        accessInfo,
        start,
        primaryCompletion,
        completion,
        in.date(m, p, "studyFirstSubmitDate"),
        in.date(m, p, "studyFirstSubmitQcDate"),
        in.dateStruct(m, p, "studyFirstPostDateStruct"),
        in.date(m, p, "resultsFirstSubmitDate"),
        in.date(m, p, "resultsFirstSubmitQcDate"),
        in.dateStruct(m, p, "resultsFirstPostDateStruct"),
        in.date(m, p, "lastUpdateSubmitDate"),
        in.dateStruct(m, p, "lastUpdatePostDateStruct"));
  }

  private static void warnIfBefore(FieldReader in, JsonPath path, DateStruct end, DateStruct start) {
    if (end != null && start != null && end.date() != null && start.date() != null
        && end.date().lastDay().isBefore(start.date().firstDay())) {
      in.warning(path, "date " + end.date() + " is before the start date " + start.date());
    }
  }

  private static Sponsors sponsors(FieldReader in, JsonNode protocol, JsonPath protocolPath) {
    JsonNode m = in.object(protocol, protocolPath, "sponsorCollaboratorsModule");
    if (m == null) return null;
    JsonPath p = at(protocolPath, "sponsorCollaboratorsModule");
    JsonNode party = in.object(m, p, "responsibleParty");
    JsonPath partyPath = at(p, "responsibleParty");
    Sponsors.ResponsibleParty responsibleParty = party == null ? null : new Sponsors.ResponsibleParty(
        in.enumValue(party, partyPath, "type", Sponsors.ResponsiblePartyType.class, "ResponsiblePartyType"),
        in.text(party, partyPath, "investigatorFullName"),
        in.text(party, partyPath, "investigatorTitle"),
        in.text(party, partyPath, "investigatorAffiliation"),
        in.text(party, partyPath, "oldNameTitle"),
        in.text(party, partyPath, "oldOrganization"));
    JsonNode lead = in.object(m, p, "leadSponsor");
    Sponsors.Sponsor leadSponsor = lead == null ? null : sponsor(in, lead, at(p, "leadSponsor"));
    return new Sponsors(responsibleParty, leadSponsor,
        in.objects(m, p, "collaborators", (n, path) -> sponsor(in, n, path)));
  }

  private static Sponsors.Sponsor sponsor(FieldReader in, JsonNode n, JsonPath path) {
    return new Sponsors.Sponsor(in.text(n, path, "name"),
        in.enumValue(n, path, "class", AgencyClass.class, "AgencyClass"));
  }

  private static Oversight oversight(FieldReader in, JsonNode protocol, JsonPath protocolPath) {
    JsonNode m = in.object(protocol, protocolPath, "oversightModule");
    if (m == null) return null;
    JsonPath p = at(protocolPath, "oversightModule");
    return new Oversight(in.bool(m, p, "oversightHasDmc"), in.bool(m, p, "isFdaRegulatedDrug"),
        in.bool(m, p, "isFdaRegulatedDevice"), in.bool(m, p, "isUnapprovedDevice"), in.bool(m, p, "isPpsd"),
        in.bool(m, p, "isUsExport"), in.bool(m, p, "fdaaa801Violation"));
  }

  private static Description description(FieldReader in, JsonNode protocol, JsonPath protocolPath) {
    JsonNode m = in.object(protocol, protocolPath, "descriptionModule");
    if (m == null) return null;
    JsonPath p = at(protocolPath, "descriptionModule");
    return new Description(in.text(m, p, "briefSummary"), in.text(m, p, "detailedDescription"));
  }

  private static Conditions conditions(FieldReader in, JsonNode protocol, JsonPath protocolPath) {
    JsonNode m = in.object(protocol, protocolPath, "conditionsModule");
    if (m == null) return null;
    JsonPath p = at(protocolPath, "conditionsModule");
    return new Conditions(in.texts(m, p, "conditions"), in.texts(m, p, "keywords"));
  }

  private static Design design(FieldReader in, JsonNode protocol, JsonPath protocolPath) {
    JsonNode m = in.object(protocol, protocolPath, "designModule");
    if (m == null) return null;
    JsonPath p = at(protocolPath, "designModule");
    JsonNode info = in.object(m, p, "designInfo");
    JsonPath infoPath = at(p, "designInfo");
    Design.DesignInfo designInfo = null;
    if (info != null) {
      JsonNode masking = in.object(info, infoPath, "maskingInfo");
      JsonPath maskingPath = at(infoPath, "maskingInfo");
      Design.MaskingInfo maskingInfo = masking == null ? null : new Design.MaskingInfo(
          in.enumValue(masking, maskingPath, "masking", Design.Masking.class, "DesignMasking"),
          in.text(masking, maskingPath, "maskingDescription"),
          in.enumValues(masking, maskingPath, "whoMasked", Design.WhoMasked.class, "WhoMasked"));
      designInfo = new Design.DesignInfo(
          in.enumValue(info, infoPath, "allocation", Design.Allocation.class, "DesignAllocation"),
          in.enumValue(info, infoPath, "interventionModel", Design.InterventionModel.class,
              "InterventionalAssignment"),
          in.text(info, infoPath, "interventionModelDescription"),
          in.enumValue(info, infoPath, "primaryPurpose", Design.PrimaryPurpose.class, "PrimaryPurpose"),
          in.enumValue(info, infoPath, "observationalModel", Design.ObservationalModel.class, "ObservationalModel"),
          in.enumValue(info, infoPath, "timePerspective", Design.TimePerspective.class, "DesignTimePerspective"),
          maskingInfo);
    }
    JsonNode bio = in.object(m, p, "bioSpec");
    JsonPath bioPath = at(p, "bioSpec");
    Design.BioSpec bioSpec = bio == null ? null : new Design.BioSpec(
        in.enumValue(bio, bioPath, "retention", Design.BioSpecRetention.class, "BioSpecRetention"),
        in.text(bio, bioPath, "description"));
    JsonNode enrollment = in.object(m, p, "enrollmentInfo");
    JsonPath enrollmentPath = at(p, "enrollmentInfo");
    Design.EnrollmentInfo enrollmentInfo = null;
    if (enrollment != null) {
      Integer count = in.integer(enrollment, enrollmentPath, "count");
      if (count != null && count < 0) {
        in.error(at(enrollmentPath, "count"), "enrollment count " + count + " is negative");
      }
      enrollmentInfo = new Design.EnrollmentInfo(count,
          in.enumValue(enrollment, enrollmentPath, "type", Design.EnrollmentType.class, "EnrollmentType"));
    }
    JsonNode access = in.object(m, p, "expandedAccessTypes");
    JsonPath accessPath = at(p, "expandedAccessTypes");
    Design.ExpandedAccessTypes accessTypes = access == null ? null : new Design.ExpandedAccessTypes(
        in.bool(access, accessPath, "individual"), in.bool(access, accessPath, "intermediate"),
        in.bool(access, accessPath, "treatment"));
    return new Design(
        in.enumValue(m, p, "studyType", Design.StudyType.class, "StudyType"),
        in.bool(m, p, "patientRegistry"),
        in.text(m, p, "targetDuration"),
        in.enumValues(m, p, "phases", Design.Phase.class, "Phase"),
        designInfo, bioSpec, enrollmentInfo, accessTypes);
  }

  private static ArmsInterventions armsInterventions(FieldReader in, JsonNode protocol, JsonPath protocolPath) {
    JsonNode m = in.object(protocol, protocolPath, "armsInterventionsModule");
    if (m == null) return null;
    JsonPath p = at(protocolPath, "armsInterventionsModule");
    List<ArmGroup> arms = in.objects(m, p, "armGroups", (n, path) -> new ArmGroup(
        in.text(n, path, "label"),
        in.enumValue(n, path, "type", ArmsInterventions.ArmGroupType.class, "ArmGroupType"),
        in.text(n, path, "description"),
        in.texts(n, path, "interventionNames")));
    Set<String> labels = new HashSet<>();
    arms.forEach(arm -> labels.add(arm.label()));
    List<Intervention> interventions = in.objects(m, p, "interventions", (n, path) -> {
      Intervention intervention = new Intervention(
          in.enumValue(n, path, "type", ArmsInterventions.InterventionType.class, "InterventionType"),
          in.text(n, path, "name"),
          in.text(n, path, "description"),
          in.texts(n, path, "armGroupLabels"),
          in.texts(n, path, "otherNames"));
      if (!arms.isEmpty()) {
        for (int i = 0; i < intervention.armGroupLabels().size(); i++) {
          String label = intervention.armGroupLabels().get(i);
          if (!labels.contains(label)) {
            in.warning(at(at(path, "armGroupLabels"), i), "arm group '" + label + "' is not among the study's arms");
          }
        }
      }
      return intervention;
    });
    return new ArmsInterventions(arms, interventions);
  }

  private static Outcomes outcomes(FieldReader in, JsonNode protocol, JsonPath protocolPath) {
    JsonNode m = in.object(protocol, protocolPath, "outcomesModule");
    if (m == null) return null;
    JsonPath p = at(protocolPath, "outcomesModule");
    return new Outcomes(outcomeList(in, m, p, "primaryOutcomes"), outcomeList(in, m, p, "secondaryOutcomes"),
        outcomeList(in, m, p, "otherOutcomes"));
  }

  private static List<Outcomes.Outcome> outcomeList(FieldReader in, JsonNode m, JsonPath p, String name) {
    return in.objects(m, p, name, (n, path) -> new Outcomes.Outcome(
        in.text(n, path, "measure"), in.text(n, path, "description"), in.text(n, path, "timeFrame")));
  }

  private static Eligibility eligibility(FieldReader in, JsonNode protocol, JsonPath protocolPath) {
    JsonNode m = in.object(protocol, protocolPath, "eligibilityModule");
    if (m == null) return null;
    JsonPath p = at(protocolPath, "eligibilityModule");
    String minimumAge = in.text(m, p, "minimumAge");
    String maximumAge = in.text(m, p, "maximumAge");
    RegistryAge min = age(in, at(p, "minimumAge"), minimumAge);
    RegistryAge max = age(in, at(p, "maximumAge"), maximumAge);
    if (min != null && max != null && min.approximateDays() > max.approximateDays()) {
      in.warning(at(p, "minimumAge"), "minimum age " + minimumAge + " is above the maximum age " + maximumAge);
    }
    return new Eligibility(
        in.text(m, p, "eligibilityCriteria"),
        in.bool(m, p, "healthyVolunteers"),
        in.enumValue(m, p, "sex", Eligibility.Sex.class, "Sex"),
        in.bool(m, p, "genderBased"),
        in.text(m, p, "genderDescription"),
        minimumAge,
        maximumAge,
        in.enumValues(m, p, "stdAges", Eligibility.StandardAge.class, "StandardAge"),
        in.text(m, p, "studyPopulation"),
        in.enumValue(m, p, "samplingMethod", Eligibility.SamplingMethod.class, "SamplingMethod"));
  }

  private static RegistryAge age(FieldReader in, JsonPath path, String text) {
    if (text == null) return null;
    try {
      return RegistryAge.parse(text);
    } catch (IllegalArgumentException e) {
      in.error(path, "age '" + text + "' is not a number and a unit such as '18 Years' or '6 Months'");
      return null;
    }
  }

  private static ContactsLocations contactsLocations(FieldReader in, JsonNode protocol, JsonPath protocolPath) {
    JsonNode m = in.object(protocol, protocolPath, "contactsLocationsModule");
    if (m == null) return null;
    JsonPath p = at(protocolPath, "contactsLocationsModule");
    List<Official> officials = in.objects(m, p, "overallOfficials", (n, path) -> new Official(
        in.text(n, path, "name"), in.text(n, path, "affiliation"),
        in.enumValue(n, path, "role", ContactsLocations.OfficialRole.class, "OfficialRole")));
    List<Location> locations = in.objects(m, p, "locations", (n, path) -> new Location(
        in.text(n, path, "facility"),
        in.enumValue(n, path, "status", RecruitmentStatus.class, "Status"),
        in.text(n, path, "city"),
        in.text(n, path, "state"),
        in.text(n, path, "zip"),
        in.text(n, path, "country"),
        in.objects(n, path, "contacts", (c, cp) -> contact(in, c, cp)),
        geoPoint(in, n, path)));
    return new ContactsLocations(in.objects(m, p, "centralContacts", (n, path) -> contact(in, n, path)), officials,
        locations);
  }

  private static Contact contact(FieldReader in, JsonNode n, JsonPath path) {
    return new Contact(in.text(n, path, "name"),
        in.enumValue(n, path, "role", ContactsLocations.ContactRole.class, "ContactRole"),
        in.text(n, path, "phone"), in.text(n, path, "phoneExt"), in.text(n, path, "email"));
  }

  private static GeoPoint geoPoint(FieldReader in, JsonNode location, JsonPath locationPath) {
    JsonNode n = in.object(location, locationPath, "geoPoint");
    if (n == null) return null;
    JsonPath path = at(locationPath, "geoPoint");
    Double lat = in.number(n, path, "lat");
    Double lon = in.number(n, path, "lon");
    if (lat == null || lon == null) {
      if (FieldReader.given(n, "lat") == null) in.error(at(path, "lat"), "missing lat");
      if (FieldReader.given(n, "lon") == null) in.error(at(path, "lon"), "missing lon");
      return null;
    }
    if (!(lat >= -90 && lat <= 90) || !(lon >= -180 && lon <= 180)) {
      in.error(path, "geo point " + lat + "," + lon + " is out of range (lat -90..90, lon -180..180)");
      return null;
    }
    return new GeoPoint(lat, lon);
  }

  private static References references(FieldReader in, JsonNode protocol, JsonPath protocolPath) {
    JsonNode m = in.object(protocol, protocolPath, "referencesModule");
    if (m == null) return null;
    JsonPath p = at(protocolPath, "referencesModule");
    return new References(
        in.objects(m, p, "references", (n, path) -> new References.Reference(in.text(n, path, "pmid"),
            in.enumValue(n, path, "type", References.ReferenceType.class, "ReferenceType"),
            in.text(n, path, "citation"))),
        in.objects(m, p, "seeAlsoLinks", (n, path) -> new References.SeeAlsoLink(in.text(n, path, "label"),
            in.text(n, path, "url"))),
        in.objects(m, p, "availIpds", (n, path) -> new References.AvailIpd(in.text(n, path, "id"),
            in.text(n, path, "type"), in.text(n, path, "url"), in.text(n, path, "comment"))));
  }

  private static IpdSharing ipdSharing(FieldReader in, JsonNode protocol, JsonPath protocolPath) {
    JsonNode m = in.object(protocol, protocolPath, "ipdSharingStatementModule");
    if (m == null) return null;
    JsonPath p = at(protocolPath, "ipdSharingStatementModule");
    return new IpdSharing(
        in.enumValue(m, p, "ipdSharing", IpdSharing.Decision.class, "IpdSharing"),
        in.text(m, p, "description"),
        in.enumValues(m, p, "infoTypes", IpdSharing.InfoType.class, "IpdSharingInfoType"),
        in.text(m, p, "timeFrame"),
        in.text(m, p, "accessCriteria"),
        in.text(m, p, "url"));
  }

  private static BrowseModule browse(FieldReader in, JsonNode derived, JsonPath derivedPath, String name) {
    JsonNode m = in.object(derived, derivedPath, name);
    if (m == null) return null;
    JsonPath p = at(derivedPath, name);
    return new BrowseModule(
        in.objects(m, p, "meshes", (n, path) -> mesh(in, n, path)),
        in.objects(m, p, "ancestors", (n, path) -> mesh(in, n, path)),
        in.objects(m, p, "browseLeaves", (n, path) -> new BrowseModule.BrowseLeaf(in.text(n, path, "id"),
            in.text(n, path, "name"), in.text(n, path, "asFound"), in.text(n, path, "relevance"))),
        in.objects(m, p, "browseBranches", (n, path) -> new BrowseModule.BrowseBranch(in.text(n, path, "abbrev"),
            in.text(n, path, "name"))));
  }

  private static BrowseModule.Mesh mesh(FieldReader in, JsonNode n, JsonPath path) {
    return new BrowseModule.Mesh(in.text(n, path, "id"), in.text(n, path, "term"));
  }
}
