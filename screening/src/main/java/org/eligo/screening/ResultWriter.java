package org.eligo.screening;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eligo.fhir.bulk.BulkLineError;
import org.eligo.screening.output.CandidateRow;

/**
 * Phase three: turns the buckets' rows into {@code trials/NCT....ndjson} and {@code .csv} (in bucket order, so the
 * files are the same however the run was split or resumed), and writes {@code unreadable-lines.csv} and
 * {@code summary.json}. Trials are written at most {@link #OPEN_FILES_PER_PASS} / 2 at a time.
 */
final class ResultWriter {
  static final int OPEN_FILES_PER_PASS = 512;
  static final int SUMMARY_ERRORS = 1000;

  private ResultWriter() {}

  static void trials(Path output, WorkDir work, int buckets, List<String> trialIds, Runnable bucketWritten)
      throws IOException {
    Path dir = output.resolve("trials");
    Files.createDirectories(dir);
    int perPass = OPEN_FILES_PER_PASS / 2;
    for (int lo = 0; lo < trialIds.size(); lo += perPass) {
      int hi = Math.min(trialIds.size(), lo + perPass);
      BufferedWriter[] ndjson = new BufferedWriter[hi - lo];
      BufferedWriter[] csv = new BufferedWriter[hi - lo];
      try {
        for (int t = lo; t < hi; t++) {
          ndjson[t - lo] = Files.newBufferedWriter(tmp(dir.resolve(trialIds.get(t) + ".ndjson")));
          csv[t - lo] = Files.newBufferedWriter(tmp(dir.resolve(trialIds.get(t) + ".csv")));
          csv[t - lo].write(CandidateRow.csvHeader());
          csv[t - lo].write('\n');
        }
        for (int b = 0; b < buckets; b++) {
          try (BufferedReader in = Files.newBufferedReader(work.rows(b), StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
              int tab = line.indexOf('\t');
              int t = Integer.parseInt(line, 0, tab, 10);
              if (t < lo || t >= hi) continue;
              int second = line.indexOf('\t', tab + 1);
              csv[t - lo].write(line, tab + 1, second - tab - 1);
              csv[t - lo].write('\n');
              ndjson[t - lo].write(line, second + 1, line.length() - second - 1);
              ndjson[t - lo].write('\n');
            }
          }
          if (lo == 0) bucketWritten.run();
        }
      } finally {
        for (BufferedWriter w : ndjson) if (w != null) w.close();
        for (BufferedWriter w : csv) if (w != null) w.close();
      }
      for (int t = lo; t < hi; t++) {
        WorkDir.move(tmp(dir.resolve(trialIds.get(t) + ".ndjson")), dir.resolve(trialIds.get(t) + ".ndjson"));
        WorkDir.move(tmp(dir.resolve(trialIds.get(t) + ".csv")), dir.resolve(trialIds.get(t) + ".csv"));
      }
    }
  }

  /** Copies every unusable line into {@code unreadable-lines.csv}; returns the count and the first ones. */
  static Errors unreadable(Path output, WorkDir work, int buckets) throws IOException {
    List<BulkLineError> first = new ArrayList<>();
    long count = 0;
    Path file = output.resolve("unreadable-lines.csv");
    try (BufferedWriter out = Files.newBufferedWriter(tmp(file), StandardCharsets.UTF_8)) {
      out.write("file,line,reason\n");
      List<Path> logs = new ArrayList<>();
      logs.add(work.partitionErrors());
      for (int b = 0; b < buckets; b++) logs.add(work.errors(b));
      for (Path log : logs) {
        if (!Files.exists(log)) continue;
        try (BufferedReader in = Files.newBufferedReader(log, StandardCharsets.UTF_8)) {
          for (String line = in.readLine(); line != null; line = in.readLine()) {
            if (line.isEmpty()) continue;
            String[] f = line.split("\t", 3);
            BulkLineError e = new BulkLineError(f[0], Long.parseLong(f[1]), f[2]);
            if (first.size() < SUMMARY_ERRORS) first.add(e);
            count++;
            out.write(CandidateRow.csv(e.file()) + "," + e.line() + "," + CandidateRow.csv(e.reason()) + "\n");
          }
        }
      }
    }
    WorkDir.move(tmp(file), file);
    return new Errors(count, first);
  }

  record Errors(long count, List<BulkLineError> first) {}

  static void summary(Path output, ScreeningSummary s, ScreeningRequest request) throws IOException {
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode n = json.createObjectNode();
    n.put("asOf", request.asOf().toString());
    n.put("patientsScreened", s.patients());
    n.put("linesRead", s.linesRead());
    n.put("patientTrialPairs", s.pairs());
    ArrayNode trials = n.putArray("trials");
    for (ScreeningSummary.TrialCounts t : s.trials()) {
      ObjectNode o = trials.addObject();
      o.put("nctId", t.nctId());
      o.put("title", t.title());
      o.put("ELIGIBLE", t.eligible());
      o.put("NEEDS_INFO", t.needsInfo());
      o.put("INELIGIBLE", t.ineligible());
    }
    ObjectNode unreadable = n.putObject("unreadableLines");
    unreadable.put("count", s.unreadableLines());
    unreadable.put("allIn", "unreadable-lines.csv");
    ArrayNode first = unreadable.putArray("first");
    for (BulkLineError e : s.firstUnreadable()) {
      first.addObject().put("file", e.file()).put("line", e.line()).put("reason", e.reason());
    }
    ObjectNode run = n.putObject("run");
    run.put("buckets", s.buckets());
    run.put("resumedBuckets", s.resumedBuckets());
    run.put("threads", request.threads());
    run.put("patientsReadFast", s.fastReads());
    run.put("partitionSeconds", s.partitionTime().toMillis() / 1000.0);
    run.put("screenSeconds", s.screenTime().toMillis() / 1000.0);
    run.put("writeSeconds", s.writeTime().toMillis() / 1000.0);
    run.put("totalSeconds", s.total().toMillis() / 1000.0);
    WorkDir.write(output.resolve("summary.json"), json.writeValueAsString(n) + "\n");
  }

  private static Path tmp(Path file) {
    return file.resolveSibling(file.getFileName() + ".tmp");
  }
}
