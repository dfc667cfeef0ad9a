package org.eligo.ctgov.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.Function;
import org.eligo.core.trial.ArmsInterventions;
import org.eligo.core.trial.BrowseModule;
import org.eligo.core.trial.Conditions;
import org.eligo.core.trial.ContactsLocations;
import org.eligo.core.trial.DateStruct;
import org.eligo.core.trial.Description;
import org.eligo.core.trial.Design;
import org.eligo.core.trial.Eligibility;
import org.eligo.core.trial.Identification;
import org.eligo.core.trial.IpdSharing;
import org.eligo.core.trial.Outcomes;
import org.eligo.core.trial.Oversight;
import org.eligo.core.trial.PartialDate;
import org.eligo.core.trial.References;
import org.eligo.core.trial.Sponsors;
import org.eligo.core.trial.StatusInfo;
import org.eligo.core.trial.Trial;

/**
 * Writes a {@link Trial} as a ClinicalTrials.gov API v2 study document: API field names, nesting and field order
 * (as in the API's OpenAPI description), leaving out null values, empty lists and objects left empty by that.
 *
 * <p>Thread-safe and stateless.
 */
public final class StudyJsonWriter {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  public ObjectNode write(Trial trial) {
    ObjectNode study = NODES.objectNode();
    ObjectNode protocol = NODES.objectNode();
    child(protocol, "identificationModule", identification(trial.identification()));
    child(protocol, "statusModule", trial.status() == null ? null : status(trial.status()));
    child(protocol, "sponsorCollaboratorsModule", trial.sponsors() == null ? null : sponsors(trial.sponsors()));
    child(protocol, "oversightModule", trial.oversight() == null ? null : oversight(trial.oversight()));
    child(protocol, "descriptionModule", trial.description() == null ? null : description(trial.description()));
    child(protocol, "conditionsModule", trial.conditions() == null ? null : conditions(trial.conditions()));
    child(protocol, "designModule", trial.design() == null ? null : design(trial.design()));
    child(protocol, "armsInterventionsModule",
        trial.armsInterventions() == null ? null : arms(trial.armsInterventions()));
    child(protocol, "outcomesModule", trial.outcomes() == null ? null : outcomes(trial.outcomes()));
    child(protocol, "eligibilityModule", trial.eligibility() == null ? null : eligibility(trial.eligibility()));
    child(protocol, "contactsLocationsModule",
        trial.contactsLocations() == null ? null : contactsLocations(trial.contactsLocations()));
    child(protocol, "referencesModule", trial.references() == null ? null : references(trial.references()));
    child(protocol, "ipdSharingStatementModule", trial.ipdSharing() == null ? null : ipd(trial.ipdSharing()));
    child(study, "protocolSection", protocol);
    ObjectNode derived = NODES.objectNode();
    child(derived, "conditionBrowseModule", browse(trial.conditionBrowse()));
    child(derived, "interventionBrowseModule", browse(trial.interventionBrowse()));
    child(study, "derivedSection", derived);
    if (trial.hasResults() != null) study.put("hasResults", trial.hasResults());
    return study;
  }

  private static ObjectNode identification(Identification m) {
    ObjectNode o = NODES.objectNode();
    text(o, "nctId", m.nctId());
    texts(o, "nctIdAliases", m.nctIdAliases());
    if (m.orgStudyIdInfo() != null) {
      ObjectNode org = NODES.objectNode();
      text(org, "id", m.orgStudyIdInfo().id());
      text(org, "type", m.orgStudyIdInfo().type());
      text(org, "link", m.orgStudyIdInfo().link());
      child(o, "orgStudyIdInfo", org);
    }
    objects(o, "secondaryIdInfos", m.secondaryIdInfos(), s -> {
      ObjectNode n = NODES.objectNode();
      text(n, "id", s.id());
      text(n, "type", s.type());
      text(n, "domain", s.domain());
      text(n, "link", s.link());
      return n;
    });
    text(o, "briefTitle", m.briefTitle());
    text(o, "officialTitle", m.officialTitle());
    text(o, "acronym", m.acronym());
    if (m.organization() != null) {
      ObjectNode org = NODES.objectNode();
      text(org, "fullName", m.organization().fullName());
      enumValue(org, "class", m.organization().agencyClass());
      child(o, "organization", org);
    }
    return o;
  }

  private static ObjectNode status(StatusInfo m) {
    ObjectNode o = NODES.objectNode();
    date(o, "statusVerifiedDate", m.statusVerifiedDate());
    enumValue(o, "overallStatus", m.overallStatus());
    enumValue(o, "lastKnownStatus", m.lastKnownStatus());
    bool(o, "delayedPosting", m.delayedPosting());
    text(o, "whyStopped", m.whyStopped());
    if (m.expandedAccessInfo() != null) {
      ObjectNode n = NODES.objectNode();
      bool(n, "hasExpandedAccess", m.expandedAccessInfo().hasExpandedAccess());
      text(n, "nctId", m.expandedAccessInfo().nctId());
      text(n, "statusForNctId", m.expandedAccessInfo().statusForNctId());
      child(o, "expandedAccessInfo", n);
    }
    dateStruct(o, "startDateStruct", m.startDateStruct());
    dateStruct(o, "primaryCompletionDateStruct", m.primaryCompletionDateStruct());
    dateStruct(o, "completionDateStruct", m.completionDateStruct());
    date(o, "studyFirstSubmitDate", m.studyFirstSubmitDate());
    date(o, "studyFirstSubmitQcDate", m.studyFirstSubmitQcDate());
    dateStruct(o, "studyFirstPostDateStruct", m.studyFirstPostDateStruct());
    date(o, "resultsFirstSubmitDate", m.resultsFirstSubmitDate());
    date(o, "resultsFirstSubmitQcDate", m.resultsFirstSubmitQcDate());
    dateStruct(o, "resultsFirstPostDateStruct", m.resultsFirstPostDateStruct());
    date(o, "lastUpdateSubmitDate", m.lastUpdateSubmitDate());
    dateStruct(o, "lastUpdatePostDateStruct", m.lastUpdatePostDateStruct());
    return o;
  }

  private static ObjectNode sponsors(Sponsors m) {
    ObjectNode o = NODES.objectNode();
    Sponsors.ResponsibleParty party = m.responsibleParty();
    if (party != null) {
      ObjectNode n = NODES.objectNode();
      enumValue(n, "type", party.type());
      text(n, "investigatorFullName", party.investigatorFullName());
      text(n, "investigatorTitle", party.investigatorTitle());
      text(n, "investigatorAffiliation", party.investigatorAffiliation());
      text(n, "oldNameTitle", party.oldNameTitle());
      text(n, "oldOrganization", party.oldOrganization());
      child(o, "responsibleParty", n);
    }
    if (m.leadSponsor() != null) child(o, "leadSponsor", sponsor(m.leadSponsor()));
    objects(o, "collaborators", m.collaborators(), StudyJsonWriter::sponsor);
    return o;
  }

  private static ObjectNode sponsor(Sponsors.Sponsor s) {
    ObjectNode n = NODES.objectNode();
    text(n, "name", s.name());
    enumValue(n, "class", s.agencyClass());
    return n;
  }

  private static ObjectNode oversight(Oversight m) {
    ObjectNode o = NODES.objectNode();
    bool(o, "oversightHasDmc", m.oversightHasDmc());
    bool(o, "isFdaRegulatedDrug", m.isFdaRegulatedDrug());
    bool(o, "isFdaRegulatedDevice", m.isFdaRegulatedDevice());
    bool(o, "isUnapprovedDevice", m.isUnapprovedDevice());
    bool(o, "isPpsd", m.isPpsd());
    bool(o, "isUsExport", m.isUsExport());
    bool(o, "fdaaa801Violation", m.fdaaa801Violation());
    return o;
  }

  private static ObjectNode description(Description m) {
    ObjectNode o = NODES.objectNode();
    text(o, "briefSummary", m.briefSummary());
    text(o, "detailedDescription", m.detailedDescription());
    return o;
  }

  private static ObjectNode conditions(Conditions m) {
    ObjectNode o = NODES.objectNode();
    texts(o, "conditions", m.conditions());
    texts(o, "keywords", m.keywords());
    return o;
  }

  private static ObjectNode design(Design m) {
    ObjectNode o = NODES.objectNode();
    enumValue(o, "studyType", m.studyType());
    if (m.expandedAccessTypes() != null) {
      ObjectNode n = NODES.objectNode();
      bool(n, "individual", m.expandedAccessTypes().individual());
      bool(n, "intermediate", m.expandedAccessTypes().intermediate());
      bool(n, "treatment", m.expandedAccessTypes().treatment());
      child(o, "expandedAccessTypes", n);
    }
    bool(o, "patientRegistry", m.patientRegistry());
    text(o, "targetDuration", m.targetDuration());
    enums(o, "phases", m.phases());
    Design.DesignInfo info = m.designInfo();
    if (info != null) {
      ObjectNode n = NODES.objectNode();
      enumValue(n, "allocation", info.allocation());
      enumValue(n, "interventionModel", info.interventionModel());
      text(n, "interventionModelDescription", info.interventionModelDescription());
      enumValue(n, "primaryPurpose", info.primaryPurpose());
      enumValue(n, "observationalModel", info.observationalModel());
      enumValue(n, "timePerspective", info.timePerspective());
      if (info.maskingInfo() != null) {
        ObjectNode masking = NODES.objectNode();
        enumValue(masking, "masking", info.maskingInfo().masking());
        text(masking, "maskingDescription", info.maskingInfo().maskingDescription());
        enums(masking, "whoMasked", info.maskingInfo().whoMasked());
        child(n, "maskingInfo", masking);
      }
      child(o, "designInfo", n);
    }
    if (m.bioSpec() != null) {
      ObjectNode n = NODES.objectNode();
      enumValue(n, "retention", m.bioSpec().retention());
      text(n, "description", m.bioSpec().description());
      child(o, "bioSpec", n);
    }
    if (m.enrollmentInfo() != null) {
      ObjectNode n = NODES.objectNode();
      if (m.enrollmentInfo().count() != null) n.put("count", m.enrollmentInfo().count());
      enumValue(n, "type", m.enrollmentInfo().type());
      child(o, "enrollmentInfo", n);
    }
    return o;
  }

  private static ObjectNode arms(ArmsInterventions m) {
    ObjectNode o = NODES.objectNode();
    objects(o, "armGroups", m.armGroups(), arm -> {
      ObjectNode n = NODES.objectNode();
      text(n, "label", arm.label());
      enumValue(n, "type", arm.type());
      text(n, "description", arm.description());
      texts(n, "interventionNames", arm.interventionNames());
      return n;
    });
    objects(o, "interventions", m.interventions(), intervention -> {
      ObjectNode n = NODES.objectNode();
      enumValue(n, "type", intervention.type());
      text(n, "name", intervention.name());
      text(n, "description", intervention.description());
      texts(n, "armGroupLabels", intervention.armGroupLabels());
      texts(n, "otherNames", intervention.otherNames());
      return n;
    });
    return o;
  }

  private static ObjectNode outcomes(Outcomes m) {
    ObjectNode o = NODES.objectNode();
    objects(o, "primaryOutcomes", m.primaryOutcomes(), StudyJsonWriter::outcome);
    objects(o, "secondaryOutcomes", m.secondaryOutcomes(), StudyJsonWriter::outcome);
    objects(o, "otherOutcomes", m.otherOutcomes(), StudyJsonWriter::outcome);
    return o;
  }

  private static ObjectNode outcome(Outcomes.Outcome outcome) {
    ObjectNode n = NODES.objectNode();
    text(n, "measure", outcome.measure());
    text(n, "description", outcome.description());
    text(n, "timeFrame", outcome.timeFrame());
    return n;
  }

  private static ObjectNode eligibility(Eligibility m) {
    ObjectNode o = NODES.objectNode();
    text(o, "eligibilityCriteria", m.eligibilityCriteria());
    bool(o, "healthyVolunteers", m.healthyVolunteers());
    enumValue(o, "sex", m.sex());
    bool(o, "genderBased", m.genderBased());
    text(o, "genderDescription", m.genderDescription());
    text(o, "minimumAge", m.minimumAge());
    text(o, "maximumAge", m.maximumAge());
    enums(o, "stdAges", m.stdAges());
    text(o, "studyPopulation", m.studyPopulation());
    enumValue(o, "samplingMethod", m.samplingMethod());
    return o;
  }

  private static ObjectNode contactsLocations(ContactsLocations m) {
    ObjectNode o = NODES.objectNode();
    objects(o, "centralContacts", m.centralContacts(), StudyJsonWriter::contact);
    objects(o, "overallOfficials", m.overallOfficials(), official -> {
      ObjectNode n = NODES.objectNode();
      text(n, "name", official.name());
      text(n, "affiliation", official.affiliation());
      enumValue(n, "role", official.role());
      return n;
    });
    objects(o, "locations", m.locations(), location -> {
      ObjectNode n = NODES.objectNode();
      text(n, "facility", location.facility());
      enumValue(n, "status", location.status());
      text(n, "city", location.city());
      text(n, "state", location.state());
      text(n, "zip", location.zip());
      text(n, "country", location.country());
      objects(n, "contacts", location.contacts(), StudyJsonWriter::contact);
      if (location.geoPoint() != null) {
        ObjectNode geo = n.putObject("geoPoint");
        geo.put("lat", location.geoPoint().lat());
        geo.put("lon", location.geoPoint().lon());
      }
      return n;
    });
    return o;
  }

  private static ObjectNode contact(ContactsLocations.Contact contact) {
    ObjectNode n = NODES.objectNode();
    text(n, "name", contact.name());
    enumValue(n, "role", contact.role());
    text(n, "phone", contact.phone());
    text(n, "phoneExt", contact.phoneExt());
    text(n, "email", contact.email());
    return n;
  }

  private static ObjectNode references(References m) {
    ObjectNode o = NODES.objectNode();
    objects(o, "references", m.references(), reference -> {
      ObjectNode n = NODES.objectNode();
      text(n, "pmid", reference.pmid());
      enumValue(n, "type", reference.type());
      text(n, "citation", reference.citation());
      return n;
    });
    objects(o, "seeAlsoLinks", m.seeAlsoLinks(), link -> {
      ObjectNode n = NODES.objectNode();
      text(n, "label", link.label());
      text(n, "url", link.url());
      return n;
    });
    objects(o, "availIpds", m.availIpds(), ipd -> {
      ObjectNode n = NODES.objectNode();
      text(n, "id", ipd.id());
      text(n, "type", ipd.type());
      text(n, "url", ipd.url());
      text(n, "comment", ipd.comment());
      return n;
    });
    return o;
  }

  private static ObjectNode ipd(IpdSharing m) {
    ObjectNode o = NODES.objectNode();
    enumValue(o, "ipdSharing", m.ipdSharing());
    text(o, "description", m.description());
    enums(o, "infoTypes", m.infoTypes());
    text(o, "timeFrame", m.timeFrame());
    text(o, "accessCriteria", m.accessCriteria());
    text(o, "url", m.url());
    return o;
  }

  private static ObjectNode browse(BrowseModule m) {
    if (m == null) return null;
    ObjectNode o = NODES.objectNode();
    objects(o, "meshes", m.meshes(), StudyJsonWriter::mesh);
    objects(o, "ancestors", m.ancestors(), StudyJsonWriter::mesh);
    objects(o, "browseLeaves", m.browseLeaves(), leaf -> {
      ObjectNode n = NODES.objectNode();
      text(n, "id", leaf.id());
      text(n, "name", leaf.name());
      text(n, "asFound", leaf.asFound());
      text(n, "relevance", leaf.relevance());
      return n;
    });
    objects(o, "browseBranches", m.browseBranches(), branch -> {
      ObjectNode n = NODES.objectNode();
      text(n, "abbrev", branch.abbrev());
      text(n, "name", branch.name());
      return n;
    });
    return o;
  }

  private static ObjectNode mesh(BrowseModule.Mesh mesh) {
    ObjectNode n = NODES.objectNode();
    text(n, "id", mesh.id());
    text(n, "term", mesh.term());
    return n;
  }

  private static void child(ObjectNode parent, String name, ObjectNode child) {
    if (child != null && !child.isEmpty()) parent.set(name, child);
  }

  private static void text(ObjectNode o, String name, String value) {
    if (value != null) o.put(name, value);
  }

  private static void bool(ObjectNode o, String name, Boolean value) {
    if (value != null) o.put(name, value);
  }

  private static void enumValue(ObjectNode o, String name, Enum<?> value) {
    if (value != null) o.put(name, value.name());
  }

  private static void date(ObjectNode o, String name, PartialDate value) {
    if (value != null) o.put(name, value.text());
  }

  private static void dateStruct(ObjectNode o, String name, DateStruct value) {
    if (value == null) return;
    ObjectNode n = NODES.objectNode();
    date(n, "date", value.date());
    enumValue(n, "type", value.type());
    child(o, name, n);
  }

  private static void texts(ObjectNode o, String name, List<String> values) {
    if (values.isEmpty()) return;
    ArrayNode array = o.putArray(name);
    values.forEach(array::add);
  }

  private static void enums(ObjectNode o, String name, List<? extends Enum<?>> values) {
    if (values.isEmpty()) return;
    ArrayNode array = o.putArray(name);
    values.forEach(v -> array.add(v.name()));
  }

  private static <T> void objects(ObjectNode o, String name, List<T> values, Function<T, ObjectNode> each) {
    if (values.isEmpty()) return;
    ArrayNode array = o.putArray(name);
    values.forEach(v -> array.add(each.apply(v)));
  }
}
