package org.eligo.server.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eligo.server.referral.ReferralServer.OWN;
import static org.eligo.server.referral.ReferralServer.form;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.eligo.referral.staff.Role;
import org.eligo.server.staff.SecurityHeaders;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Sends hostile input to the interest form and the staff pages of a real server, checks each outcome, and writes
 * what it observed as the table in {@code docs/security.md} (between the {@code hostile-inputs} markers), so the
 * document always shows what the code does.
 */
class HostileInputTest {

  private static final String START = "<!-- hostile-inputs:start (written by HostileInputTest) -->";
  private static final String END = "<!-- hostile-inputs:end -->";
  private static final int FORM_LIMIT = 40;
  private static final String PASSWORD = "correct horse battery";
  private static final Pattern FIELD = Pattern.compile("<li><a href=\"#([A-Za-z]+)\">");

  private static ReferralServer server;

  /** What one hostile request did. */
  record Observed(int status, boolean stored, String detail) {
  }

  /** One row of the table. */
  record Row(String input, String where, Observed observed, String expected) {
  }

  @BeforeAll
  static void start() {
    server = new ReferralServer(1, FORM_LIMIT);
    server.referrals.staff().create("admin@eligo.example", PASSWORD, Role.ADMIN, Set.of());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void hostileInputIsRefusedOrNeutralisedAndTheTableInDocsIsWhatHappened() throws IOException {
    List<Row> rows = new ArrayList<>();
    Token token = token();

    rows.add(row("`<script>alert(1)</script>` as the name", "interest form",
        send(token, valid("name", "<script>alert(1)</script>")), "stored as text; escaped in every page",
        o -> o.status() == 200 && o.stored() && o.detail().contains("escaped")));
    rows.add(row("`<img src=x onerror=alert(1)>` in the free text", "interest form",
        send(token, valid("message", "<img src=x onerror=alert(1)>")), "stored as text; escaped in every page",
        o -> o.status() == 200 && o.stored() && o.detail().contains("escaped")));
    rows.add(row("`<script>` in the name of a refused form (re-shown to fix)", "interest form",
        send(token, valid("name", "<script>alert(2)</script>", "consentShare", "")), "refused; re-shown escaped",
        o -> o.status() == 400 && !o.stored() && o.detail().contains("escaped")));
    rows.add(row("`Robert'); DROP TABLE referral;--` as the name", "interest form",
        send(token, valid("name", "Robert'); DROP TABLE referral;--")), "stored as text (bound parameters)",
        o -> o.status() == 200 && o.stored()));
    rows.add(row("`' OR '1'='1` as the search text", "staff referral list", search("' OR '1'='1"),
        "no rows: the text is a bound LIKE pattern", o -> o.status() == 200 && o.detail().equals("0 rows")));
    rows.add(row("`%` and `_` as the search text", "staff referral list", search("%_"),
        "no rows: wildcards are escaped", o -> o.status() == 200 && o.detail().equals("0 rows")));
    rows.add(row("name of 201 characters", "interest form", send(token, valid("name", "a".repeat(201))),
        "refused: `name` TOO_LONG", o -> o.status() == 400 && !o.stored() && o.detail().contains("name")));
    rows.add(row("free text of 2,001 characters", "interest form", send(token, valid("message", "x".repeat(2001))),
        "refused: `message` TOO_LONG", o -> o.status() == 400 && !o.stored() && o.detail().contains("message")));
    rows.add(row("form body of 70 KB", "interest form",
        sendRaw(token, (form(valid("message", "x".repeat(70_000)))).getBytes(StandardCharsets.UTF_8)),
        "refused before parsing: 413", o -> o.status() == 413 && !o.stored()));
    rows.add(row("invalid UTF-8 in the name (`%C3%28`)", "interest form",
        sendRaw(token, (form(valid("name", "X")).replace("name=X", "name=Ada%C3%28")).getBytes(StandardCharsets.UTF_8)),
        "refused: `name` INVALID_ENCODING", o -> o.status() == 400 && !o.stored() && o.detail().contains("name")));
    rows.add(row("overlong UTF-8 `/` (`%C0%AF`) in the free text", "interest form",
        sendRaw(token, (form(valid("message", "X")).replace("message=X", "message=a%C0%AFb"))
            .getBytes(StandardCharsets.UTF_8)),
        "refused: `message` INVALID_ENCODING", o -> o.status() == 400 && !o.stored() && o.detail().contains("message")));
    rows.add(row("raw invalid UTF-8 bytes (0xFF) in the body", "interest form",
        sendRaw(token, form(valid("name", "X")).replace("name=X", "name=Ada\u00FF").getBytes(StandardCharsets.ISO_8859_1)),
        "refused: `name` INVALID_ENCODING", o -> o.status() == 400 && !o.stored() && o.detail().contains("name")));
    rows.add(row("`ada@example.org\\r\\nBcc: all@example.com` as the e-mail", "interest form",
        send(token, valid("email", "ada@example.org\r\nBcc: all@example.com")), "refused: `email` LINE_BREAK",
        o -> o.status() == 400 && !o.stored() && o.detail().contains("email")));
    rows.add(row("`Ada\\nSubject: hi` as the name (reaches the e-mail body, not headers)", "interest form",
        send(token, valid("name", "Ada\nSubject: hi")), "refused: `name` LINE_BREAK",
        o -> o.status() == 400 && !o.stored() && o.detail().contains("name")));
    rows.add(row("`ada@example.org, eve@example.com` as the e-mail", "interest form",
        send(token, valid("email", "ada@example.org, eve@example.com")), "refused: `email` INVALID_FORMAT",
        o -> o.status() == 400 && !o.stored() && o.detail().contains("email")));
    rows.add(row("malformed escape `%ZZ`", "interest form",
        sendRaw(token, "send=1&name=%ZZ".getBytes(StandardCharsets.UTF_8)), "refused: 400",
        o -> o.status() == 400 && !o.stored()));
    rows.add(row("JSON body instead of a form", "interest form", sendRaw(token,
        "{\"name\":\"x\"}".getBytes(StandardCharsets.UTF_8), "application/json"), "refused: 415",
        o -> o.status() == 415 && !o.stored()));
    rows.add(row("post without the CSRF token", "interest form",
        sendWith(token, form(valid("csrf", "")), "Cookie", Csrf.COOKIE + "=" + token.value()), "refused: 403",
        o -> o.status() == 403 && !o.stored()));
    rows.add(row("post with a CSRF token but no cookie (another site's form)", "interest form",
        sendWith(token, form(valid()), new String[0]), "refused: 403", o -> o.status() == 403 && !o.stored()));
    rows.add(row("post with a valid token from `Origin: https://evil.example`", "interest form",
        sendWith(token, form(valid()), "Cookie", Csrf.COOKIE + "=" + token.value(), "Origin", "https://evil.example"),
        "refused: 403", o -> o.status() == 403 && !o.stored()));
    rows.add(row("sign-in without the CSRF token", "staff sign-in", login(false), "refused: 403",
        o -> o.status() == 403));
    rows.add(row("status change without the session's CSRF token", "staff referral page", staffPost(false),
        "refused: 403, status unchanged", o -> o.status() == 403 && o.detail().equals("status still NEW")));
    rows.add(row("trial id `NCT0297987'` in the URL", "interest form",
        observe(server.get("/trials/NCT0297987%27/interest"), 0), "refused: 400",
        o -> o.status() == 400));
    rows.add(row("more than " + FORM_LIMIT + " forms in 10 minutes from one address", "interest form",
        flood(token), "refused: 429 with Retry-After", o -> o.status() == 429 && o.detail().contains("Retry-After: 600")));

    HttpResponse<String> any = server.get("/trials/" + OWN + "/interest");
    assertThat(any.headers().firstValue("Content-Security-Policy")).contains(SecurityHeaders.CONTENT_SECURITY_POLICY);
    assertThat(any.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    assertThat(any.headers().firstValue("Referrer-Policy")).contains("same-origin");

    String table = table(rows);
    Path doc = Path.of(System.getProperty("user.dir")).resolve("../docs/security.md").normalize();
    Files.writeString(Path.of(System.getProperty("user.dir"), "target", "hostile-inputs.md"), table);
    if (Files.exists(doc)) {
      String text = Files.readString(doc);
      int s = text.indexOf(START);
      int e = text.indexOf(END);
      assertThat(s).as("markers in docs/security.md").isNotNegative();
      String updated = text.substring(0, s + START.length()) + "\n" + table + text.substring(e);
      if (!updated.equals(text)) Files.writeString(doc, updated);
    }
    for (Row r : rows) assertThat(r.observed().status()).as(r.input()).isPositive();
  }

  private Row row(String input, String where, Observed observed, String expected,
      java.util.function.Predicate<Observed> check) {
    assertThat(check.test(observed)).as(input + " → " + observed).isTrue();
    return new Row(input, where, observed, expected);
  }

  private static String table(List<Row> rows) {
    StringBuilder b = new StringBuilder("| # | Hostile input | Where | Expected | HTTP status | Stored | Observed |\n")
        .append("|---|---|---|---|---|---|---|\n");
    for (int i = 0; i < rows.size(); i++) {
      Row r = rows.get(i);
      b.append("| ").append(i + 1).append(" | ").append(r.input().replace("|", "\\|")).append(" | ")
          .append(r.where()).append(" | ").append(r.expected()).append(" | ").append(r.observed().status())
          .append(" | ")
          .append(r.observed().stored() ? "yes" : "no").append(" | ").append(r.observed().detail().replace("|", "\\|"))
          .append(" |\n");
    }
    return b.toString();
  }

  record Token(String value) {
  }

  private static Token token() {
    HttpResponse<String> page = server.get("/trials/" + OWN + "/interest");
    return new Token(ReferralServer.cookie(page, Csrf.COOKIE));
  }

  private static String[] valid(String... overrides) {
    List<String> pairs = new ArrayList<>(List.of("send", "1", "name", "Ada Lovelace", "email", "ada@example.org",
        "phone", "", "message", "Hello", "consentContact", "yes", "consentShare", "yes", "csrf", "TOKEN"));
    for (int i = 0; i < overrides.length; i += 2) {
      int at = pairs.indexOf(overrides[i]);
      pairs.set(at + 1, overrides[i + 1]);
    }
    return pairs.toArray(String[]::new);
  }

  private static Observed send(Token token, String[] pairs) {
    return sendRaw(token, form(pairs).getBytes(StandardCharsets.UTF_8));
  }

  private static Observed sendRaw(Token token, byte[] body) {
    return sendRaw(token, body, "application/x-www-form-urlencoded");
  }

  private static Observed sendRaw(Token token, byte[] body, String contentType) {
    byte[] withToken = new String(body, StandardCharsets.ISO_8859_1).replace("csrf=TOKEN", "csrf=" + token.value())
        .getBytes(StandardCharsets.ISO_8859_1);
    long before = count();
    HttpResponse<String> r = send("/trials/" + OWN + "/interest", withToken, contentType,
        "Cookie", Csrf.COOKIE + "=" + token.value());
    return observe(r, count() - before);
  }

  private static Observed sendWith(Token token, String body, String... headers) {
    long before = count();
    HttpResponse<String> r = send("/trials/" + OWN + "/interest",
        body.replace("csrf=TOKEN", "csrf=" + token.value()).getBytes(StandardCharsets.UTF_8),
        "application/x-www-form-urlencoded", headers);
    return observe(r, count() - before);
  }

  private static HttpResponse<String> send(String path, byte[] body, String contentType, String... headers) {
    var b = java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.base() + path))
        .header("Content-Type", contentType).POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body));
    for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
    try {
      return java.net.http.HttpClient.newHttpClient().send(b.build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Status, whether a referral was stored, and what the page or the staff view shows. */
  private static Observed observe(HttpResponse<String> r, long stored) {
    String detail;
    if (r.statusCode() == 200 && stored > 0) {
      detail = staffViewOfLatest();
    } else if (r.statusCode() == 400 && r.body().contains("role=\"alert\"")) {
      Matcher m = FIELD.matcher(r.body());
      List<String> fields = new ArrayList<>();
      while (m.find()) fields.add(m.group(1));
      detail = "refused, field " + String.join(", ", fields)
          + (r.body().contains("<script>") ? " (raw markup echoed!)" : r.body().contains("&lt;script&gt;")
              ? "; value re-shown escaped" : "");
    } else if (r.statusCode() == 429) {
      detail = "refused, Retry-After: " + r.headers().firstValue("Retry-After").orElse("none") + " s";
    } else {
      detail = "refused";
    }
    return new Observed(r.statusCode(), stored > 0, detail);
  }

  private static String staffViewOfLatest() {
    long id = server.registry.database().jdbi().withHandle(h -> h.createQuery("SELECT MAX(id) FROM referral")
        .mapTo(Long.class).one());
    var admin = new org.eligo.server.staff.StaffTestLogin(server).login("admin@eligo.example", PASSWORD);
    String page = server.get("/staff/referrals/" + id, "Cookie", admin).body();
    boolean raw = page.contains("<script>alert") || page.contains("<img src=x");
    boolean escaped = page.contains("&lt;script&gt;") || page.contains("&lt;img src=x");
    return raw ? "stored; staff page shows RAW markup!" : escaped ? "stored; staff page shows it escaped" : "stored";
  }

  private static Observed search(String text) {
    String admin = new org.eligo.server.staff.StaffTestLogin(server).login("admin@eligo.example", PASSWORD);
    HttpResponse<String> r = server.get("/staff?q=" + java.net.URLEncoder.encode(text, StandardCharsets.UTF_8),
        "Cookie", admin);
    long rows = Pattern.compile("<tr><td><a href=\"/staff/referrals/").matcher(r.body()).results().count();
    return new Observed(r.statusCode(), false, rows + " rows");
  }

  private static Observed login(boolean withToken) {
    Token t = token();
    HttpResponse<String> r = server.postForm("/staff/login", form("email", "admin@eligo.example", "password",
        PASSWORD, "csrf", withToken ? t.value() : ""), "Cookie", Csrf.COOKIE + "=" + t.value());
    return new Observed(r.statusCode(), false, r.statusCode() == 403 ? "refused, no session cookie set" : "signed in");
  }

  private static Observed staffPost(boolean withToken) {
    String admin = new org.eligo.server.staff.StaffTestLogin(server).login("admin@eligo.example", PASSWORD);
    long id = server.registry.database().jdbi().withHandle(h -> h.createQuery("SELECT MAX(id) FROM referral"
        + " WHERE erased_at IS NULL").mapTo(Long.class).one());
    HttpResponse<String> r = server.postForm("/staff/referrals/" + id + "/status", form("to", "CONTACTED"),
        "Cookie", admin);
    return new Observed(r.statusCode(), false,
        "status still " + server.referrals.repository().find(id).orElseThrow().status().name());
  }

  private static Observed flood(Token token) {
    for (int i = 0; i < FORM_LIMIT + 1; i++) {
      Observed o = send(token, valid("name", "Flood " + i));
      if (o.status() == 429) return new Observed(429, false, o.detail() + " (form " + (i + 1) + " of this burst)");
    }
    return new Observed(200, true, "never limited");
  }

  private static long count() {
    return server.registry.database().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM referral")
        .mapTo(Long.class).one());
  }

  private static byte[] concat(String text, byte[] tail) {
    byte[] head = text.getBytes(StandardCharsets.UTF_8);
    byte[] all = java.util.Arrays.copyOf(head, head.length + tail.length);
    System.arraycopy(tail, 0, all, head.length, tail.length);
    return all;
  }

  @SuppressWarnings("unused")
  private static String join(List<String> parts, Function<String, String> f) {
    return parts.stream().map(f).collect(Collectors.joining(", "));
  }
}
