package org.eligo.store.trial;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eligo.core.trial.PartialDate;

/** Builds {@link StoredStudy} values for tests: a recruiting study with one condition, changed field by field. */
public final class StudyBuilder {

  private final String nctId;
  private String briefTitle;
  private String overallStatus = "RECRUITING";
  private String lastUpdatePostDate = "2024-01-15";
  private String statusVerifiedDate = "2024-01";
  private List<String> conditions = new ArrayList<>(List.of("Breast Cancer"));
  private final Map<String, String> sites = new TreeMap<>();
  private String extraJson = "";
  private String origin = "test";

  private StudyBuilder(String nctId) {
    this.nctId = nctId;
    this.briefTitle = "A study " + nctId;
  }

  public static StudyBuilder study(String nctId) {
    return new StudyBuilder(nctId);
  }

  public StudyBuilder title(String title) {
    this.briefTitle = title;
    return this;
  }

  public StudyBuilder status(String status) {
    this.overallStatus = status;
    return this;
  }

  public StudyBuilder updated(String date) {
    this.lastUpdatePostDate = date;
    return this;
  }

  public StudyBuilder verified(String date) {
    this.statusVerifiedDate = date;
    return this;
  }

  public StudyBuilder conditions(String... names) {
    this.conditions = new ArrayList<>(List.of(names));
    return this;
  }

  public StudyBuilder site(String facility, String city, String country, String status) {
    sites.put(StoredStudy.siteKey(facility, city, country), status);
    return this;
  }

  /** Adds a raw JSON member to the document, e.g. a field Eligo does not model. */
  public StudyBuilder extraJson(String member) {
    this.extraJson = "," + member;
    return this;
  }

  public StudyBuilder origin(String origin) {
    this.origin = origin;
    return this;
  }

  public StoredStudy build() {
    String document = "{\"protocolSection\":{\"identificationModule\":{\"nctId\":\"" + nctId + "\",\"briefTitle\":\""
        + briefTitle + "\"},\"statusModule\":{\"overallStatus\":\"" + overallStatus
        + "\",\"lastUpdatePostDateStruct\":{\"date\":\"" + lastUpdatePostDate + "\"}}}" + extraJson + "}";
    return new StoredStudy(nctId, briefTitle, overallStatus, date(lastUpdatePostDate), date(statusVerifiedDate),
        conditions, sites, document, origin);
  }

  private static PartialDate date(String text) {
    return text == null ? null : new PartialDate(text);
  }
}
