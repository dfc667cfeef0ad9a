package org.eligo.spark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.eligo.screening.ScreeningSummary;

/**
 * {@code spark-submit} entry point: {@code --input DIR --output DIR --trials FILE [--as-of YYYY-MM-DD]}, where the
 * trials file is written by {@code eligo screen --save-trials FILE}. The master comes from spark-submit
 * ({@code --master local[2]}, {@code yarn}, {@code k8s://...}). Prints the counts; nothing about a patient.
 */
public final class SparkScreeningJob {
  private SparkScreeningJob() {}

  public static void main(String[] args) throws Exception {
    String input = null;
    String output = null;
    Path trials = null;
    LocalDate asOf = LocalDate.now();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--input" -> input = args[++i];
        case "--output" -> output = args[++i];
        case "--trials" -> trials = Path.of(args[++i]);
        case "--as-of" -> asOf = LocalDate.parse(args[++i]);
        default -> usage("unknown option " + args[i]);
      }
    }
    if (input == null || output == null || trials == null) usage("--input, --output and --trials are required");
    List<String> lines = new ArrayList<>();
    for (String l : Files.readAllLines(trials)) if (!l.isBlank()) lines.add(l);
    SparkSession spark = SparkSession.builder().appName("eligo-screening").getOrCreate();
    try {
      SparkScreening.Result r = SparkScreening.run(spark, input, output, lines, asOf);
      System.out.printf("Screened %,d patients against %d trials in %.1f s (default parallelism %d)%n", r.patients(),
          r.trials().size(), r.elapsed().toMillis() / 1000.0, spark.sparkContext().defaultParallelism());
      if (r.deceased() > 0) {
        System.out.printf("  not screened: %,d patients whose record says they had died by the as-of date%n",
            r.deceased());
      }
      for (ScreeningSummary.TrialCounts t : r.trials()) {
        System.out.printf("%-13s ELIGIBLE %,d  NEEDS_INFO %,d  INELIGIBLE %,d%n", t.nctId(), t.eligible(),
            t.needsInfo(), t.ineligible());
      }
      if (r.unreadableLines() > 0) System.out.printf("%,d lines could not be used (see unreadable-lines/)%n",
          r.unreadableLines());
    } finally {
      spark.stop();
    }
  }

  private static void usage(String problem) {
    System.err.println("eligo-spark: " + problem);
    System.err.println("usage: spark-submit --class org.eligo.spark.SparkScreeningJob eligo-spark-job.jar "
        + "--input DIR --output DIR --trials FILE [--as-of YYYY-MM-DD]");
    System.exit(2);
  }
}
