package org.eligo.server.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eligo.server.referral.ReferralServer.OTHER;
import static org.eligo.server.referral.ReferralServer.OWN;
import static org.eligo.server.referral.ReferralServer.form;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.eligo.referral.Receipt;
import org.eligo.referral.form.FormCheck;
import org.eligo.referral.form.InterestForm;
import org.eligo.referral.form.InterestFormInput;
import org.eligo.referral.form.InterestFormValidator;
import org.eligo.referral.record.ReferralStatus;
import org.eligo.referral.staff.IssuedToken;
import org.eligo.referral.staff.Role;
import org.eligo.referral.staff.StaffUser;
import org.eligo.server.referral.ReferralServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every staff endpoint × every role × own/other trial over real HTTP, with the expected answer written out below
 * (not derived from the code): {@code allow} is 200 (or 303 after a form), {@code deny} is 403 or 404, {@code login}
 * is a redirect to the sign-in page or 401. A denied write must leave the referral unchanged.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StaffHttpAuthorizationTest {

  /** endpoint, then admin, coordinator own/other, sponsor viewer own/other, anonymous own. */
  private static final String MATRIX = """
      GET  /staff?trial=T                 allow allow deny  allow deny  login
      GET  /staff/api/referrals?trial=T   allow allow deny  allow deny  login
      GET  /staff/referrals/ID            allow allow deny  allow deny  login
      POST /staff/referrals/ID/status     allow allow deny  deny  deny  login
      POST /staff/referrals/ID/notes      allow allow deny  deny  deny  login
      POST /staff/referrals/ID/erase      allow allow deny  deny  deny  login
      GET  /staff/trials/T/export.csv     allow allow deny  deny  deny  login
      GET  /staff/trials/T/screening      allow allow deny  allow deny  login
      GET  /staff/trials/T/rules          allow allow deny  deny  deny  login
      POST /staff/trials/T/rules          allow allow deny  deny  deny  login
      GET  /staff/audit                   allow deny  deny  deny  deny  login
      """;

  private static final String PASSWORD = "correct horse battery";
  private ReferralServer server;
  private StaffSessions.Browser admin;
  private StaffSessions.Browser coordinator;
  private StaffSessions.Browser viewer;
  private final AtomicInteger people = new AtomicInteger();

  @BeforeAll
  void start() {
    server = new ReferralServer(1, 10_000);
    server.referrals.staff().create("admin@eligo.example", PASSWORD, Role.ADMIN, Set.of());
    server.referrals.staff().create("coord@site.example", PASSWORD, Role.COORDINATOR, Set.of(OWN));
    server.referrals.staff().create("viewer@sponsor.example", PASSWORD, Role.SPONSOR_VIEWER, Set.of(OWN));
    StaffSessions sessions = new StaffSessions(server);
    admin = sessions.login("admin@eligo.example", PASSWORD);
    coordinator = sessions.login("coord@site.example", PASSWORD);
    viewer = sessions.login("viewer@sponsor.example", PASSWORD);
  }

  @AfterAll
  void stop() {
    server.close();
  }

  static Stream<Arguments> matrix() {
    List<Arguments> cases = new ArrayList<>();
    for (String line : MATRIX.strip().split("\n")) {
      String[] c = line.strip().split("\\s+");
      String method = c[0];
      String path = c[1];
      cases.add(Arguments.of(method, path, "ADMIN", OWN, c[2]));
      cases.add(Arguments.of(method, path, "ADMIN", OTHER, c[2]));
      cases.add(Arguments.of(method, path, "COORDINATOR", OWN, c[3]));
      cases.add(Arguments.of(method, path, "COORDINATOR", OTHER, c[4]));
      cases.add(Arguments.of(method, path, "SPONSOR_VIEWER", OWN, c[5]));
      cases.add(Arguments.of(method, path, "SPONSOR_VIEWER", OTHER, c[6]));
      cases.add(Arguments.of(method, path, "ANONYMOUS", OWN, c[7]));
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} {1} as {2} on {3}: {4}")
  @MethodSource("matrix")
  void everyEndpointAnswersAsTheMatrixSays(String method, String template, String role, String trial,
      String expected) {
    long id = submit(trial).referralId();
    String path = template.replace("=T", "=" + trial).replace("/T/", "/" + trial + "/").replace("ID", Long.toString(id));
    StaffSessions.Browser browser = switch (role) {
      case "ADMIN" -> admin;
      case "COORDINATOR" -> coordinator;
      case "SPONSOR_VIEWER" -> viewer;
      default -> null;
    };
    String[] headers = browser == null ? new String[0] : browser.headers();
    String csrf = browser == null ? "" : browser.csrf();
    HttpResponse<String> response = method.equals("GET") ? server.get(path, headers)
        : server.postForm(path, body(path, csrf, trial), headers);

    switch (expected) {
      case "allow" -> assertThat(response.statusCode()).as(response.body()).isIn(200, 303);
      case "deny" -> assertThat(response.statusCode()).isIn(403, 404);
      case "login" -> {
        assertThat(response.statusCode()).isIn(303, 401);
        if (response.statusCode() == 303) {
          assertThat(response.headers().firstValue("Location")).contains("/staff/login");
        }
      }
      default -> throw new AssertionError(expected);
    }
    if (!expected.equals("allow")) {
      var after = server.referrals.repository().find(id).orElseThrow();
      assertThat(after.status()).isEqualTo(ReferralStatus.NEW);
      assertThat(after.erased()).isFalse();
      assertThat(server.referrals.repository().notes(id)).isEmpty();
      assertThat(response.body()).doesNotContain("Person " + people.get());
    }
  }

  @Test
  void aCoordinatorCannotReachAnotherTrialsReferralsByAnyRoute() {
    List<Long> theirs = new ArrayList<>();
    List<Long> mine = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      theirs.add(submit(OTHER, "Secret Someone " + i).referralId());
      mine.add(submit(OWN, "Mine Someone " + i).referralId());
    }
    long last = Math.max(theirs.get(2), mine.get(2));
    for (long id = 1; id <= last + 5; id++) {
      HttpResponse<String> page = server.get("/staff/referrals/" + id, coordinator.headers());
      if (mine.contains(id)) {
        assertThat(page.statusCode()).isEqualTo(200);
      } else if (theirs.contains(id) || id > last) {
        // (other ids may be referrals to the coordinator's own trial made by other tests on this server)
        assertThat(page.statusCode()).as("id " + id).isIn(404);
        assertThat(page.body()).doesNotContain("Secret Someone");
      }
    }
    for (String q : List.of("Secret", theirs.get(0).toString(), "%", "' OR '1'='1", "Someone")) {
      HttpResponse<String> list = server.get("/staff?q=" + java.net.URLEncoder.encode(q,
          java.nio.charset.StandardCharsets.UTF_8), coordinator.headers());
      assertThat(list.statusCode()).isEqualTo(200);
      assertThat(list.body()).doesNotContain("Secret Someone").doesNotContain(OTHER + "</td>");
    }
    assertThat(server.get("/staff/trials/" + OTHER + "/export.csv", coordinator.headers()).statusCode())
        .isEqualTo(403);
    String csv = server.get("/staff/trials/" + OWN + "/export.csv", coordinator.headers()).body();
    assertThat(csv).contains("Mine Someone").doesNotContain("Secret Someone");

    StaffUser coord = server.referrals.staff().findByEmail("coord@site.example").orElseThrow();
    IssuedToken token = server.referrals.tokens().create(coord.id(), "integration");
    String[] bearer = {"Authorization", "Bearer " + token.token()};
    String json = server.get("/staff/api/referrals", bearer).body();
    assertThat(json).contains("Mine Someone").doesNotContain("Secret Someone");
    assertThat(server.get("/staff/api/referrals?trial=" + OTHER, bearer).statusCode()).isEqualTo(403);
    assertThat(server.get("/staff/api/referrals", "Authorization", "Bearer eligo_forged").statusCode())
        .isEqualTo(401);
  }

  @Test
  void aRefusedStaffActionLeadsBackToWhereTheCoordinatorWasWorking() {
    // another trial's referral, as the administrator: the coordinator's own referrals are counted elsewhere
    long id = submit(OTHER).referralId();
    HttpResponse<String> empty = server.postForm("/staff/referrals/" + id + "/notes",
        form("body", " ", "csrf", admin.csrf()), admin.headers());
    assertThat(empty.statusCode()).isEqualTo(400);
    assertThat(empty.body()).contains("a note cannot be empty")
        .contains("<a href=\"/staff/referrals/" + id + "\">Back to the referral</a>").doesNotContain("start page");
    HttpResponse<String> badFilter = server.get("/staff?trial=NCT0297987", coordinator.headers());
    assertThat(badFilter.statusCode()).isEqualTo(400);
    assertThat(badFilter.body()).contains("<a href=\"/staff\">Back to the referrals</a>");
    assertThat(server.get("/trials/NCT99999999").body()).contains("<a href=\"/\">Go to the start page</a>");
    assertThat(server.get("/staff/referrals/" + id, admin.headers()).body())
        .as("an empty note is refused before it is sent").contains("maxlength=\"4000\" required>");
  }

  @Test
  void statusesReadAsWordsWhileTheFormsSendTheirNames() {
    long id = submit(OWN).referralId();
    HttpResponse<String> changed = server.postForm("/staff/referrals/" + id + "/status",
        form("to", "NOT_ELIGIBLE", "csrf", coordinator.csrf()), coordinator.headers());
    assertThat(changed.statusCode()).isIn(200, 303);
    String page = server.get("/staff/referrals/" + id, coordinator.headers()).body();
    assertThat(page).contains("New → Not eligible").doesNotContain("NOT_ELIGIBLE<");
    String list = server.get("/staff?status=NOT_ELIGIBLE", coordinator.headers()).body();
    assertThat(list).contains("<option value=\"NOT_ELIGIBLE\" selected>Not eligible</option>")
        .contains("<td>Not eligible</td>");
    String fresh = server.get("/staff/referrals/" + submit(OWN).referralId(), coordinator.headers()).body();
    assertThat(fresh).contains("<option value=\"SCREENING\">Screening</option>");
  }

  @Test
  void formsWithoutTheSessionsCsrfTokenChangeNothing() {
    long id = submit(OWN).referralId();
    HttpResponse<String> noToken = server.postForm("/staff/referrals/" + id + "/status", form("to", "CONTACTED"),
        coordinator.headers());
    HttpResponse<String> wrongToken = server.postForm("/staff/referrals/" + id + "/status",
        form("to", "CONTACTED", "csrf", admin.csrf()), coordinator.headers());
    HttpResponse<String> crossSite = server.postForm("/staff/referrals/" + id + "/status",
        form("to", "CONTACTED", "csrf", coordinator.csrf()), "Cookie", coordinator.cookies(),
        "Origin", "https://evil.example");
    assertThat(List.of(noToken.statusCode(), wrongToken.statusCode(), crossSite.statusCode()))
        .containsOnly(403);
    assertThat(server.referrals.repository().find(id).orElseThrow().status()).isEqualTo(ReferralStatus.NEW);
  }

  @Test
  void loginIsThrottledAfterRepeatedFailures() {
    server.referrals.staff().create("target@site.example", PASSWORD, Role.COORDINATOR, Set.of(OWN));
    HttpResponse<String> page = server.get("/staff/login");
    String token = ReferralServer.cookie(page, org.eligo.server.referral.Csrf.COOKIE);
    String cookie = org.eligo.server.referral.Csrf.COOKIE + "=" + token;
    List<Integer> statuses = new ArrayList<>();
    List<String> pages = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      HttpResponse<String> refused = server.postForm("/staff/login", form("csrf", token, "email",
          "target@site.example", "password", "wrong password " + i), "Cookie", cookie);
      statuses.add(refused.statusCode());
      pages.add(refused.body());
    }
    assertThat(pages.getFirst()).as("a refused sign-in keeps the e-mail address typed, never the password")
        .contains("name=\"email\" autocomplete=\"username\" required value=\"target@site.example\"")
        .doesNotContain("wrong password");
    HttpResponse<String> right = server.postForm("/staff/login", form("csrf", token, "email",
        "target@site.example", "password", PASSWORD), "Cookie", cookie);
    assertThat(statuses).containsExactly(401, 401, 401, 401, 401, 429);
    assertThat(right.statusCode()).as("even the right password waits").isEqualTo(429);
  }

  @Test
  void aCoordinatorChecksPreviewsAndSavesTheirTrialsRules() {
    HttpResponse<String> editor = server.get("/staff/trials/" + OWN + "/rules", coordinator.headers());
    assertThat(editor.statusCode()).isEqualTo(200);
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("<textarea id=\"json\"[^>]*>(.*?)</textarea>",
        java.util.regex.Pattern.DOTALL).matcher(editor.body());
    assertThat(m.find()).isTrue();
    String json = m.group(1).replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
        .replace("&amp;", "&");
    assertThat(json).contains("\"trialId\"").contains(OWN);

    HttpResponse<String> preview = server.postForm("/staff/trials/" + OWN + "/rules",
        form("csrf", coordinator.csrf(), "action", "preview", "json", json), coordinator.headers());
    assertThat(preview.statusCode()).isEqualTo(200);
    assertThat(preview.body()).contains("Preview against sample patients").contains("Girl, 8")
        // sample patients have an age and a sex, no diagnosis: a trial for a disease cannot rule them in or out
        .containsPattern("Girl, 8</th><td>(NEEDS_INFO|INELIGIBLE)</td>");
    assertThat(server.registry.ruleSets().findRuleSet(OWN, org.eligo.store.rules.RuleSetOrigin.CURATED))
        .as("a preview saves nothing").isEmpty();

    HttpResponse<String> broken = server.postForm("/staff/trials/" + OWN + "/rules",
        form("csrf", coordinator.csrf(), "action", "save", "json", json.replaceFirst("\"criteria\"", "\"criterion\"")),
        coordinator.headers());
    assertThat(broken.statusCode()).isEqualTo(400);
    assertThat(broken.body()).contains("$.criteria");
    HttpResponse<String> wrongTrial = server.postForm("/staff/trials/" + OWN + "/rules",
        form("csrf", coordinator.csrf(), "action", "save", "json", json.replace(OWN, OTHER)), coordinator.headers());
    assertThat(wrongTrial.statusCode()).isEqualTo(400);
    assertThat(wrongTrial.body()).contains("must be " + OWN);

    HttpResponse<String> saved = server.postForm("/staff/trials/" + OWN + "/rules",
        form("csrf", coordinator.csrf(), "action", "save", "json", json), coordinator.headers());
    assertThat(saved.statusCode()).isEqualTo(200);
    assertThat(saved.body()).contains("Saved.");
    assertThat(server.registry.ruleSets().findRuleSet(OWN, org.eligo.store.rules.RuleSetOrigin.CURATED))
        .hasValueSatisfying(r -> assertThat(r.documentJson()).isEqualTo(json));
    assertThat(server.referrals.audit().recent(50, 0)).anySatisfy(e -> {
      assertThat(e.action()).isEqualTo(org.eligo.referral.audit.AuditAction.RULES_EDIT);
      assertThat(e.actor()).isEqualTo("coord@site.example");
      assertThat(e.nctId()).contains(OWN);
    });
  }

  private Receipt submit(String trial) {
    return submit(trial, "Person " + people.incrementAndGet());
  }

  private Receipt submit(String trial, String name) {
    InterestForm form = ((FormCheck.Accepted) InterestFormValidator.check(new InterestFormInput(name,
        "p" + people.incrementAndGet() + "@example.org", null, true, true, null, null, null))).form();
    return server.referrals.service().submit(trial, server.registry.trial(trial), form);
  }

  private static String body(String path, String csrf, String trial) {
    if (path.endsWith("/status")) return form("csrf", csrf, "to", "CONTACTED");
    if (path.endsWith("/notes")) return form("csrf", csrf, "body", "Called.");
    if (path.endsWith("/rules")) {
      return form("csrf", csrf, "action", "preview", "json", "{\"trialId\":\"" + trial + "\",\"criteria\":[]}");
    }
    return form("csrf", csrf);
  }
}
