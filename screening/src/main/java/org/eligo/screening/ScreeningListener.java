package org.eligo.screening;

/** Hears how a screening run advances (for progress bars); calls come from one thread at a time. */
public interface ScreeningListener {
  /** The stages of a run. */
  enum Phase {
    /** Reading the export and grouping lines by patient into bucket files; progress in input bytes. */
    PARTITION,
    /** Screening the buckets; progress in buckets. */
    SCREEN,
    /** Writing the per-trial files and the summary; progress in buckets. */
    WRITE
  }

  ScreeningListener NONE = new ScreeningListener() {};

  /** A phase starts; {@code total} units of work, {@code done} of them already done by an earlier run. */
  default void started(Phase phase, long total, long done) {}

  default void progressed(Phase phase, long done) {}

  /** A bucket's results are on disk: a run interrupted after this resumes after it. */
  default void bucketScreened(int bucket, long patients) {}
}
