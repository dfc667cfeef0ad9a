package org.eligo.server.web;

/** The frame every page shares: head, skip link, header with navigation, main landmark and footer. */
public final class Layout {
  private Layout() {}

  /** A whole page; {@code main} is markup built with {@link Html}. */
  public static String page(Messages m, String title, String main, Nav active) {
    Html h = new Html();
    h.raw("<!doctype html><html lang=\"").text(m.languageTag()).raw("\"><head><meta charset=\"utf-8\">")
        .raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .raw("<title>").text(title).raw(" – ").text(m.get("app.name")).raw("</title>")
        .raw("<meta name=\"description\" content=\"").text(m.get("app.tagline")).raw("\">")
        .raw("<link rel=\"stylesheet\" href=\"/assets/eligo.css\">")
        .raw("<link rel=\"icon\" href=\"/assets/eligo.svg\" type=\"image/svg+xml\">")
        .raw("</head><body>")
        .raw("<a class=\"skip\" href=\"#main\">").text(m.get("nav.skip")).raw("</a>")
        .raw("<header class=\"top\"><div class=\"wrap\"><a class=\"brand\" href=\"/\">").text(m.get("app.name"))
        .raw("</a><nav aria-label=\"").text(m.get("app.name")).raw("\"><ul>");
    item(h, "/", m.get("nav.find"), active == Nav.FIND);
    item(h, "/check", m.get("nav.check"), active == Nav.CHECK);
    item(h, "/api/docs", m.get("nav.api"), active == Nav.API);
    h.raw("</ul></nav></div></header>")
        .raw("<main id=\"main\" tabindex=\"-1\"><div class=\"wrap\">").raw(main).raw("</div></main>")
        .raw("<footer><div class=\"wrap\"><p>").text(m.get("footer.note")).raw("</p><p>")
        .text(m.get("footer.privacy")).raw("</p></div></footer></body></html>");
    return h.toString();
  }

  private static void item(Html h, String href, String label, boolean current) {
    h.raw("<li><a href=\"").raw(href).raw("\"").raw(current ? " aria-current=\"page\"" : "").raw(">").text(label)
        .raw("</a></li>");
  }

  /** Which navigation item a page belongs to. */
  public enum Nav { FIND, CHECK, API, NONE }
}
