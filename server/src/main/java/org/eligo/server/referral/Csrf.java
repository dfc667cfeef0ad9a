package org.eligo.server.referral;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.eligo.referral.staff.Secrets;

/**
 * CSRF protection for forms posted by people who are not signed in (the interest and withdrawal forms): a random
 * token in a SameSite=Strict, HttpOnly cookie that the form must repeat in a hidden field (double submit), and an
 * Origin header, when the browser sends one, that names this server.
 */
public final class Csrf {

  public static final String COOKIE = "eligo_csrf";
  public static final String FIELD = "csrf";

  private Csrf() {
  }

  /** The token for this browser, set as a cookie when it has none yet. */
  public static String token(Context ctx) {
    String existing = ctx.cookie(COOKIE);
    if (existing != null && existing.matches("[A-Za-z0-9_-]{43}")) return existing;
    String token = Secrets.token(32);
    Cookie cookie = new Cookie(COOKIE, token);
    cookie.setPath("/");
    cookie.setHttpOnly(true);
    cookie.setSecure(isHttps(ctx));
    cookie.setSameSite(SameSite.STRICT);
    ctx.cookie(cookie);
    return token;
  }

  /** Whether a posted form carries this browser's token and comes from this origin. */
  public static boolean valid(Context ctx, String posted) {
    return sameOrigin(ctx) && equal(ctx.cookie(COOKIE), posted);
  }

  /** True unless the browser says the request came from another origin. */
  public static boolean sameOrigin(Context ctx) {
    String origin = ctx.header("Origin");
    if (origin == null || origin.isEmpty()) return true;
    try {
      URI uri = URI.create(origin);
      String host = ctx.header("Host");
      return host != null && host.equalsIgnoreCase(uri.getAuthority());
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  public static boolean equal(String expected, String given) {
    if (expected == null || given == null || expected.isEmpty()) return false;
    return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
  }

  /** Whether the request reached us over https (directly, or as a proxy in front of us says). */
  public static boolean isHttps(Context ctx) {
    return "https".equalsIgnoreCase(ctx.scheme()) || "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"));
  }
}
