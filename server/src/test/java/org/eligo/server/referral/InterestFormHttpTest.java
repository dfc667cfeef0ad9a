package org.eligo.server.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eligo.server.referral.ReferralServer.OWN;
import static org.eligo.server.referral.ReferralServer.cookie;
import static org.eligo.server.referral.ReferralServer.csrfField;
import static org.eligo.server.referral.ReferralServer.form;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eligo.referral.record.Referral;
import org.eligo.server.staff.SecurityHeaders;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The public interest form over real HTTP, forwarded to a real SMTP server on loopback. */
class InterestFormHttpTest {

  private static GreenMail smtp;
  private static ReferralServer server;

  @BeforeAll
  static void start() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    server = new ReferralServer(port);
    server.referrals.routes().save(new org.eligo.referral.outbox.ForwardingRoute(OWN,
        org.eligo.referral.outbox.ForwardingRoute.Kind.EMAIL, "team@trial.example", java.util.Optional.empty()),
        java.time.Instant.now());
  }

  @AfterAll
  static void stop() {
    server.close();
    smtp.stop();
  }

  @Test
  void aPersonSendsTheFormSeesTheReferenceAndTheTrialTeamGetsIt() throws Exception {
    HttpResponse<String> page = server.get("/trials/" + OWN + "/interest");
    assertThat(page.statusCode()).isEqualTo(200);
    String csrf = csrfField(page.body());
    String cookie = cookie(page, Csrf.COOKIE);
    assertThat(cookie).isEqualTo(csrf);
    assertThat(ReferralServer.setCookie(page, Csrf.COOKIE)).contains("HttpOnly").containsIgnoringCase("SameSite=Strict");
    assertThat(page.headers().firstValue("Content-Security-Policy")).contains(SecurityHeaders.CONTENT_SECURITY_POLICY);
    assertThat(page.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    assertThat(page.headers().firstValue("Referrer-Policy")).contains("same-origin");
    assertThat(page.headers().firstValue("Cache-Control")).contains("no-store");

    HttpResponse<String> sent = server.postForm("/trials/" + OWN + "/interest", form("send", "1", "csrf", csrf,
        "name", "Ada Lovelace", "email", "ada@example.org", "phone", "", "message", "Mornings are best.",
        "consentContact", "yes", "consentShare", "yes", "a.age", "54", "shareAnswers", "yes"),
        "Cookie", Csrf.COOKIE + "=" + cookie);
    assertThat(sent.statusCode()).isEqualTo(200);
    Matcher ref = Pattern.compile("id=\"reference\">(EL-[0-9A-Z]{8})<").matcher(sent.body());
    assertThat(ref.find()).isTrue();
    String reference = ref.group(1);

    Referral stored = server.referrals.repository().list(new org.eligo.referral.record.ReferralQuery(true,
            java.util.Set.of(), java.util.Optional.of(OWN), java.util.Optional.empty(),
            java.util.Optional.of(reference), 0, 5)).stream().findFirst()
        .flatMap(s -> server.referrals.repository().find(s.id())).orElseThrow();
    assertThat(stored.name()).contains("Ada Lovelace");
    // as the person and the trial team read them: the question as the check asked it, not its internal key
    assertThat(stored.answers()).extracting(a -> a.question() + "=" + a.answer()).containsExactly("How old are you?=54");

    server.referrals.forwarder().drain();
    MimeMessage[] mails = smtp.getReceivedMessages();
    assertThat(mails).anySatisfy(m -> {
      assertThat(m.getSubject()).contains(reference).contains("Trial interest");
      assertThat(m.getAllRecipients()[0].toString()).isEqualTo("team@trial.example");
      assertThat(m.getContent().toString()).contains("Ada Lovelace", "How old are you?: 54", "Mornings are best.");
    });
    assertThat(mails).anySatisfy(m -> assertThat(m.getAllRecipients()[0].toString()).isEqualTo("ada@example.org"));
  }

  @Test
  void theFormComingFromTheCheckCarriesTheAnswersWithoutNeedingAToken() {
    HttpResponse<String> page = server.postForm("/trials/" + OWN + "/interest", form("a.age", "61", "a.sex", "female"));
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("name=\"a.age\" value=\"61\"").contains("name=\"shareAnswers\"")
        .contains("How old are you? <strong>61</strong>");
  }

  @Test
  void theSameFormSentTwiceIsStoredOnceAndBothSendingsShowTheSameReference() {
    HttpResponse<String> page = server.get("/trials/" + OWN + "/interest");
    String csrf = csrfField(page.body());
    String cookie = cookie(page, Csrf.COOKIE);
    Matcher token = Pattern.compile("name=\"submission\" value=\"([^\"]+)\"").matcher(page.body());
    assertThat(token.find()).as("the page carries a one-time token").isTrue();
    String body = form("send", "1", "csrf", csrf, "submission", token.group(1), "name", "Grace Hopper",
        "email", "grace@example.org", "consentContact", "yes", "consentShare", "yes", "message", "Double click.");
    // a double click: both sendings at once
    var first = java.util.concurrent.CompletableFuture.supplyAsync(() -> server.postForm("/trials/" + OWN
        + "/interest", body, "Cookie", Csrf.COOKIE + "=" + cookie));
    HttpResponse<String> second = server.postForm("/trials/" + OWN + "/interest", body, "Cookie",
        Csrf.COOKIE + "=" + cookie);
    assertThat(second.statusCode()).isEqualTo(200);
    assertThat(first.join().statusCode()).isEqualTo(200);
    assertThat(reference(first.join().body())).isEqualTo(reference(second.body()));
    assertThat(storedFrom("Grace Hopper")).as("one referral").isEqualTo(1);

    // the same page sent again after a change is a new form
    HttpResponse<String> changed = server.postForm("/trials/" + OWN + "/interest", body.replace("Double+click.",
        "Changed+my+mind."), "Cookie", Csrf.COOKIE + "=" + cookie);
    assertThat(reference(changed.body())).isNotEqualTo(reference(second.body()));
    assertThat(storedFrom("Grace Hopper")).isEqualTo(2);
  }

  private static String reference(String html) {
    Matcher ref = Pattern.compile("id=\"reference\">(EL-[0-9A-Z]{8})<").matcher(html);
    assertThat(ref.find()).as("a reference on the page").isTrue();
    return ref.group(1);
  }

  private static long storedFrom(String name) {
    return server.referrals.repository().list(new org.eligo.referral.record.ReferralQuery(true, java.util.Set.of(),
            java.util.Optional.of(OWN), java.util.Optional.empty(), java.util.Optional.empty(), 0, 500)).stream()
        .map(s -> server.referrals.repository().find(s.id()).orElseThrow())
        .filter(r -> r.name().map(name::equals).orElse(false)).count();
  }

  @Test
  void anExpiredFormSendsNothingAndGivesBackWhatWasTypedReadyToSendAgain() {
    // no cookie: the protection expired (or the browser dropped it)
    HttpResponse<String> refused = server.postForm("/trials/" + OWN + "/interest", form("send", "1", "csrf",
        "stale-token", "name", "Katherine Johnson", "email", "kj@example.org", "consentContact", "yes",
        "consentShare", "yes", "message", "Orbits."));
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.body()).contains("nothing was sent").contains("value=\"Katherine Johnson\"")
        .contains("value=\"kj@example.org\"").contains("Orbits.");
    assertThat(storedFrom("Katherine Johnson")).isZero();
    String fresh = csrfField(refused.body());
    assertThat(ReferralServer.cookie(refused, Csrf.COOKIE)).as("a new token, set as the cookie too").isEqualTo(fresh);
    HttpResponse<String> sent = server.postForm("/trials/" + OWN + "/interest", form("send", "1", "csrf", fresh,
        "name", "Katherine Johnson", "email", "kj@example.org", "consentContact", "yes", "consentShare", "yes",
        "message", "Orbits."), "Cookie", Csrf.COOKIE + "=" + fresh);
    assertThat(sent.statusCode()).isEqualTo(200);
    assertThat(storedFrom("Katherine Johnson")).isEqualTo(1);
  }

  @Test
  void aWithdrawalWithAWrongCodeKeepsTheReferenceTypedButNotTheCode() {
    HttpResponse<String> page = server.get("/referrals/withdraw");
    String csrf = csrfField(page.body());
    HttpResponse<String> wrong = server.postForm("/referrals/withdraw", form("csrf", csrf, "reference", "EL-ABCD2345",
        "code", "WRONGCODE7"), "Cookie", Csrf.COOKIE + "=" + cookie(page, Csrf.COOKIE));
    assertThat(wrong.statusCode()).isEqualTo(404);
    assertThat(wrong.body()).contains("class=\"error\" role=\"alert\"")
        .contains("name=\"reference\" required maxlength=\"20\" value=\"EL-ABCD2345\"")
        .doesNotContain("WRONGCODE7");
  }

  @Test
  void anUnknownTrialIsNotFound() {
    assertThat(server.get("/trials/NCT09999999/interest").statusCode()).isEqualTo(404);
  }
}
