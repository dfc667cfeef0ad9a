package org.eligo.screening;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
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
    byte[] header = (CandidateRow.csvHeader() + "\n").getBytes(StandardCharsets.UTF_8);
    for (int lo = 0; lo < trialIds.size(); lo += perPass) {
      int hi = Math.min(trialIds.size(), lo + perPass);
      OutputStream[] ndjson = new OutputStream[hi - lo];
      OutputStream[] csv = new OutputStream[hi - lo];
      try {
        for (int t = lo; t < hi; t++) {
          ndjson[t - lo] = output(tmp(dir.resolve(trialIds.get(t) + ".ndjson")));
          csv[t - lo] = output(tmp(dir.resolve(trialIds.get(t) + ".csv")));
          csv[t - lo].write(header);
        }
        int first = lo;
        for (int b = 0; b < buckets; b++) {
          try (InputStream in = Files.newInputStream(work.rows(b))) {
            RowLines.forEach(in, (line, from, to) -> {
              int tab = indexOf(line, (byte) '\t', from, to);
              int t = digits(line, from, tab);
              if (t < first || t >= hi) return;
              int second = indexOf(line, (byte) '\t', tab + 1, to);
              csv[t - first].write(line, tab + 1, second - tab - 1);
              csv[t - first].write('\n');
              ndjson[t - first].write(line, second + 1, to - second - 1);
              ndjson[t - first].write('\n');
            });
          }
          if (lo == 0) bucketWritten.run();
        }
      } finally {
        for (OutputStream w : ndjson) if (w != null) w.close();
        for (OutputStream w : csv) if (w != null) w.close();
      }
      for (int t = lo; t < hi; t++) {
        WorkDir.move(tmp(dir.resolve(trialIds.get(t) + ".ndjson")), dir.resolve(trialIds.get(t) + ".ndjson"));
        WorkDir.move(tmp(dir.resolve(trialIds.get(t) + ".csv")), dir.resolve(trialIds.get(t) + ".csv"));
      }
    }
  }

  private static OutputStream output(Path file) throws IOException {
    return new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
  }

  private static int indexOf(byte[] bytes, byte wanted, int from, int to) {
    for (int i = from; i < to; i++) if (bytes[i] == wanted) return i;
    throw new IllegalStateException("a candidate row without its tab-separated parts");
  }

  private static int digits(byte[] bytes, int from, int to) {
    int value = 0;
    for (int i = from; i < to; i++) value = value * 10 + (bytes[i] - '0');
    return value;
  }

  /**
   * The lines of a rows file as byte ranges, without decoding: the rows are UTF-8, in which the tab and newline
   * bytes occur only as those characters, so they are split and copied as bytes.
   */
  static final class RowLines {
    interface Line {
      void accept(byte[] bytes, int from, int to) throws IOException;
    }

    static void forEach(InputStream in, Line line) throws IOException {
      byte[] buf = new byte[1 << 16];
      int start = 0;
      int end = 0;
      while (true) {
        for (int nl = indexOfNewline(buf, start, end); nl >= 0; nl = indexOfNewline(buf, start, end)) {
          line.accept(buf, start, nl);
          start = nl + 1;
        }
        if (start > 0) {
          System.arraycopy(buf, start, buf, 0, end - start);
          end -= start;
          start = 0;
        }
        if (end == buf.length) buf = java.util.Arrays.copyOf(buf, buf.length * 2); // a line longer than the buffer
        int n = in.read(buf, end, buf.length - end);
        if (n < 0) {
          if (end > start) line.accept(buf, start, end); // a last line without its newline
          return;
        }
        end += n;
      }
    }

    private static int indexOfNewline(byte[] buf, int from, int to) {
      for (int i = from; i < to; i++) if (buf[i] == '\n') return i;
      return -1;
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
      logs.add(work.medicationErrors());
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
    n.put("deceasedNotScreened", s.deceased()); // the record says they had died by asOf
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
