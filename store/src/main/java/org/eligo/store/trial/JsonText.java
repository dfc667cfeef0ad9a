package org.eligo.store.trial;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A JSON document held as it came (text, or UTF-8 bytes) and turned into the other form only when asked, once: an
 * import reads documents as bytes and stores them as bytes, so decoding 4–5 kB of text per study for nothing cost it
 * a sixth of its time. Equal when the text is equal. The bytes must not be changed.
 */
public final class JsonText {
  private volatile String text;
  private volatile byte[] utf8;

  private JsonText(String text, byte[] utf8) {
    this.text = text;
    this.utf8 = utf8;
  }

  public static JsonText of(String text) {
    return new JsonText(Objects.requireNonNull(text, "text"), null);
  }

  public static JsonText ofUtf8(byte[] utf8) {
    return new JsonText(null, Objects.requireNonNull(utf8, "utf8"));
  }

  public String text() {
    String t = text;
    if (t == null) text = t = new String(utf8, StandardCharsets.UTF_8);
    return t;
  }

  /** The UTF-8 bytes; shared, not to be changed. */
  public byte[] utf8() {
    byte[] b = utf8;
    if (b == null) utf8 = b = text.getBytes(StandardCharsets.UTF_8);
    return b;
  }

  /** True when empty or only white space. */
  public boolean isBlank() {
    String t = text;
    if (t != null) return t.isBlank();
    for (byte b : utf8) {
      if (b != ' ' && b != '\n' && b != '\r' && b != '\t') return false;
    }
    return true;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof JsonText that && text().equals(that.text());
  }

  @Override
  public int hashCode() {
    return text().hashCode();
  }

  @Override
  public String toString() {
    return text();
  }
}
