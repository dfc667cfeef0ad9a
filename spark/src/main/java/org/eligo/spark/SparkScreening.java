package org.eligo.spark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.eligo.core.eval.EvaluationContext;
import org.eligo.core.eval.PatientIndex;
import org.eligo.core.eval.TrialAssessment;
import org.eligo.core.eval.Verdict;
import org.eligo.core.match.MatchCandidate;
import org.eligo.fhir.bulk.BulkLineError;
import org.eligo.screening.CandidateFile;
import org.eligo.screening.ScreeningSummary;
import org.eligo.screening.bulk.BucketGrouper;
import org.eligo.screening.bulk.BucketRecord;
import org.eligo.screening.bulk.BulkFiles;
import org.eligo.screening.read.MedicationCatalog;
import org.eligo.screening.bulk.LineTriage;
import org.eligo.screening.bulk.PatientLines;
import org.eligo.screening.bulk.SupportedType;
import org.eligo.screening.TrialScreener;
import org.eligo.screening.output.CandidateRow;
import scala.Tuple2;

/**
 * Screens a FHIR Bulk Data export on Spark with the single-machine job's own classes: lines are numbered per file and
 * triaged, keyed by patient id (rejected lines by their file and line), grouped by the shuffle, and each group is cut
 * into a patient, read and screened exactly as a bucket is. Writes {@code candidates/} (Parquet, partitioned by
 * trial), {@code ndjson/} (the same rows as NDJSON, partitioned by trial), {@code unreadable-lines/} (CSV) and
 * {@code summary.json}. Input and output may be any Hadoop file system (local, HDFS, S3).
 */
public final class SparkScreening {
  private static final String ERROR_KEY = "\u0000";

  /** What a run found. */
  public record Result(long patients, long deceased, List<ScreeningSummary.TrialCounts> trials,
                       long unreadableLines, Duration elapsed) {}

  private SparkScreening() {}

  public static Result run(SparkSession spark, String input, String output, List<String> trialLines,
                           LocalDate asOf) {
    if (trialLines.isEmpty()) throw new IllegalArgumentException("no trials to screen for");
    long started = System.nanoTime();
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    List<FileStatus> files = list(input, jsc);
    List<String> names = files.stream().map(f -> f.getPath().getName()).toList();
    Broadcast<List<String>> trials = jsc.broadcast(List.copyOf(trialLines));
    Broadcast<List<String>> fileNames = jsc.broadcast(names);
    List<SparkOutput> medicationProblems = new ArrayList<>();
    Broadcast<Map<String, String>> medications = jsc.broadcast(new HashMap<>(medications(input, jsc,
        e -> medicationProblems.add(new SparkOutput("ERROR", -1, e.file(), null, e.line(), null, e.reason())))
        .asMap()));
    String day = asOf.toString();

    JavaPairRDD<String, SparkLine> keyed = null;
    long bytes = 0;
    for (int i = 0; i < files.size(); i++) {
      int file = i;
      SupportedType type = BulkFiles.typeOf(names.get(i)).orElseThrow();
      bytes += files.get(i).getLen();
      JavaPairRDD<String, SparkLine> lines = jsc.textFile(files.get(i).getPath().toString()).zipWithIndex()
          .flatMapToPair(t -> triage(t._1(), t._2() + 1, file, type));
      keyed = keyed == null ? lines : keyed.union(lines);
    }
    int partitions = (int) Math.max(2L * jsc.defaultParallelism(), bytes / (64L << 20) + 1);
    JavaRDD<SparkOutput> outputs = keyed.groupByKey(partitions)
        .mapPartitions(groups -> screen(groups, trials.value(), medications.value(), fileNames.value(),
            LocalDate.parse(day)))
        .union(jsc.parallelize(medicationProblems, 1))
        .persist(StorageLevel.MEMORY_AND_DISK());

    List<MatchCandidate> candidates = trialLines.stream().map(CandidateFile::decode).toList();
    List<String> ids = candidates.stream().map(c -> c.trial().nctId()).toList();
    Broadcast<List<String>> trialIds = jsc.broadcast(ids);
    StructType rowSchema = new StructType().add("trial", DataTypes.StringType).add("patient", DataTypes.StringType)
        .add("verdict", DataTypes.StringType).add("csv", DataTypes.StringType).add("json", DataTypes.StringType);
    JavaRDD<Row> rows = outputs.filter(o -> o.kind().equals("ROW")).map(o -> RowFactory.create(
        trialIds.value().get(o.trial()), o.patientId(), o.verdict(), o.csv(), o.json()));
    Dataset<Row> candidatesFrame = spark.createDataFrame(rows, rowSchema);
    candidatesFrame.write().mode(SaveMode.Overwrite).partitionBy("trial").parquet(output + "/candidates");
    candidatesFrame.select("trial", "json").write().mode(SaveMode.Overwrite).partitionBy("trial")
        .text(output + "/ndjson");

    StructType errorSchema = new StructType().add("file", DataTypes.StringType).add("line", DataTypes.LongType)
        .add("reason", DataTypes.StringType);
    JavaRDD<Row> errors = outputs.filter(o -> o.kind().equals("ERROR"))
        .map(o -> RowFactory.create(o.patientId(), o.line(), o.json()));
    spark.createDataFrame(errors, errorSchema).orderBy("file", "line").coalesce(1).write().mode(SaveMode.Overwrite)
        .option("header", "true").csv(output + "/unreadable-lines");

    List<SparkOutput> countRows = outputs.filter(o -> o.kind().equals("COUNT")).collect();
    long[][] counts = new long[ids.size()][3];
    for (SparkOutput c : countRows) counts[c.trial()][Verdict.valueOf(c.verdict()).ordinal()] += c.line();
    List<BulkLineError> firstErrors = outputs.filter(o -> o.kind().equals("ERROR"))
        .map(o -> new String[] {o.patientId(), Long.toString(o.line()), o.json()}).take(1000).stream()
        .map(a -> new BulkLineError(a[0], Long.parseLong(a[1]), a[2]))
        .sorted(Comparator.comparing(BulkLineError::file).thenComparingLong(BulkLineError::line)).toList();
    long unreadable = outputs.filter(o -> o.kind().equals("ERROR")).count();
    long deceased = outputs.filter(o -> o.kind().equals("DECEASED")).map(SparkOutput::line).fold(0L, Long::sum);
    outputs.unpersist();

    List<ScreeningSummary.TrialCounts> perTrial = new ArrayList<>();
    for (int t = 0; t < ids.size(); t++) {
      perTrial.add(new ScreeningSummary.TrialCounts(ids.get(t), candidates.get(t).trial().title(),
          counts[t][Verdict.ELIGIBLE.ordinal()], counts[t][Verdict.NEEDS_INFO.ordinal()],
          counts[t][Verdict.INELIGIBLE.ordinal()]));
    }
    long patients = Arrays.stream(counts[0]).sum();
    Result result = new Result(patients, deceased, perTrial, unreadable,
        Duration.ofNanos(System.nanoTime() - started));
    writeSummary(jsc, output, result, firstErrors, asOf);
    return result;
  }

  /** The bulk files of the input directory, sorted by name as the single-machine job sorts them. */
  static List<FileStatus> list(String input, JavaSparkContext jsc) {
    try {
      Path dir = new Path(input);
      FileSystem fs = dir.getFileSystem(jsc.hadoopConfiguration());
      List<FileStatus> files = new ArrayList<>();
      for (FileStatus s : fs.listStatus(dir)) {
        if (s.isFile() && BulkFiles.typeOf(s.getPath().getName()).isPresent()) files.add(s);
      }
      files.sort(Comparator.comparing(s -> s.getPath().getName()));
      if (files.isEmpty()) {
        throw new IllegalArgumentException("no FHIR Bulk Data NDJSON files (Patient.ndjson, Observation.ndjson, ...) "
            + "in " + input);
      }
      return files;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The input's shared Medication files ({@code Medication.ndjson}), read on the driver: a formulary is small. */
  private static MedicationCatalog medications(String input, JavaSparkContext jsc,
                                               java.util.function.Consumer<BulkLineError> problems) {
    MedicationCatalog.Builder catalog = new MedicationCatalog.Builder(problems);
    try {
      Path dir = new Path(input);
      FileSystem fs = dir.getFileSystem(jsc.hadoopConfiguration());
      List<FileStatus> files = new ArrayList<>();
      for (FileStatus s : fs.listStatus(dir)) {
        if (s.isFile() && BulkFiles.isMedicationFile(s.getPath().getName())) files.add(s);
      }
      files.sort(Comparator.comparing(s -> s.getPath().getName()));
      for (FileStatus f : files) {
        long line = 0;
        for (String text : jsc.textFile(f.getPath().toString()).collect()) {
          catalog.add(f.getPath().getName(), ++line, text);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return catalog.build();
  }

  private static Iterator<Tuple2<String, SparkLine>> triage(String text, long line, int file, SupportedType type) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    return switch (LineTriage.triage(bytes, 0, bytes.length, type)) {
      case LineTriage.Routed r -> List.of(new Tuple2<>(r.patientId(), new SparkLine(r.patientId(), r.type().ordinal(),
          file, line, text, null))).iterator();
      case LineTriage.Rejected r -> List.of(new Tuple2<>(ERROR_KEY + file + ":" + line, new SparkLine(null, -1, file,
          line, null, r.reason()))).iterator();
      case LineTriage.Blank b -> List.<Tuple2<String, SparkLine>>of().iterator();
    };
  }

  /** Screens the patients of one partition, as {@code BucketScreening} screens a bucket. */
  private static Iterator<SparkOutput> screen(Iterator<Tuple2<String, Iterable<SparkLine>>> groups,
                                              List<String> trialLines, Map<String, String> medications,
                                              List<String> names, LocalDate asOf) {
    ExecutorState state = ExecutorState.forJob(trialLines, medications);
    EvaluationContext context = new EvaluationContext(asOf);
    long[][] counts = new long[state.trials.size()][3];
    long deceased = 0;
    List<SparkOutput> out = new ArrayList<>();
    while (groups.hasNext()) {
      Tuple2<String, Iterable<SparkLine>> g = groups.next();
      List<BucketRecord> records = new ArrayList<>();
      for (SparkLine l : g._2()) {
        if (l.reason() != null) {
          out.add(new SparkOutput("ERROR", -1, names.get(l.file()), null, l.line(), null, l.reason()));
        } else {
          records.add(new BucketRecord(l.patientId(), SupportedType.values()[l.type()], l.file(), l.line(), l.json()));
        }
      }
      if (records.isEmpty()) continue;
      List<PatientLines> patients = BucketGrouper.group(records, names, e -> out.add(new SparkOutput("ERROR", -1,
          e.file(), null, e.line(), null, e.reason())));
      for (PatientLines p : patients) {
        var read = state.reader.read(p, asOf, names);
        for (BulkLineError e : read.unreadable()) {
          out.add(new SparkOutput("ERROR", -1, e.file(), null, e.line(), null, e.reason()));
        }
        if (read.facts().diedBy(asOf)) {
          deceased++; // nobody is screened after their death
          continue;
        }
        PatientIndex index = PatientIndex.of(read.facts());
        for (int t = 0; t < state.trials.size(); t++) {
          TrialScreener trial = state.trials.get(t);
          TrialAssessment result = trial.assess(index, context);
          Verdict verdict = result == null ? Verdict.INELIGIBLE : result.verdict();
          counts[t][verdict.ordinal()]++;
          if (verdict == Verdict.INELIGIBLE) continue;
          CandidateRow row = CandidateRow.of(p.patientId(), trial.candidate().criteria(), result);
          out.add(new SparkOutput("ROW", t, p.patientId(), verdict.name(), 0, row.toCsv(), row.toJson()));
        }
      }
    }
    if (deceased > 0) out.add(new SparkOutput("DECEASED", -1, null, null, deceased, null, null));
    for (int t = 0; t < counts.length; t++) {
      for (Verdict v : Verdict.values()) {
        out.add(new SparkOutput("COUNT", t, null, v.name(), counts[t][v.ordinal()], null, null));
      }
    }
    return out.iterator();
  }

  private static void writeSummary(JavaSparkContext jsc, String output, Result r, List<BulkLineError> first,
                                   LocalDate asOf) {
    ObjectMapper json = new ObjectMapper();
    ObjectNode n = json.createObjectNode();
    n.put("asOf", asOf.toString());
    n.put("patientsScreened", r.patients());
    n.put("deceasedNotScreened", r.deceased()); // the record says they had died by asOf
    ArrayNode trials = n.putArray("trials");
    for (ScreeningSummary.TrialCounts t : r.trials()) {
      trials.addObject().put("nctId", t.nctId()).put("title", t.title()).put("ELIGIBLE", t.eligible())
          .put("NEEDS_INFO", t.needsInfo()).put("INELIGIBLE", t.ineligible());
    }
    ObjectNode unreadable = n.putObject("unreadableLines");
    unreadable.put("count", r.unreadableLines());
    unreadable.put("allIn", "unreadable-lines/");
    ArrayNode list = unreadable.putArray("first");
    for (BulkLineError e : first) list.addObject().put("file", e.file()).put("line", e.line()).put("reason", e.reason());
    n.putObject("run").put("totalSeconds", r.elapsed().toMillis() / 1000.0)
        .put("defaultParallelism", jsc.defaultParallelism());
    try {
      Path file = new Path(output + "/summary.json");
      try (OutputStream o = file.getFileSystem(jsc.hadoopConfiguration()).create(file, true)) {
        o.write(json.writerWithDefaultPrettyPrinter().writeValueAsBytes(n));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

}
