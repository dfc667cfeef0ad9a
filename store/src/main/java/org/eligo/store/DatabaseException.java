package org.eligo.store;

/** A database that cannot be opened, reached or migrated; the message says what to do about it. */
public final class DatabaseException extends RuntimeException {

  public DatabaseException(String message) {
    super(message);
  }

  public DatabaseException(String message, Throwable cause) {
    super(message, cause);
  }
}
