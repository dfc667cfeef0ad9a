package org.eligo.cli;

/** Turns an exception into the one line a user needs, never a stack trace. */
final class Problems {
  private Problems() {}

  static String describe(Throwable e) {
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
  }

  /** A failure whose message is meant for the user as it is; exit code 2. */
  static final class UserError extends RuntimeException {
    UserError(String message) {
      super(message);
    }
  }
}
