package org.eligo.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eligo.core.trial.Trial;
import org.eligo.criteria.CriteriaCompiler;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * Compiling the criteria of N generated trials: on one thread, and in parallel on every core as the registry's
 * candidate cache does. Goal: under 10 s for 10,000 trials.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
@Threads(1)
public class ParseBenchmark {
  @Param({"10000"})
  int trials;

  List<Trial> generated;
  CriteriaCompiler compiler;

  @Setup
  public void setUp() {
    generated = GeneratedRegistry.trials(trials, 42);
    compiler = CriteriaCompiler.standard();
  }

  @Benchmark
  public void compileAll(Blackhole sink) {
    for (Trial t : generated) sink.consume(compiler.compile(t));
  }

  @Benchmark
  public long compileAllOnEveryCore() {
    return generated.parallelStream().map(compiler::compile).mapToInt(c -> c.criteria().size()).sum();
  }
}
