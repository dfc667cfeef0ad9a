package org.eligo.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.Map;
import org.eligo.core.trial.ContactsLocations;
import org.eligo.core.trial.PartialDate;
import org.eligo.core.trial.Trial;
import org.eligo.ctgov.json.ReadResult;
import org.eligo.ctgov.json.StudyJsonReader;
import org.eligo.store.trial.JsonText;
import org.eligo.store.trial.StoredStudy;

/** Converts between stored API v2 documents and typed trials. Thread-safe. */
public final class TrialDocuments {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final StudyJsonReader READER = new StudyJsonReader();

  private TrialDocuments() {}

  /** The stored form of an accepted study: its verbatim document plus the fields the store indexes. */
  public static StoredStudy toStored(Trial trial, String documentJson, String origin) {
    return toStored(trial, JsonText.of(documentJson), origin);
  }

  /** The same, with the document as read (e.g. UTF-8 bytes, not decoded unless asked). */
  public static StoredStudy toStored(Trial trial, JsonText document, String origin) {
    Map<String, String> sites = new TreeMap<>(); // the order StoredStudy keeps
    if (trial.contactsLocations() != null) {
      for (ContactsLocations.Location l : trial.contactsLocations().locations()) {
        if (l.status() != null) sites.put(StoredStudy.siteKey(l.facility(), l.city(), l.country()), l.status().name());
      }
    }
    PartialDate verified = trial.status() == null ? null : trial.status().statusVerifiedDate();
    PartialDate lastUpdate = trial.status() == null ? null : trial.status().lastUpdatePostDate();
    return new StoredStudy(trial.nctId(), oneLine(trial.identification().briefTitle()),
        trial.status() == null || trial.status().overallStatus() == null ? null : trial.status().overallStatus().name(),
        lastUpdate, verified,
        trial.conditions() == null ? java.util.List.of()
            : trial.conditions().conditions().stream().map(TrialDocuments::oneLine).toList(),
        sites, document, origin);
  }

  /** Reads a stored document back into a trial; a stored document that no longer reads is a programming error. */
  public static Trial toTrial(StoredStudy stored) {
    try {
      return READER.read(JSON.readTree(stored.document().utf8())).trialOrThrow();
    } catch (java.io.IOException e) {
      throw new IllegalStateException("stored document of " + stored.nctId() + " is not JSON", e);
    }
  }

  /** Reads a document; the result says whether it was accepted. */
  public static ReadResult read(JsonNode document) {
    return READER.read(document);
  }

  private static final Pattern LINE_BREAKS = Pattern.compile("[\\r\\n]+");

  private static String oneLine(String text) {
    if (text == null) return null;
    boolean breaks = text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0;
    return (breaks ? LINE_BREAKS.matcher(text).replaceAll(" ") : text).strip();
  }
}
