package org.eligo.search.document;

import static org.eligo.search.document.TrialFields.*;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.LatLonDocValuesField;
import org.apache.lucene.document.LatLonPoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.util.BytesRef;
import org.eligo.core.trial.ArmsInterventions;
import org.eligo.core.trial.BrowseModule;
import org.eligo.core.trial.ContactsLocations.Location;
import org.eligo.core.trial.Design;
import org.eligo.core.trial.Eligibility;
import org.eligo.core.trial.Identification;
import org.eligo.core.trial.PartialDate;
import org.eligo.core.trial.Sponsors;
import org.eligo.core.trial.Trial;
import org.eligo.search.FacetDimension;
import org.eligo.search.analysis.ConceptKeys;

/** Turns a {@link Trial} into the Lucene document that indexes it (fields in {@link TrialFields}). */
public final class TrialDocumentBuilder {
  /**
   * The version of how documents are made: raise it whenever a field is added, dropped or filled differently, so that
   * indexes built before are rebuilt from the store on the next start.
   */
  public static final int FORMAT = 10;


  /** Stored, analysed text with offsets in the postings, so snippets need no re-analysis. */
  private static final FieldType STORED_TEXT = new FieldType(TextField.TYPE_STORED);

  static {
    STORED_TEXT.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
    STORED_TEXT.freeze();
  }

  private final FacetsConfig facets;
  private final ConceptKeys concepts;

  public TrialDocumentBuilder(FacetsConfig facets, ConceptKeys concepts) {
    this.facets = facets;
    this.concepts = concepts;
  }

  /** The facet configuration every index and searcher of trials shares. */
  public static FacetsConfig facetsConfig() {
    FacetsConfig config = new FacetsConfig();
    for (FacetDimension dimension : FacetDimension.values()) config.setMultiValued(dimension.apiName(), true);
    return config;
  }

  public Document build(Trial trial) {
    Document doc = new Document();
    String nctId = trial.nctId();
    doc.add(new StringField(NCT_ID, nctId, Field.Store.YES));
    doc.add(new SortedDocValuesField(NCT_ID_SORT, new BytesRef(nctId)));
    addIdentification(doc, trial.identification());
    addStatus(doc, trial);
    addDescription(doc, trial);
    addConditions(doc, trial);
    addInterventions(doc, trial.armsInterventions(), trial.interventionBrowse());
    titleConcepts(doc, trial);
    addDesign(doc, trial.design());
    addEligibility(doc, trial.eligibility());
    addSponsors(doc, trial.sponsors(), trial.identification().organization());
    addLocations(doc, trial.contactsLocations() == null ? List.of() : trial.contactsLocations().locations(),
        trial.status() == null ? null : trial.status().overallStatus());
    try {
      return facets.build(doc);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void addIdentification(Document doc, Identification id) {
    Set<String> ids = new LinkedHashSet<>();
    ids.add(id.nctId());
    ids.addAll(id.nctIdAliases());
    if (id.orgStudyIdInfo() != null) ids.add(id.orgStudyIdInfo().id());
    id.secondaryIdInfos().forEach(secondary -> ids.add(secondary.id()));
    for (String value : ids) {
      if (value != null && !value.isBlank()) doc.add(new StringField(IDS, normaliseId(value), Field.Store.NO));
    }
    storedText(doc, TITLE, id.briefTitle() != null ? id.briefTitle() : id.officialTitle());
    storedText(doc, OFFICIAL_TITLE, id.officialTitle());
    text(doc, ACRONYM, id.acronym());
  }

  /** The form in which identifiers are indexed and looked up: trimmed, lower case. */
  public static String normaliseId(String id) {
    return id.strip().toLowerCase(Locale.ROOT);
  }

  private void addStatus(Document doc, Trial trial) {
    // A record without a status is not filed under UNKNOWN (a registry status of its own): it has none.
    if (trial.status() != null && trial.status().overallStatus() != null) {
      keyword(doc, STATUS, trial.status().overallStatus().name());
    }
    if (trial.status() != null && trial.status().overallStatus() != null) {
      doc.add(new StoredField(STATUS_VALUE, trial.status().overallStatus().name()));
    }
    var status = trial.status();
    if (status == null) return;
    if (status.statusVerifiedDate() != null) {
      doc.add(new StoredField(STATUS_VERIFIED, status.statusVerifiedDate().text()));
    }
    if (status.startDateStruct() != null && status.startDateStruct().date() != null) {
      doc.add(new LongPoint(START_DAY, status.startDateStruct().date().firstDay().toEpochDay()));
    }
    PartialDate lastUpdate = status.lastUpdatePostDate();
    if (lastUpdate != null) doc.add(new NumericDocValuesField(LAST_UPDATE_DAY, lastUpdate.lastDay().toEpochDay()));
  }

  private void addDescription(Document doc, Trial trial) {
    if (trial.description() == null) return;
    storedText(doc, SUMMARY, trial.description().briefSummary());
    storedText(doc, DESCRIPTION, trial.description().detailedDescription());
  }

  private void addConditions(Document doc, Trial trial) {
    if (trial.conditions() != null) {
      for (String condition : trial.conditions().conditions()) {
        storedText(doc, CONDITIONS, condition);
        keyword(doc, CONDITION, condition.strip());
        conceptKey(doc, CONDITION_KEY, condition);
      }
      trial.conditions().keywords().forEach(keyword -> storedText(doc, KEYWORDS, keyword));
    }
    meshTerms(trial.conditionBrowse(), term -> text(doc, CONDITION_MESH, term));
  }

  private void addInterventions(Document doc, ArmsInterventions arms, BrowseModule browse) {
    if (arms != null) {
      for (ArmsInterventions.Intervention intervention : arms.interventions()) {
        storedText(doc, INTERVENTIONS, intervention.name());
        String type = intervention.type() == null ? "" : intervention.type().name();
        if (intervention.name() != null) {
          doc.add(new StoredField(INTERVENTION_ENTRY, type + "\t" + intervention.name()));
          keyword(doc, INTERVENTION, intervention.name().strip());
          conceptKey(doc, INTERVENTION_KEY, intervention.name());
        }
        for (String other : intervention.otherNames()) {
          storedText(doc, INTERVENTIONS, other);
          doc.add(new StoredField(INTERVENTION_ENTRY, type + "\t" + other));
          conceptKey(doc, INTERVENTION_KEY, other);
        }
      }
    }
    meshTerms(browse, term -> text(doc, INTERVENTION_MESH, term));
  }

  private static void meshTerms(BrowseModule browse, Consumer<String> sink) {
    if (browse == null) return;
    browse.meshes().forEach(mesh -> sink.accept(mesh.term()));
    browse.browseLeaves().forEach(leaf -> sink.accept(leaf.name()));
  }

  private void addDesign(Document doc, Design design) {
    if (design == null) return;
    if (design.studyType() != null) keyword(doc, STUDY_TYPE, design.studyType().name());
    design.phases().forEach(phase -> keyword(doc, PHASE, phase.name()));
  }

  private void addEligibility(Document doc, Eligibility eligibility) {
    if (eligibility == null) {
      doc.add(new IntPoint(MIN_AGE_DAYS, AgeBounds.OPEN_MIN));
      doc.add(new IntPoint(MAX_AGE_DAYS, AgeBounds.OPEN_MAX));
      return;
    }
    storedText(doc, CRITERIA, eligibility.eligibilityCriteria());
    if (eligibility.sex() != null) keyword(doc, SEX, eligibility.sex().name());
    if (eligibility.healthyVolunteers() != null) {
      keyword(doc, HEALTHY_VOLUNTEERS, eligibility.healthyVolunteers().toString());
    }
    doc.add(new IntPoint(MIN_AGE_DAYS, AgeBounds.minimumDays(eligibility.minimumAge())));
    doc.add(new IntPoint(MAX_AGE_DAYS, AgeBounds.maximumDays(eligibility.maximumAge())));
  }

  private void addSponsors(Document doc, Sponsors sponsors, Identification.Organization organization) {
    if (organization != null) text(doc, SPONSORS, organization.fullName());
    if (sponsors == null) return;
    if (sponsors.leadSponsor() != null) {
      text(doc, SPONSORS, sponsors.leadSponsor().name());
      if (sponsors.leadSponsor().agencyClass() != null) {
        keyword(doc, SPONSOR_CLASS, sponsors.leadSponsor().agencyClass().name());
      }
    }
    sponsors.collaborators().forEach(collaborator -> text(doc, SPONSORS, collaborator.name()));
  }

  private void addLocations(Document doc, List<Location> locations,
                            org.eligo.core.trial.RecruitmentStatus trialStatus) {
    Set<String> countries = new LinkedHashSet<>();
    for (Location location : locations) {
      StoredSite site = StoredSite.of(location);
      // A site the record gives no status of, in a trial that is recruiting, is taken to recruit with it.
      if (site.status() == null && trialStatus == org.eligo.core.trial.RecruitmentStatus.RECRUITING) {
        site = new StoredSite(site.facility(), site.city(), site.state(), site.country(), trialStatus, site.point());
      }
      doc.add(new StoredField(SITE, site.encode()));
      String words = String.join(", ", nonNull(location.facility(), location.city(), location.state(),
          location.country()));
      storedText(doc, LOCATIONS, words);
      if (location.country() != null && !location.country().isBlank()) countries.add(location.country().strip());
      if (location.geoPoint() != null) {
        doc.add(new LatLonPoint(SITE_POINT, location.geoPoint().lat(), location.geoPoint().lon()));
        doc.add(new LatLonDocValuesField(SITE_POINT_DV, location.geoPoint().lat(), location.geoPoint().lon()));
        if (site.recruiting()) {
          doc.add(new LatLonDocValuesField(RECRUITING_SITE_POINT_DV, location.geoPoint().lat(),
              location.geoPoint().lon()));
        }
      } else if (location.city() != null && !location.city().isBlank()) {
        doc.add(new StringField(SITE_CITY_UNPLACED, StoredSite.placeKey(location.city(), location.country()),
            Field.Store.NO));
      }
    }
    countries.forEach(country -> keyword(doc, COUNTRY, country));
  }

  private static List<String> nonNull(String... values) {
    return java.util.Arrays.stream(values).filter(v -> v != null && !v.isBlank()).toList();
  }

  private void conceptKey(Document doc, String field, String name) {
    for (String key : concepts.keys(name)) doc.add(new StringField(field, key, Field.Store.NO));
  }

  /** A record listing no conditions or no interventions: the concepts its title names stand in for them. */
  private void titleConcepts(Document doc, Trial trial) {
    boolean noConditions = trial.conditions() == null || trial.conditions().conditions().isEmpty();
    boolean noInterventions = trial.armsInterventions() == null || trial.armsInterventions().interventions().isEmpty();
    if (!noConditions && !noInterventions) return;
    for (String key : concepts.mentionedIn(trial.title())) {
      if (noConditions) doc.add(new StringField(CONDITION_KEY, key, Field.Store.NO));
      if (noInterventions) doc.add(new StringField(INTERVENTION_KEY, key, Field.Store.NO));
    }
  }

  private static void storedText(Document doc, String field, String value) {
    if (value != null && !value.isBlank()) doc.add(new Field(field, value, STORED_TEXT));
  }

  private static void text(Document doc, String field, String value) {
    if (value != null && !value.isBlank()) doc.add(new TextField(field, value, Field.Store.NO));
  }

  /** A filter term and a facet value for one dimension, skipping blanks and repeats. */
  private static void keyword(Document doc, String dimension, String value) {
    if (value == null || value.isBlank()) return;
    for (var existing : doc.getFields(dimension)) {
      if (value.equals(existing.stringValue())) return;
    }
    doc.add(new StringField(dimension, value, Field.Store.NO));
    doc.add(new SortedSetDocValuesFacetField(dimension, value));
  }
}
