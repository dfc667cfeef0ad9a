package org.eligo.server.staff;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.util.Objects;
import java.util.Optional;
import org.eligo.referral.Referrals;
import org.eligo.referral.staff.StaffSession;
import org.eligo.referral.staff.StaffUser;
import org.eligo.server.referral.Csrf;

/**
 * Who is calling: a session cookie (pages) or {@code Authorization: Bearer eligo_…} (integrations). Forms posted
 * with a session must repeat the session's CSRF token and come from this origin; bearer calls carry no cookie, so
 * they cannot be forged by another site.
 */
final class StaffAuth {

  static final String COOKIE = "eligo_session";

  /** A signed-in caller; {@code session} is empty for a bearer token. */
  record Caller(StaffUser user, Optional<StaffSession> session) {
    String csrf() {
      return session.map(StaffSession::csrfToken).orElse("");
    }
  }

  private final Referrals referrals;

  StaffAuth(Referrals referrals) {
    this.referrals = Objects.requireNonNull(referrals, "referrals");
  }

  Optional<Caller> caller(Context ctx) {
    String authorization = ctx.header("Authorization");
    if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return referrals.tokens().authenticate(authorization.substring(7).strip()).map(u -> new Caller(u, Optional.empty()));
    }
    return referrals.sessions().find(ctx.cookie(COOKIE)).map(s -> new Caller(s.user(), Optional.of(s)));
  }

  /** Whether a state-changing request from {@code caller} carries a valid CSRF token (or is a bearer call). */
  static boolean csrfOk(Context ctx, Caller caller, String posted) {
    if (caller.session().isEmpty()) return true;
    return Csrf.sameOrigin(ctx) && Csrf.equal(caller.session().get().csrfToken(), posted);
  }

  static void setSessionCookie(Context ctx, StaffSession session) {
    Cookie cookie = new Cookie(COOKIE, session.id());
    cookie.setPath("/");
    cookie.setHttpOnly(true);
    cookie.setSecure(Csrf.isHttps(ctx));
    cookie.setSameSite(SameSite.STRICT);
    cookie.setMaxAge((int) Math.max(1, java.time.Duration.between(java.time.Instant.now(), session.expiresAt())
        .getSeconds()));
    ctx.cookie(cookie);
  }

  static void clearSessionCookie(Context ctx) {
    Cookie cookie = new Cookie(COOKIE, "");
    cookie.setPath("/");
    cookie.setHttpOnly(true);
    cookie.setSecure(Csrf.isHttps(ctx));
    cookie.setSameSite(SameSite.STRICT);
    cookie.setMaxAge(0);
    ctx.cookie(cookie);
  }
}
