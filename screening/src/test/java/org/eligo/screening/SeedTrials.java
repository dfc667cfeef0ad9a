package org.eligo.screening;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.eligo.core.match.MatchCandidate;
import org.eligo.core.trial.Eligibility;
import org.eligo.core.trial.Identification;
import org.eligo.core.trial.RecruitmentStatus;
import org.eligo.core.trial.StatusInfo;
import org.eligo.core.trial.Trial;
import org.eligo.criteria.CriteriaCompiler;

/**
 * The four seed trials as the registry offers them: identification, status and the structured age and sex limits
 * read from the bundled study JSON, compiled by the standard criteria compiler (registry fields, then the curated
 * rule set), just as {@code Registry.candidates()} does. Screening may not depend on the registry module.
 */
public final class SeedTrials {
  public static final List<String> IDS = List.of("NCT02979873", "NCT06802055", "NCT03364764", "NCT04324411");
  static final Path STUDIES = Path.of("../registry/src/main/resources/org/eligo/registry/bundled/studies");

  private static List<MatchCandidate> candidates;

  private SeedTrials() {}

  public static synchronized List<MatchCandidate> candidates() {
    if (candidates == null) {
      CriteriaCompiler compiler = CriteriaCompiler.standard();
      List<MatchCandidate> out = new ArrayList<>();
      for (String id : IDS) {
        Trial trial = read(id);
        out.add(new MatchCandidate(trial, compiler.compile(trial)));
      }
      candidates = List.copyOf(out);
    }
    return candidates;
  }

  static Trial read(String nctId) {
    try {
      JsonNode study = new ObjectMapper().readTree(STUDIES.resolve(nctId + ".json").toFile());
      JsonNode p = study.get("protocolSection");
      JsonNode e = p.path("eligibilityModule");
      JsonNode s = p.path("statusModule");
      Identification identification = new Identification(nctId, List.of(), null, List.of(),
          p.path("identificationModule").path("briefTitle").asText(null), null, null, null);
      StatusInfo status = new StatusInfo(null, s.has("overallStatus")
          ? RecruitmentStatus.valueOf(s.get("overallStatus").asText()) : null, null, null, null, null, null, null,
          null, null, null, null, null, null, null, null, null);
      Eligibility eligibility = new Eligibility(e.path("eligibilityCriteria").asText(null), null,
          e.has("sex") ? Eligibility.Sex.valueOf(e.get("sex").asText().toUpperCase(Locale.ROOT)) : null, null, null,
          e.path("minimumAge").asText(null), e.path("maximumAge").asText(null), List.of(), null, null);
      return new Trial(identification, status, null, null, null, null, null, null, null, eligibility, null, null,
          null, null, null, null);
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
  }
}
