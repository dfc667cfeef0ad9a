package org.eligo.ctgov.json;

import java.util.List;
import java.util.stream.Collectors;
import org.eligo.core.trial.Trial;

/** The outcome of reading one study document: an accepted trial (perhaps with warnings) or a rejection. */
public sealed interface ReadResult {

  /** Every diagnostic, in document order; errors only appear in a {@link Rejected}. */
  List<Diagnostic> diagnostics();

  /** The record maps onto the model; {@code diagnostics} holds warnings only. */
  record Accepted(Trial trial, List<Diagnostic> diagnostics) implements ReadResult {
    public Accepted {
      diagnostics = List.copyOf(diagnostics);
    }
  }

  /**
   * The record cannot be used: {@code diagnostics} holds at least one error.
   *
   * @param nctId the record's NCT ID when it could be read, else null
   */
  record Rejected(String nctId, List<Diagnostic> diagnostics) implements ReadResult {
    public Rejected {
      diagnostics = List.copyOf(diagnostics);
      if (diagnostics.stream().noneMatch(Diagnostic::isError)) {
        throw new IllegalArgumentException("a rejection needs at least one error diagnostic");
      }
    }
  }

  default boolean isAccepted() {
    return this instanceof Accepted;
  }

  /** The trial of an accepted record; calling it on a rejection is a programming error. */
  default Trial trialOrThrow() {
    return switch (this) {
      case Accepted accepted -> accepted.trial();
      case Rejected rejected -> throw new IllegalStateException("record " + rejected.nctId() + " was rejected: "
          + rejected.diagnostics().stream().map(Diagnostic::toString).collect(Collectors.joining("; ")));
    };
  }
}
