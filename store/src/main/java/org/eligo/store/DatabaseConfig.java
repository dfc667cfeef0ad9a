package org.eligo.store;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

/**
 * Where the registry lives: an embedded H2 file database in a data directory, or a PostgreSQL server.
 *
 * <p>{@link #fromEnvironment} reads {@value #URL_VARIABLE}: unset means embedded H2; a
 * {@code jdbc:postgresql://host[:port]/database} URL (or a {@code postgresql://user:password@host/database} URI)
 * means PostgreSQL, with the user and password taken from the URL or else from {@value #USER_VARIABLE} and
 * {@value #PASSWORD_VARIABLE}.
 */
public sealed interface DatabaseConfig permits DatabaseConfig.EmbeddedH2, DatabaseConfig.PostgreSql {

  /** The environment variable naming the database ({@code eligo --db} and {@code ELIGO_DB} do the same). */
  String URL_VARIABLE = "ELIGO_DB_URL";
  String USER_VARIABLE = "ELIGO_DB_USER";
  String PASSWORD_VARIABLE = "ELIGO_DB_PASSWORD";

  /** The JDBC URL to connect to (never holds a password for display: see {@link #describe()}). */
  String jdbcUrl();

  /** The database in words, for messages; never includes a password. */
  String describe();

  /** The embedded H2 database {@code <dataDir>/registry}. */
  static DatabaseConfig embedded(Path dataDir) {
    return new EmbeddedH2(dataDir);
  }

  /**
   * A PostgreSQL server at {@code url}; user and password come from the URL, else from {@code env}.
   *
   * @throws DatabaseException when the URL is not a PostgreSQL URL
   */
  static DatabaseConfig postgres(String url, Map<String, String> env) {
    return PostgreSql.parse(url, env);
  }

  /** {@value #URL_VARIABLE} from {@code env} if set and not blank, else the embedded database in {@code dataDir}. */
  static DatabaseConfig fromEnvironment(Path dataDir, Map<String, String> env) {
    String url = env.get(URL_VARIABLE);
    return url == null || url.isBlank() ? embedded(dataDir) : postgres(url.strip(), env);
  }

  /**
   * An embedded H2 file database {@code <directory>/registry}, in PostgreSQL mode; one process at a time.
   *
   * @param directory the data directory; created when the database is opened
   */
  record EmbeddedH2(Path directory) implements DatabaseConfig {

    public EmbeddedH2 {
      Objects.requireNonNull(directory, "directory");
      directory = directory.toAbsolutePath().normalize();
    }

    /** The file name stem H2 adds {@code .mv.db} to. */
    public Path databaseFile() {
      return directory.resolve("registry");
    }

    /**
     * The H2 URL. {@code TRACE_LEVEL_FILE=0}: H2 writes no {@code registry.trace.db}; it wrote a full stack trace
     * there, e.g. when a second process found the database locked, while Eligo already says what happened on screen.
     */
    @Override
    public String jdbcUrl() {
      return "jdbc:h2:file:" + databaseFile()
          + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;TRACE_LEVEL_FILE=0";
    }

    @Override
    public String describe() {
      return "the embedded database " + databaseFile() + ".mv.db";
    }
  }

  /**
   * A PostgreSQL server.
   *
   * @param jdbcUrl a {@code jdbc:postgresql:} URL
   * @param user the user, or null to use the one in the URL
   * @param password the password, or null to use the one in the URL (or none)
   * @param host host name, for messages
   * @param port port, for messages
   * @param database database name, for messages
   */
  record PostgreSql(String jdbcUrl, String user, String password, String host, String port, String database)
      implements DatabaseConfig {

    private static final String JDBC_PREFIX = "jdbc:postgresql:";

    public PostgreSql {
      Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    }

    static PostgreSql parse(String url, Map<String, String> env) {
      Objects.requireNonNull(url, "url");
      Objects.requireNonNull(env, "env");
      String user = null;
      String password = null;
      String jdbcUrl = url;
      if (url.startsWith("postgresql://") || url.startsWith("postgres://")) {
        URI uri = parseUri(url);
        if (uri.getRawUserInfo() != null) {
          String[] userInfo = uri.getRawUserInfo().split(":", 2);
          user = decode(userInfo[0]);
          password = userInfo.length > 1 ? decode(userInfo[1]) : null;
        }
        String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        jdbcUrl = JDBC_PREFIX + "//" + uri.getHost() + port + (uri.getRawPath() == null ? "" : uri.getRawPath()) + query;
      } else if (!url.startsWith(JDBC_PREFIX)) {
        throw new DatabaseException("Unsupported database URL '" + redact(url) + "': Eligo stores its registry in"
            + " PostgreSQL (jdbc:postgresql://host[:port]/database) or, when " + URL_VARIABLE
            + " is unset, in an embedded database in its data directory.");
      }
      Properties parsed = org.postgresql.Driver.parseURL(jdbcUrl, null);
      if (parsed == null || parsed.getProperty("PGDBNAME", "").isEmpty()) {
        throw new DatabaseException("Malformed PostgreSQL URL '" + redact(url)
            + "': expected jdbc:postgresql://host[:port]/database (user and password as ?user=...&password=...,"
            + " or in " + USER_VARIABLE + " and " + PASSWORD_VARIABLE + ").");
      }
      if (user == null && parsed.getProperty("user") == null) user = blankToNull(env.get(USER_VARIABLE));
      if (password == null && parsed.getProperty("password") == null) {
        password = blankToNull(env.get(PASSWORD_VARIABLE));
      }
      return new PostgreSql(jdbcUrl, user, password, parsed.getProperty("PGHOST"), parsed.getProperty("PGPORT"),
          parsed.getProperty("PGDBNAME"));
    }

    /** The user that will log in: the explicit one, else the URL's, else null (the driver's default). */
    public String effectiveUser() {
      if (user != null) return user;
      Properties parsed = org.postgresql.Driver.parseURL(jdbcUrl, null);
      return parsed == null ? null : parsed.getProperty("user");
    }

    @Override
    public String describe() {
      return "PostgreSQL database '" + database + "' at " + host + ":" + port;
    }

    @Override
    public String toString() {
      return "PostgreSql[" + redact(jdbcUrl) + ", user=" + user + ", password=" + (password == null ? "none" : "***")
          + "]";
    }

    private static URI parseUri(String url) {
      try {
        URI uri = new URI(url);
        if (uri.getHost() == null) throw new URISyntaxException(url, "no host");
        return uri;
      } catch (URISyntaxException e) {
        throw new DatabaseException("Malformed PostgreSQL URL '" + redact(url)
            + "': expected postgresql://user:password@host[:port]/database or jdbc:postgresql://host[:port]/database.");
      }
    }

    private static String decode(String text) {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    private static String blankToNull(String text) {
      return text == null || text.isBlank() ? null : text;
    }
  }

  /** {@code url} with any password (in user info or a {@code password=} parameter) replaced by {@code ***}. */
  static String redact(String url) {
    return url.replaceAll("(?i)(password=)[^&;]*", "$1***").replaceAll("(//[^/:@]*:)[^@/]*@", "$1***@");
  }
}
