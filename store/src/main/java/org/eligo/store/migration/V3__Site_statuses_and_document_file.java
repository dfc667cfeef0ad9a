package org.eligo.store.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;
import org.eligo.store.trial.SiteStatusText;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Version 3: a study's site statuses move into its {@code trial} row ({@code site_statuses}, see
 * {@link SiteStatusText}) and the {@code trial_site} table goes; a row may point into the embedded registry's
 * document file ({@code document_file}, {@code document_offset}, {@code document_length}) instead of holding the
 * document, so {@code document} may be null. Why: an import wrote one row per site and per status on top of each
 * study, which cost more than reading the study (docs/benchmarks.md, session 15).
 */
public final class V3__Site_statuses_and_document_file extends BaseJavaMigration {

  @Override
  public void migrate(Context context) throws SQLException {
    Connection connection = context.getConnection();
    try (Statement ddl = connection.createStatement()) {
      ddl.execute("ALTER TABLE trial ADD COLUMN site_statuses TEXT");
      ddl.execute("ALTER TABLE trial ADD COLUMN document_file INTEGER");
      ddl.execute("ALTER TABLE trial ADD COLUMN document_offset BIGINT");
      ddl.execute("ALTER TABLE trial ADD COLUMN document_length INTEGER");
      ddl.execute("ALTER TABLE trial ALTER COLUMN document DROP NOT NULL");

    }
    moveSites(connection);
    try (Statement ddl = connection.createStatement()) {
      ddl.execute("DROP TABLE trial_site");
    }
  }

  private static void moveSites(Connection connection) throws SQLException {
    try (Statement read = connection.createStatement()) {
      read.setFetchSize(1000); // PostgreSQL would otherwise fetch every site of the registry at once
      moveSites(connection, read);
    }
  }

  private static void moveSites(Connection connection, Statement read) throws SQLException {
    try (ResultSet rows = read.executeQuery("SELECT nct_id, site_key, status FROM trial_site ORDER BY nct_id");
         PreparedStatement write = connection.prepareStatement(
             "UPDATE trial SET site_statuses = ? WHERE nct_id = ?")) {
      String current = null;
      Map<String, String> sites = new TreeMap<>();
      int pending = 0;
      while (rows.next()) {
        String nctId = rows.getString(1);
        if (current != null && !current.equals(nctId)) {
          pending += add(write, current, sites);
          if (pending >= 1000) {
            write.executeBatch();
            pending = 0;
          }
        }
        current = nctId;
        sites.put(rows.getString(2), rows.getString(3));
      }
      if (current != null) add(write, current, sites);
      write.executeBatch();
    }
  }

  private static int add(PreparedStatement write, String nctId, Map<String, String> sites) throws SQLException {
    write.setString(1, SiteStatusText.encode(sites));
    write.setString(2, nctId);
    write.addBatch();
    sites.clear();
    return 1;
  }
}
