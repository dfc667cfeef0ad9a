package org.eligo.server.staff;

import io.javalin.http.Context;

/**
 * The headers every response carries: a Content-Security-Policy that allows only this origin's own scripts, styles
 * and forms and no framing; no MIME sniffing; no Referer sent to other sites (search terms and trial ids stay here).
 */
public final class SecurityHeaders {

  public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self';"
      + " img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

  private SecurityHeaders() {
  }

  // Referrer-Policy same-origin, not no-referrer: with no-referrer Chrome sends "Origin: null" on form posts, which
  // the CSRF origin check must refuse; same-origin still never sends a referrer to another site.
  /** A Javalin before-handler. */
  public static void apply(Context ctx) {
    ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Referrer-Policy", "same-origin");
    ctx.header("X-Frame-Options", "DENY");
  }
}
