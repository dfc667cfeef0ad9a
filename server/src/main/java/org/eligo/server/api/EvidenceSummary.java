package org.eligo.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.eligo.core.evidence.ExactBinomialInterval;
import org.eligo.core.trial.ArmsInterventions;
import org.eligo.core.trial.Trial;
import org.eligo.store.evidence.StoredEvidence;

/**
 * A published-evidence record as pages and the API show it: citation, treatment, and per cohort the count, share and
 * exact (Clopper-Pearson) 95% confidence interval, computed here from the stored counts.
 *
 * @param linked true when the record reports this very trial; false when it concerns the same treatment
 */
public record EvidenceSummary(String id, String citation, String doi, String pmid, String intervention,
                              String registration, List<Cohort> cohorts, List<FollowUp> followUps, boolean linked,
                              JsonNode document) {

  private static final ObjectMapper JSON = new ObjectMapper();

  public EvidenceSummary {
    cohorts = List.copyOf(cohorts);
    followUps = List.copyOf(followUps);
  }

  /** One cohort's outcome with its exact interval. */
  public record Cohort(String population, String outcome, int n, int events, double proportion, double lower,
                       double upper) {}

  /** A duration reported for a group, in years. */
  public record FollowUp(String population, String measure, double median, double min, double max) {}

  public static EvidenceSummary of(StoredEvidence stored, boolean linked) {
    JsonNode d;
    try {
      d = JSON.readTree(stored.documentJson());
    } catch (IOException e) {
      throw new UncheckedIOException("stored evidence " + stored.id() + " is not JSON", e);
    }
    JsonNode c = d.path("citation");
    List<String> authors = new ArrayList<>();
    c.path("authors").forEach(a -> authors.add(a.asText()));
    String who = authors.isEmpty() ? "" : authors.size() > 3 ? authors.get(0) + " et al." : String.join(", ", authors);
    String citation = who + (who.isEmpty() ? "" : who.endsWith(".") ? " " : ". ") + c.path("title").asText("") + ". "
        + c.path("journal").asText("") + " " + c.path("year").asText("")
        + (c.hasNonNull("volume") ? ";" + c.path("volume").asText() : "")
        + (c.hasNonNull("issue") ? "(" + c.path("issue").asText() + ")" : "")
        + (c.hasNonNull("pages") ? ":" + c.path("pages").asText() : "") + ".";
    List<Cohort> cohorts = new ArrayList<>();
    for (JsonNode o : d.path("outcomes")) {
      int n = o.path("n").asInt();
      int events = o.path("events").asInt();
      if (n < 1 || events < 0 || events > n) continue;
      ExactBinomialInterval ci = ExactBinomialInterval.of(events, n);
      cohorts.add(new Cohort(o.path("population").asText(), o.path("outcome").asText(), n, events, ci.proportion(),
          ci.lower(), ci.upper()));
    }
    List<FollowUp> followUps = new ArrayList<>();
    for (JsonNode f : d.path("followUps")) {
      followUps.add(new FollowUp(f.path("population").asText(), f.path("measure").asText(),
          f.path("medianYears").asDouble(), f.path("minYears").asDouble(), f.path("maxYears").asDouble()));
    }
    return new EvidenceSummary(stored.id(), citation, c.path("doi").asText(null), c.path("pmid").asText(null),
        d.path("intervention").path("name").asText(""), d.path("registration").path("nctId").asText(null), cohorts,
        followUps, linked, d);
  }

  /** True when the record's treatment is one of the trial's interventions (by name or other name). */
  public static boolean sameTreatment(JsonNode document, Trial trial) {
    String drug = document.path("intervention").path("name").asText("").toLowerCase(Locale.ROOT).strip();
    if (drug.isEmpty() || trial.armsInterventions() == null) return false;
    for (ArmsInterventions.Intervention i : trial.armsInterventions().interventions()) {
      List<String> names = new ArrayList<>(i.otherNames());
      names.add(i.name());
      for (String n : names) {
        if (n != null && n.toLowerCase(Locale.ROOT).contains(drug)) return true;
      }
    }
    return false;
  }

  /** The API form: the stored record plus computed shares and intervals. */
  public ObjectNode toJson() {
    ObjectNode o = JSON.createObjectNode();
    o.put("id", id);
    o.put("relation", linked ? "REPORTS_THIS_TRIAL" : "SAME_TREATMENT");
    o.set("record", document);
    var computed = o.putArray("outcomes");
    for (Cohort c : cohorts) {
      computed.addObject().put("population", c.population()).put("outcome", c.outcome()).put("n", c.n())
          .put("events", c.events()).put("proportion", c.proportion()).put("ci95Lower", c.lower())
          .put("ci95Upper", c.upper()).put("ciMethod", "exact Clopper-Pearson");
    }
    return o;
  }

  static JsonNode read(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
