package org.eligo.cli.render;

import java.util.List;

/** A plain-text page built section by section, wrapped to a width. */
final class TextPage {
  private final StringBuilder out = new StringBuilder();
  private final int width;

  TextPage(int width) {
    this.width = width;
  }

  TextPage title(String text) {
    out.append(text).append('\n').append("=".repeat(Math.min(width, text.length()))).append("\n");
    return this;
  }

  TextPage section(String heading) {
    out.append('\n').append(heading).append('\n').append("-".repeat(heading.length())).append('\n');
    return this;
  }

  /** "Label: value", skipped when the value is null or blank. */
  TextPage field(String label, Object value) {
    if (value == null || value.toString().isBlank()) return this;
    String prefix = label + ": ";
    wrap(prefix, " ".repeat(Math.min(prefix.length(), 24)), value.toString());
    return this;
  }

  TextPage paragraph(String text) {
    if (text == null || text.isBlank()) return this;
    for (String line : text.strip().split("\\R")) {
      if (line.isBlank()) out.append('\n');
      else wrap(line.substring(0, line.length() - line.stripLeading().length()), leadingSpaces(line), line.strip());
    }
    return this;
  }

  TextPage bullet(String text, int level) {
    String indent = "  ".repeat(level);
    wrap(indent + "- ", indent + "  ", text);
    return this;
  }

  TextPage bullets(List<String> items) {
    items.forEach(i -> bullet(i, 0));
    return this;
  }

  TextPage line(String text) {
    out.append(text).append('\n');
    return this;
  }

  private static final java.util.regex.Pattern LIST_MARKER =
      java.util.regex.Pattern.compile("^(\\s*)([*•-]|\\d{1,2}[.)]|[①-⑳]|\\(\\d{1,2}\\))\\s+");

  /** Continuation lines of a list item hang under its text; other lines keep their own indent. */
  private static String leadingSpaces(String line) {
    java.util.regex.Matcher m = LIST_MARKER.matcher(line);
    if (m.find()) return " ".repeat(m.end());
    int n = 0;
    while (n < line.length() && line.charAt(n) == ' ') n++;
    return " ".repeat(n);
  }

  private void wrap(String first, String rest, String text) {
    StringBuilder line = new StringBuilder(first);
    int lineStart = out.length();
    for (String word : text.split(" +")) {
      if (line.length() + word.length() + 1 > width && line.length() > first.length()) {
        out.append(line.toString().stripTrailing()).append('\n');
        line.setLength(0);
        line.append(rest);
      }
      line.append(word).append(' ');
    }
    out.append(line.toString().stripTrailing()).append('\n');
    assert out.length() >= lineStart;
  }

  @Override
  public String toString() {
    return out.toString();
  }
}
