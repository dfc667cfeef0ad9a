package org.eligo.server.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eligo.server.referral.ReferralServer.OWN;
import static org.eligo.server.referral.ReferralServer.cookie;
import static org.eligo.server.referral.ReferralServer.csrfField;
import static org.eligo.server.referral.ReferralServer.form;

import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Sending the same form again (a reload of the confirmation) stores nothing and does not count as a send. */
class RepeatedFormTest {

  @Test
  void aReloadOfTheConfirmationShowsTheReceiptEvenAtTheSendLimit() throws Exception {
    int unusedSmtp;
    try (ServerSocket socket = new ServerSocket(0)) {
      unusedSmtp = socket.getLocalPort();
    }
    try (ReferralServer server = new ReferralServer(unusedSmtp, 1)) { // one form per client address
      HttpResponse<String> page = server.get("/trials/" + OWN + "/interest");
      String csrf = csrfField(page.body());
      String session = cookie(page, Csrf.COOKIE);
      Matcher token = Pattern.compile("name=\"submission\" value=\"([^\"]+)\"").matcher(page.body());
      assertThat(token.find()).isTrue();
      String body = form("send", "1", "csrf", csrf, "submission", token.group(1), "name", "Mary Jackson",
          "email", "mj@example.org", "consentContact", "yes", "consentShare", "yes");
      HttpResponse<String> first = server.postForm("/trials/" + OWN + "/interest", body, "Cookie",
          Csrf.COOKIE + "=" + session);
      HttpResponse<String> reload = server.postForm("/trials/" + OWN + "/interest", body, "Cookie",
          Csrf.COOKIE + "=" + session);
      assertThat(first.statusCode()).isEqualTo(200);
      assertThat(reload.statusCode()).as("the same form again is not a new send").isEqualTo(200);
      assertThat(reference(reload.body())).isEqualTo(reference(first.body()));
      HttpResponse<String> another = server.postForm("/trials/" + OWN + "/interest",
          body.replace("Mary+Jackson", "Dorothy+Vaughan"), "Cookie", Csrf.COOKIE + "=" + session);
      assertThat(another.statusCode()).as("a different form is a new send, over the limit").isEqualTo(429);
      assertThat(another.body()).as("over the limit, what was typed comes back to send again later")
          .contains("nothing was sent").contains("value=\"Dorothy Vaughan\"").contains("value=\"mj@example.org\"")
          .contains("name=\"consentContact\" value=\"yes\" checked required");
    }
  }

  private static String reference(String html) {
    Matcher ref = Pattern.compile("id=\"reference\">(EL-[0-9A-Z]{8})<").matcher(html);
    assertThat(ref.find()).isTrue();
    return ref.group(1);
  }
}
