package org.eligo.store;

import java.sql.SQLException;

/** Turns a failed first connection into a {@link DatabaseException} that says what went wrong and what to do. */
final class ConnectionFailures {

  /** H2: "Database may be already in use" (another process holds the file lock). */
  private static final int H2_DATABASE_ALREADY_OPEN = 90020;
  /** H2: the file was written by an incompatible H2 version, or is not an H2 file. */
  private static final int H2_FILE_VERSION_ERROR = 90048;
  private static final int H2_FILE_CORRUPTED = 90030;

  private ConnectionFailures() {
  }

  static DatabaseException explain(DatabaseConfig config, SQLException sql, Throwable failure) {
    String reason = sql == null ? String.valueOf(failure.getMessage()) : firstLine(sql.getMessage());
    String message = switch (config) {
      case DatabaseConfig.EmbeddedH2 h2 -> explainH2(h2, sql, reason);
      case DatabaseConfig.PostgreSql pg -> explainPostgres(pg, sql, reason);
    };
    return new DatabaseException(message, failure);
  }

  private static String explainH2(DatabaseConfig.EmbeddedH2 h2, SQLException sql, String reason) {
    int code = sql == null ? 0 : sql.getErrorCode();
    if (code == H2_DATABASE_ALREADY_OPEN) {
      return "The registry database " + h2.databaseFile() + ".mv.db is in use by another process. The embedded"
          + " database allows one Eligo process at a time: stop the other one (for example a running server), use"
          + " another data directory, or point every process at a shared PostgreSQL server with "
          + DatabaseConfig.URL_VARIABLE + ".";
    }
    if (code == H2_FILE_VERSION_ERROR || code == H2_FILE_CORRUPTED) {
      return "The registry database " + h2.databaseFile() + ".mv.db cannot be read (" + reason + "). It may be"
          + " damaged or written by another H2 version; move it away and import the registry again.";
    }
    return "Cannot open " + h2.describe() + ": " + reason;
  }

  private static String explainPostgres(DatabaseConfig.PostgreSql pg, SQLException sql, String reason) {
    String state = sql == null || sql.getSQLState() == null ? "" : sql.getSQLState();
    if (state.startsWith("08")) {
      return "Cannot reach " + pg.describe() + " (" + reason + "). Check that the server is running and that "
          + "the JDBC URL (--db, or " + DatabaseConfig.URL_VARIABLE + ") names the right host and port.";
    }
    if (state.equals("28P01") || state.equals("28000")) {
      return "PostgreSQL refused the login" + (pg.effectiveUser() == null ? "" : " of user '" + pg.effectiveUser() + "'")
          + " to " + pg.describe() + " (" + reason + "). Check the user and password (in the URL, or "
          + DatabaseConfig.USER_VARIABLE + " and " + DatabaseConfig.PASSWORD_VARIABLE + ").";
    }
    if (state.equals("3D000")) {
      return "The database '" + pg.database() + "' does not exist on " + pg.host() + ":" + pg.port()
          + ". Create it first (createdb " + pg.database() + "); Eligo creates its tables itself.";
    }
    return "Cannot open " + pg.describe() + ": " + reason;
  }

  private static String firstLine(String message) {
    if (message == null) return "no reason given";
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
