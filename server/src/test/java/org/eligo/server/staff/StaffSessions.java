package org.eligo.server.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.eligo.server.referral.Csrf;
import org.eligo.server.referral.ReferralServer;

/** Signs staff in through the real login form and keeps their cookies and CSRF token. */
record StaffSessions(ReferralServer server) {

  /** A signed-in browser: its cookie header and the CSRF token its pages carry. */
  record Browser(String cookies, String csrf) {
    String[] headers() {
      return new String[] {"Cookie", cookies};
    }
  }

  Browser login(String email, String password) {
    HttpResponse<String> page = server.get("/staff/login");
    String formToken = ReferralServer.cookie(page, Csrf.COOKIE);
    HttpResponse<String> login = server.postForm("/staff/login", ReferralServer.form("csrf", formToken, "email", email,
        "password", password), "Cookie", Csrf.COOKIE + "=" + formToken);
    assertThat(login.statusCode()).as("login of " + email).isEqualTo(303);
    String session = ReferralServer.cookie(login, StaffAuth.COOKIE);
    assertThat(ReferralServer.setCookie(login, StaffAuth.COOKIE)).contains("HttpOnly")
        .containsIgnoringCase("SameSite=Strict");
    String cookies = StaffAuth.COOKIE + "=" + session + "; " + Csrf.COOKIE + "=" + formToken;
    HttpResponse<String> home = server.get("/staff", "Cookie", cookies);
    assertThat(home.statusCode()).isEqualTo(200);
    return new Browser(cookies, ReferralServer.csrfField(home.body()));
  }
}
