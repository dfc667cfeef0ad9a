package org.eligo.screening.output;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eligo.core.eval.CriterionResult;
import org.eligo.core.eval.TrialAssessment;
import org.eligo.core.eval.TrialResult;
import org.eligo.core.rule.CriteriaSet;
import org.eligo.core.rule.Criterion;
import org.eligo.core.eval.Verdict;
import org.eligo.core.logic.Truth;

/**
 * A patient who may qualify for a trial: the verdict, the questions that would settle it, and every criterion's
 * status. One NDJSON line: {@code {"patient":"p1","verdict":"NEEDS_INFO","questions":[...],
 * "criteria":{"inc-1":"MET",...}}}.
 */
public record CandidateRow(String patientId, Verdict verdict, List<String> questions, Map<String, Truth> criteria) {
  private static final JsonFactory JSON = new JsonFactory();
  private static final ObjectMapper MAPPER = new ObjectMapper();

  public CandidateRow {
    questions = List.copyOf(questions);
    criteria = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(criteria));
  }

  public static CandidateRow of(String patientId, TrialResult result) {
    Map<String, Truth> statuses = new LinkedHashMap<>();
    for (CriterionResult c : result.criteria()) statuses.put(c.criterion().id(), c.status());
    return new CandidateRow(patientId, result.verdict(), result.questions(), statuses);
  }

  /** The row of {@code assessment} (of {@code criteria}, in the same order). */
  public static CandidateRow of(String patientId, CriteriaSet criteria, TrialAssessment assessment) {
    Map<String, Truth> statuses = new LinkedHashMap<>();
    List<Criterion> all = criteria.criteria();
    for (int i = 0; i < all.size(); i++) statuses.put(all.get(i).id(), assessment.statuses().get(i));
    return new CandidateRow(patientId, assessment.verdict(), assessment.questions(), statuses);
  }

  public String toJson() {
    StringWriter out = new StringWriter(256);
    try (JsonGenerator g = JSON.createGenerator(out)) {
      writeJson(g);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /**
   * Writes the row as one JSON object to {@code g} (which a writer of many rows keeps open: one generator per file,
   * not one per row).
   */
  public void writeJson(JsonGenerator g) throws IOException {
    g.writeStartObject();
    g.writeStringField("patient", patientId);
    g.writeStringField("verdict", verdict.name());
    g.writeArrayFieldStart("questions");
    for (String q : questions) g.writeString(q);
    g.writeEndArray();
    g.writeObjectFieldStart("criteria");
    for (Map.Entry<String, Truth> e : criteria.entrySet()) g.writeStringField(e.getKey(), e.getValue().name());
    g.writeEndObject();
    g.writeEndObject();
  }

  /** A generator for {@link #writeJson} over {@code out}: rows one after another, nothing between them. */
  public static JsonGenerator generator(java.io.Writer out) throws IOException {
    JsonGenerator g = JSON.createGenerator(out);
    g.setRootValueSeparator(null);
    g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    return g;
  }

  public static CandidateRow fromJson(String line) {
    try {
      JsonNode n = MAPPER.readTree(line);
      List<String> questions = new ArrayList<>();
      for (JsonNode q : n.get("questions")) questions.add(q.asText());
      Map<String, Truth> criteria = new LinkedHashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = n.get("criteria").fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        criteria.put(e.getKey(), Truth.valueOf(e.getValue().asText()));
      }
      return new CandidateRow(n.get("patient").asText(), Verdict.valueOf(n.get("verdict").asText()), questions,
          criteria);
    } catch (IOException e) {
      throw new IllegalArgumentException("not a candidate row", e);
    }
  }

  /** The CSV header matching {@link #toCsv()}. */
  public static String csvHeader() {
    return "patient_id,verdict,open_question_count,open_questions";
  }

  public String toCsv() {
    return csv(patientId) + "," + verdict.name() + "," + questions.size() + "," + csv(String.join(" | ", questions));
  }

  /** A CSV field, quoted when it holds a comma, quote or line break (RFC 4180). */
  public static String csv(String value) {
    if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
      return value;
    }
    return '"' + value.replace("\"", "\"\"") + '"';
  }
}
