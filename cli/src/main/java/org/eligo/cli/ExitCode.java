package org.eligo.cli;

/** The command line's exit codes, the same for every command. */
public final class ExitCode {
  /** Everything asked was done. */
  public static final int OK = 0;
  /** Done, but some records were rejected (they are listed). */
  public static final int PARTIAL = 1;
  /** Nothing usable: bad options, unreadable input, unknown trial. */
  public static final int UNUSABLE = 2;

  private ExitCode() {}
}
