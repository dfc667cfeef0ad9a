package org.eligo.benchmarks;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eligo.core.eval.EvaluationContext;
import org.eligo.core.match.CandidateList;
import org.eligo.core.match.Matcher;
import org.eligo.core.match.TrialMatch;
import org.eligo.core.patient.PatientFacts;
import org.eligo.criteria.CriteriaCompiler;
import org.eligo.fhir.HapiPatientReader;
import org.eligo.fhir.TerminologyAdapter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One patient against N generated trials with compiled rules, on one thread: the whole match (index the patient,
 * evaluate every criterion of every trial, rank). Goal: under 20 ms for 10,000 trials.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "-XX:+UseParallelGC"})
@Threads(1)
public class MatchBenchmark {
  @Param({"10000"})
  int trials;

  /** Built once, as the registry does after each change. */
  CandidateList candidates;
  PatientFacts patient;
  EvaluationContext context;

  @Setup
  public void setUp() {
    candidates = CandidateList.of(GeneratedRegistry.candidates(GeneratedRegistry.trials(trials, 42), CriteriaCompiler.standard()));
    context = new EvaluationContext(LocalDate.of(2026, 1, 15));
    patient = new HapiPatientReader(TerminologyAdapter.bundled()).read(SamplePatient.BUNDLE, context.asOf()).facts();
  }

  @Benchmark
  public List<TrialMatch> matchOnePatient() {
    return Matcher.match(patient, candidates, context);
  }
}
