package org.eligo.screening.population;

import java.time.LocalDate;

/** A minimal JSON writer over a StringBuilder, for compact generated resources (no library on the hot path). */
final class Json {
  private final StringBuilder out;

  Json(StringBuilder out) {
    this.out = out;
  }

  Json append(char c) {
    out.append(c);
    return this;
  }

  Json append(String s) {
    out.append(s);
    return this;
  }

  Json key(String name) {
    out.append('"').append(name).append("\":");
    return this;
  }

  Json field(String name, String value) {
    key(name);
    string(value);
    return this;
  }

  Json field(String name, LocalDate date) {
    key(name);
    out.append('"');
    date(date);
    out.append('"');
    return this;
  }

  /** A number with {@code places} decimals, written without an exponent. */
  Json number(double value, int places) {
    if (places == 0) {
      out.append(Math.round(value));
      return this;
    }
    long scale = 1;
    for (int i = 0; i < places; i++) scale *= 10;
    long scaled = Math.round(value * scale);
    if (scaled < 0) {
      out.append('-');
      scaled = -scaled;
    }
    out.append(scaled / scale).append('.');
    String fraction = Long.toString(scaled % scale);
    for (int i = fraction.length(); i < places; i++) out.append('0');
    out.append(fraction);
    return this;
  }

  Json reference(String name, String patientId) {
    key(name);
    out.append("{\"reference\":\"Patient/").append(patientId).append("\"}");
    return this;
  }

  private void string(String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        default -> {
          if (c < 0x20) out.append(String.format("\\u%04x", (int) c));
          else out.append(c);
        }
      }
    }
    out.append('"');
  }

  private void date(LocalDate d) {
    int y = d.getYear();
    int m = d.getMonthValue();
    int day = d.getDayOfMonth();
    out.append(y).append('-');
    if (m < 10) out.append('0');
    out.append(m).append('-');
    if (day < 10) out.append('0');
    out.append(day);
  }
}
