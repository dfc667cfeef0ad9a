package org.eligo.screening;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.eligo.core.eval.EvaluationContext;
import org.eligo.core.eval.PatientIndex;
import org.eligo.core.eval.TrialAssessment;
import org.eligo.core.eval.Verdict;
import org.eligo.fhir.bulk.BulkLineError;
import org.eligo.screening.bulk.BucketGrouper;
import org.eligo.screening.bulk.ErrorLog;
import org.eligo.screening.bulk.PatientLines;
import org.eligo.screening.output.CandidateRow;
import org.eligo.screening.read.PatientRecordReader;

/**
 * Screens one bucket: groups its lines into patients, reads each patient, screens them against every trial (unless the
 * record says they had died by the as-of date: they are only counted), and
 * writes the candidate rows ({@code trialIndex TAB csv TAB json}), the unusable lines and, last, the bucket's counts, whose
 * presence marks the bucket done.
 */
final class BucketScreening {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * A bucket's counts.
   *
   * @param patients patients screened (those who had died by the as-of date are not)
   * @param deceased patients the record says had died by the as-of date: read, never screened
   * @param counts per trial, patients by {@link Verdict} ordinal
   */
  record Stats(long patients, long deceased, long fast, long[][] counts) {
    String toJson() {
      ObjectNode n = JSON.createObjectNode();
      n.put("patients", patients);
      n.put("deceased", deceased);
      n.put("fast", fast);
      ArrayNode trials = n.putArray("counts");
      for (long[] c : counts) {
        ArrayNode row = trials.addArray();
        for (long x : c) row.add(x);
      }
      return n.toString();
    }

    static Stats read(Path file, int trials) {
      try {
        JsonNode n = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
        long[][] counts = new long[trials][Verdict.values().length];
        for (int t = 0; t < trials; t++) {
          for (int v = 0; v < counts[t].length; v++) counts[t][v] = n.get("counts").get(t).get(v).asLong();
        }
        return new Stats(n.get("patients").asLong(), n.path("deceased").asLong(0), n.get("fast").asLong(), counts);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private BucketScreening() {}

  static Stats run(int bucket, WorkDir work, int workers, List<String> fileNames, PatientRecordReader reader,
                   List<TrialScreener> trials, LocalDate asOf) {
    EvaluationContext context = new EvaluationContext(asOf);
    long[][] counts = new long[trials.size()][Verdict.values().length];
    long fast = 0;
    long deceased = 0;
    Path rowsTmp = work.rows(bucket).resolveSibling(work.rows(bucket).getFileName() + ".tmp");
    try (ErrorLog errors = new ErrorLog(work.errors(bucket));
         BufferedWriter rows = Files.newBufferedWriter(rowsTmp, StandardCharsets.UTF_8)) {
      JsonGenerator json = CandidateRow.generator(rows);
      List<PatientLines> patients = BucketGrouper.group(work.buckets, bucket, workers, fileNames, errors::add);
      for (PatientLines lines : patients) {
        PatientRecordReader.Read read = reader.read(lines, asOf, fileNames);
        for (BulkLineError e : read.unreadable()) errors.add(e);
        if (read.fast()) fast++;
        if (read.facts().diedBy(asOf)) {
          deceased++; // nobody is screened after their death
          continue;
        }
        PatientIndex index = PatientIndex.of(read.facts());
        for (int t = 0; t < trials.size(); t++) {
          TrialScreener trial = trials.get(t);
          TrialAssessment result = trial.assess(index, context);
          if (result == null) {
            counts[t][Verdict.INELIGIBLE.ordinal()]++;
            continue;
          }
          counts[t][result.verdict().ordinal()]++;
          if (result.verdict() == Verdict.INELIGIBLE) continue;
          CandidateRow row = CandidateRow.of(lines.patientId(), trial.candidate().criteria(), result);
          rows.write(Integer.toString(t));
          rows.write('\t');
          rows.write(row.toCsv().replace('\t', ' ').replace('\n', ' '));
          rows.write('\t');
          row.writeJson(json);
          json.flush();
          rows.write('\n');
        }
      }
      rows.close();
      WorkDir.move(rowsTmp, work.rows(bucket));
      Stats stats = new Stats(patients.size() - deceased, deceased, fast, counts);
      errors.close();
      WorkDir.write(work.done(bucket), stats.toJson());
      return stats;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
