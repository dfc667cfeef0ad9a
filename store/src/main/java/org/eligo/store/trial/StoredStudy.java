package org.eligo.store.trial;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.eligo.core.trial.PartialDate;

/**
 * One study as the registry stores it: the raw API v2 JSON document and the typed fields copied out of it.
 *
 * <p>Absent registry values are null; lists and maps are never null. Condition names and statuses must not
 * contain line breaks.
 *
 * @param nctId the NCT number, e.g. {@code NCT05281068}
 * @param briefTitle the brief title, or null
 * @param overallStatus the API v2 overall status name (e.g. {@code RECRUITING}), or null
 * @param lastUpdatePostDate the registry's last update post date, or null; decides which version is newer
 * @param statusVerifiedDate when the sponsor last verified the status, or null
 * @param conditions condition names as listed
 * @param siteStatuses status of each site by site key ({@link #siteKey}), sorted by key
 * @param document the study's API v2 JSON, kept verbatim ({@link #documentJson()} as text)
 * @param origin where this version came from, e.g. {@code bundled} or an import source
 */
public record StoredStudy(
    String nctId,
    String briefTitle,
    String overallStatus,
    PartialDate lastUpdatePostDate,
    PartialDate statusVerifiedDate,
    List<String> conditions,
    Map<String, String> siteStatuses,
    JsonText document,
    String origin) {

  public StoredStudy {
    requireText(nctId, "nctId");
    Objects.requireNonNull(document, "document");
    if (document.isBlank()) throw new IllegalArgumentException("document is blank");
    requireText(origin, "origin");
    if (nctId.length() > 32) throw new IllegalArgumentException("nctId longer than 32 characters: " + nctId);
    conditions = List.copyOf(Objects.requireNonNull(conditions, "conditions"));
    conditions.forEach(condition -> requireOneLine(condition, "condition of " + nctId));
    Objects.requireNonNull(siteStatuses, "siteStatuses");
    TreeMap<String, String> sorted = new TreeMap<>();
    siteStatuses.forEach((key, status) -> {
      requireText(key, "site key of " + nctId);
      requireText(status, "status of site '" + key + "' of " + nctId);
      sorted.put(key, status);
    });
    siteStatuses = Collections.unmodifiableMap(sorted);
    if (overallStatus != null) requireOneLine(overallStatus, "overallStatus");
  }

  /** With the document as text. */
  public StoredStudy(String nctId, String briefTitle, String overallStatus, PartialDate lastUpdatePostDate,
      PartialDate statusVerifiedDate, List<String> conditions, Map<String, String> siteStatuses, String documentJson,
      String origin) {
    this(nctId, briefTitle, overallStatus, lastUpdatePostDate, statusVerifiedDate, conditions, siteStatuses,
        JsonText.of(Objects.requireNonNull(documentJson, "documentJson")), origin);
  }

  /** The study's API v2 JSON as text. */
  public String documentJson() {
    return document.text();
  }

  /**
   * The key of a site: {@code facility|city|country}, absent parts empty. Keys identify a site across imports.
   */
  public static String siteKey(String facility, String city, String country) {
    return part(facility) + "|" + part(city) + "|" + part(country);
  }

  private static String part(String text) {
    return text == null ? "" : text.strip().replace('|', '/');
  }

  private static void requireText(String text, String name) {
    Objects.requireNonNull(text, name);
    if (text.isBlank()) throw new IllegalArgumentException(name + " is blank");
  }

  private static void requireOneLine(String text, String name) {
    Objects.requireNonNull(text, name);
    if (text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
      throw new IllegalArgumentException(name + " contains a line break: '" + text + "'");
    }
  }
}
