package org.eligo.cli;

/** Turns an exception into the one line a user needs, never a stack trace. */
final class Problems {
  private Problems() {}

  static String describe(Throwable e) {
    if (e instanceof java.io.UncheckedIOException u && u.getCause() != null) e = u.getCause();
    if (e instanceof java.nio.file.FileSystemException f) return describe(f);
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
  }

  /** The file and what is wrong with it: Java's file errors carry only the path. */
  private static String describe(java.nio.file.FileSystemException f) {
    String why = switch (f) {
      case java.nio.file.FileAlreadyExistsException x -> "already exists and is not a directory";
      case java.nio.file.NoSuchFileException x -> "no such file or directory";
      case java.nio.file.NotDirectoryException x -> "not a directory";
      case java.nio.file.AccessDeniedException x -> "permission denied";
      default -> f.getReason() == null ? f.getClass().getSimpleName() : f.getReason();
    };
    String file = f.getFile() == null ? "" : f.getFile();
    return file + (f.getOtherFile() == null ? "" : " -> " + f.getOtherFile()) + ": " + why;
  }

  /**
   * Where a value that names trials holds several: at each comma, with or without spaces ("NCT02979873,NCT06802055",
   * "NCT02979873, NCT06802055"), as --status takes its values; an NCT ID never holds a comma.
   */
  static final String NCT_LIST = "\\s*,\\s*";

  /**
   * Why a trial asked for by ID is not there: an ID the registry does not hold, or text that is no NCT ID at all (a
   * digit missing, a sponsor's study ID), which no registry could hold.
   */
  static String notInRegistry(String id) {
    String given = id == null ? "" : id.strip();
    return given.toUpperCase(java.util.Locale.ROOT).matches("NCT\\d{8}") ? given + " is not in the registry"
        : "'" + given + "' is not an NCT ID (NCT followed by 8 digits, e.g. NCT03364764)";
  }

  /** A failure whose message is meant for the user as it is; exit code 2. */
  static final class UserError extends RuntimeException {
    UserError(String message) {
      super(message);
    }
  }
}
