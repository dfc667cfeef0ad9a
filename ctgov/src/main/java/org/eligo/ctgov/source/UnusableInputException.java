package org.eligo.ctgov.source;

import java.io.IOException;

/** The input as a whole cannot be used: it does not exist, is empty, or is not a ZIP, a JSON file or a directory. */
public final class UnusableInputException extends IOException {

  private static final long serialVersionUID = 1L;

  public UnusableInputException(String message) {
    super(message);
  }

  public UnusableInputException(String message, Throwable cause) {
    super(message, cause);
  }
}
