package org.eligo.screening;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.eligo.core.match.MatchCandidate;
import org.eligo.core.rule.CriteriaSet;
import org.eligo.core.trial.Identification;
import org.eligo.core.trial.RecruitmentStatus;
import org.eligo.core.trial.StatusInfo;
import org.eligo.core.trial.Trial;
import org.eligo.criteria.json.RuleSetJson;

/**
 * Candidate trials with their compiled criteria as NDJSON, one trial a line ({@code {"nctId","title","status",
 * "criteria":{rule set}}}), in the curated rule-set format. It carries the registry's trials to jobs that run without
 * the registry (the Spark job): {@code eligo screen --save-trials FILE} writes it.
 */
public final class CandidateFile {
  private static final ObjectMapper JSON = new ObjectMapper();

  private CandidateFile() {}

  public static String encode(MatchCandidate c) {
    try {
      ObjectNode n = JSON.createObjectNode();
      n.put("nctId", c.trial().nctId());
      n.put("title", c.trial().title());
      n.put("status", c.trial().overallStatus().name());
      n.set("criteria", JSON.readTree(RuleSetJson.structural().write(c.criteria())));
      return n.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A candidate from a line of the file; the trial carries only its id, title and status. */
  public static MatchCandidate decode(String line) {
    try {
      JsonNode n = JSON.readTree(line);
      String nctId = n.get("nctId").asText();
      CriteriaSet criteria = RuleSetJson.structural().readValid(n.get("criteria").toString(), nctId).criteria();
      Identification id = new Identification(nctId, List.of(), null, List.of(), n.path("title").asText(null), null,
          null, null);
      StatusInfo status = new StatusInfo(null, RecruitmentStatus.valueOf(n.get("status").asText()), null, null, null,
          null, null, null, null, null, null, null, null, null, null, null, null);
      Trial trial = new Trial(id, status, null, null, null, null, null, null, null, null, null, null, null, null, null,
          null);
      return new MatchCandidate(trial, criteria);
    } catch (IOException e) {
      throw new IllegalArgumentException("not a candidate trial line: " + e.getMessage(), e);
    }
  }

  public static void write(Path file, Collection<MatchCandidate> candidates) {
    List<String> lines = new ArrayList<>();
    for (MatchCandidate c : candidates) lines.add(encode(c));
    try {
      Files.write(file, lines, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static List<MatchCandidate> read(Path file) {
    try {
      List<MatchCandidate> out = new ArrayList<>();
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        if (!line.isBlank()) out.add(decode(line));
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
