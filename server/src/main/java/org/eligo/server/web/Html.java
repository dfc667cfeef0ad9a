package org.eligo.server.web;

/**
 * Builds HTML text: {@link #text} escapes anything from a user or the registry, {@link #raw} appends markup the
 * server itself wrote. Not thread-safe; one per page.
 */
public final class Html {
  private final StringBuilder out = new StringBuilder(8192);

  /** Escapes text for use in element content and quoted attribute values. */
  public static String escape(String text) {
    if (text == null) return "";
    StringBuilder b = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  /** Escapes a query-string component. */
  public static String url(String text) {
    return java.net.URLEncoder.encode(text == null ? "" : text, java.nio.charset.StandardCharsets.UTF_8);
  }

  public Html raw(String markup) {
    out.append(markup);
    return this;
  }

  public Html text(String text) {
    out.append(escape(text));
    return this;
  }

  /** {@code <tag attrs>escaped text</tag>}; {@code attrs} is server-written markup (may be empty). */
  public Html el(String tag, String attrs, String text) {
    out.append('<').append(tag);
    if (attrs != null && !attrs.isEmpty()) out.append(' ').append(attrs);
    out.append('>').append(escape(text)).append("</").append(tag).append('>');
    return this;
  }

  public Html el(String tag, String text) {
    return el(tag, "", text);
  }

  /** Text with line breaks kept as paragraphs, exactly as written (what a person typed). */
  public Html paragraphs(String text) {
    if (text == null || text.isBlank()) return this;
    for (String para : text.strip().split("\\n\\s*\\n")) {
      out.append("<p>").append(escape(para.strip()).replace("\n", "<br>")).append("</p>");
    }
    return this;
  }

  /** Registry text as {@link #paragraphs}, its markdown escapes removed ({@code \<} reads {@code <}). */
  public Html registryParagraphs(String text) {
    return paragraphs(text == null ? null : org.eligo.core.trial.RegistryText.display(text));
  }

  @Override
  public String toString() {
    return out.toString();
  }
}
