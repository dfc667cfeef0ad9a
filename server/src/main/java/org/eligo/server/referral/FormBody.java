package org.eligo.server.referral;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An {@code application/x-www-form-urlencoded} body parsed strictly: percent-escapes are decoded to bytes and the
 * bytes must be valid UTF-8. A field whose bytes are not valid UTF-8 keeps a U+FFFD marker so that validation
 * refuses it by name (instead of the servlet layer silently repairing it). Malformed escapes make the whole body
 * {@link #parse} empty.
 */
public record FormBody(Map<String, List<String>> fields) {

  public static final int MAX_FIELDS = 200;

  public FormBody {
    fields = Map.copyOf(fields);
  }

  /** The parsed body, or empty when it is not a well-formed form body (bad escapes, too many fields). */
  public static Optional<FormBody> parse(byte[] body) {
    Map<String, List<String>> fields = new LinkedHashMap<>();
    int count = 0;
    int start = 0;
    for (int i = 0; i <= body.length; i++) {
      if (i < body.length && body[i] != '&') continue;
      if (i > start) {
        if (++count > MAX_FIELDS) return Optional.empty();
        int eq = start;
        while (eq < i && body[eq] != '=') eq++;
        Optional<String> name = decode(body, start, eq);
        Optional<String> value = eq < i ? decode(body, eq + 1, i) : Optional.of("");
        if (name.isEmpty() || value.isEmpty()) return Optional.empty();
        fields.computeIfAbsent(name.get(), k -> new ArrayList<>()).add(value.get());
      }
      start = i + 1;
    }
    Map<String, List<String>> frozen = new LinkedHashMap<>();
    fields.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
    return Optional.of(new FormBody(frozen));
  }

  /** The last value of {@code name}, or null. */
  public String get(String name) {
    List<String> values = fields.get(name);
    return values == null || values.isEmpty() ? null : values.get(values.size() - 1);
  }

  public boolean checked(String name) {
    String v = get(name);
    return v != null && (v.equals("yes") || v.equals("on") || v.equals("1") || v.equals("true"));
  }

  private static Optional<String> decode(byte[] body, int from, int to) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(to - from);
    for (int i = from; i < to; i++) {
      byte b = body[i];
      if (b == '+') {
        bytes.write(' ');
      } else if (b == '%') {
        if (i + 2 >= to) return Optional.empty();
        int hi = Character.digit(body[i + 1], 16);
        int lo = Character.digit(body[i + 2], 16);
        if (hi < 0 || lo < 0) return Optional.empty();
        bytes.write(hi * 16 + lo);
        i += 2;
      } else {
        bytes.write(b);
      }
    }
    try {
      return Optional.of(StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes.toByteArray())).toString());
    } catch (CharacterCodingException e) {
      return Optional.of("\uFFFD");
    }
  }
}
