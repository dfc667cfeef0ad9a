package org.eligo.search.document;

import java.util.List;

/** The names of the fields of a trial document in the index, and which text fields queries search. */
public final class TrialFields {

  private TrialFields() {}

  // Keys and identifiers (not analysed).
  /** The NCT ID, stored, exact. */
  public static final String NCT_ID = "nctId";
  /** The NCT ID as sorted doc values, the last sort key of every search. */
  public static final String NCT_ID_SORT = "nctIdSort";
  /** NCT ID, aliases, org study ID and secondary IDs, lower-cased, exact. */
  public static final String IDS = "ids";

  // Analysed text.
  public static final String TITLE = "title";
  public static final String OFFICIAL_TITLE = "officialTitle";
  public static final String ACRONYM = "acronym";
  public static final String SUMMARY = "summary";
  public static final String DESCRIPTION = "description";
  public static final String CONDITIONS = "conditions";
  public static final String KEYWORDS = "keywords";
  public static final String CONDITION_MESH = "conditionMesh";
  public static final String INTERVENTIONS = "interventions";
  public static final String INTERVENTION_MESH = "interventionMesh";
  public static final String CRITERIA = "criteria";
  public static final String SPONSORS = "sponsors";
  public static final String LOCATIONS = "locations";

  // Filters and facets: one keyword field per dimension (same name as the facet dimension's API name).
  public static final String STATUS = "overallStatus";
  public static final String PHASE = "phase";
  public static final String STUDY_TYPE = "studyType";
  public static final String CONDITION = "condition";
  public static final String INTERVENTION = "intervention";
  public static final String SPONSOR_CLASS = "sponsorClass";
  public static final String COUNTRY = "country";
  public static final String SEX = "sex";
  public static final String HEALTHY_VOLUNTEERS = "healthyVolunteers";

  // Numbers and places.
  /** Youngest admitted age in days (0 when open), int point. */
  public static final String MIN_AGE_DAYS = "minAgeDays";
  /** Oldest admitted age in days, inclusive (Integer.MAX_VALUE when open), int point. */
  public static final String MAX_AGE_DAYS = "maxAgeDays";
  /** Study start as epoch day (first day of a month-only date), long point. */
  public static final String START_DAY = "startDay";
  /** Last update post date as epoch day, doc values for sorting. */
  public static final String LAST_UPDATE_DAY = "lastUpdateDay";
  /** One lat/lon point per site with coordinates, for distance filters. */
  public static final String SITE_POINT = "sitePoint";
  /** The same points as doc values. */
  public static final String SITE_POINT_DV = "sitePointDv";
  /**
   * The points of the sites that are themselves recruiting, as doc values: distance sort orders by the nearest of
   * them, the distance each result shows.
   */
  public static final String RECRUITING_SITE_POINT_DV = "recruitingSitePointDv";
  /**
   * The city and country ({@link StoredSite#placeKey}) of each site without coordinates: a distance filter finds it
   * through the registry's other sites in that city of that country ({@code CityGazetteer}).
   */
  public static final String SITE_CITY_UNPLACED = "siteCityUnplaced";
  /** One stored {@link StoredSite} per site. */
  public static final String SITE = "site";
  /** The overall status (API v2 enum name), stored for hits. */
  public static final String STATUS_VALUE = "overallStatusValue";
  /** The status verified date as written, stored. */
  public static final String STATUS_VERIFIED = "statusVerified";

  // Related trials.
  /** Synonym-aware keys of the conditions ({@code ConceptKeys}). */
  public static final String CONDITION_KEY = "conditionKey";
  /** One stored "TYPE<tab>name" per intervention name and other name, for the reasons of related trials. */
  public static final String INTERVENTION_ENTRY = "interventionEntry";
  /** Synonym-aware keys of the intervention names and other names. */
  public static final String INTERVENTION_KEY = "interventionKey";

  /** A text field searched by free text, with its weight (tuned on the relevance test set). */
  public record Weighted(String field, float weight) {}

  /** Fields and weights for free text ({@code TrialQuery.text}) and {@code query.term}. */
  public static final List<Weighted> ALL_TEXT = List.of(
      new Weighted(TITLE, 3f),
      new Weighted(OFFICIAL_TITLE, 1.5f),
      new Weighted(ACRONYM, 3f),
      new Weighted(CONDITIONS, 3f),
      new Weighted(KEYWORDS, 1.5f),
      new Weighted(CONDITION_MESH, 1.5f),
      new Weighted(INTERVENTIONS, 2.5f),
      new Weighted(INTERVENTION_MESH, 1f),
      new Weighted(SUMMARY, 1f),
      new Weighted(DESCRIPTION, 0.5f),
      new Weighted(CRITERIA, 0.3f),
      new Weighted(SPONSORS, 0.5f),
      new Weighted(LOCATIONS, 1f));

  /** Fields and weights for {@code query.cond}. */
  public static final List<Weighted> CONDITION_TEXT = List.of(
      new Weighted(CONDITIONS, 4f),
      new Weighted(CONDITION_MESH, 2f),
      new Weighted(KEYWORDS, 1.5f),
      new Weighted(TITLE, 1.5f),
      new Weighted(OFFICIAL_TITLE, 0.75f));

  /** Fields and weights for {@code query.intr}. */
  public static final List<Weighted> INTERVENTION_TEXT = List.of(
      new Weighted(INTERVENTIONS, 4f),
      new Weighted(INTERVENTION_MESH, 2f),
      new Weighted(KEYWORDS, 1f),
      new Weighted(TITLE, 1.5f),
      new Weighted(OFFICIAL_TITLE, 0.75f));

  /** Fields and weights for {@code query.locn}. */
  public static final List<Weighted> LOCATION_TEXT = List.of(new Weighted(LOCATIONS, 1f));

  /** Stored text fields that snippets are cut from, in order of preference. */
  public static final List<String> SNIPPET_FIELDS =
      List.of(TITLE, CONDITIONS, INTERVENTIONS, SUMMARY, OFFICIAL_TITLE, KEYWORDS, DESCRIPTION, CRITERIA, LOCATIONS);
}
