package org.eligo.screening.sql;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.postgresql.PGConnection;

/** Creates the schema in a database and bulk-loads the exported CSV files: DuckDB reads them, PostgreSQL COPYs them. */
public enum SqlEngine {
  DUCKDB, POSTGRESQL;

  /** Creates the tables, loads every table's CSV from {@code dir}, then indexes and analyses. */
  public void load(Connection connection, Path dir) throws SQLException {
    try (Statement s = connection.createStatement()) {
      for (String ddl : SqlSchema.createTables()) s.execute(ddl);
      for (String table : SqlSchema.TABLES) {
        Path csv = dir.resolve(table + ".csv").toAbsolutePath();
        if (this == DUCKDB) {
          s.execute("COPY " + table + " FROM '" + csv.toString().replace("'", "''") + "' (FORMAT csv, HEADER false)");
        } else {
          try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + table + " FROM STDIN WITH (FORMAT csv)",
                in);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
      }
      if (this == POSTGRESQL) {
        for (String ddl : SqlSchema.createIndexes()) s.execute(ddl);
        s.execute("ANALYZE");
      }
    }
  }
}
