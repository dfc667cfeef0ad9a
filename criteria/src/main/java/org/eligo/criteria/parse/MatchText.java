package org.eligo.criteria.parse;

import java.util.regex.Pattern;

/**
 * Turns a registry sentence into the text recognisers match against: escapes undone ({@code \<} → {@code <}),
 * comparator and superscript spellings unified ({@code >=} → ≥, {@code 10⁹} → {@code 10^9}, µ → u), stray bullets in
 * decimals fixed ({@code 1•5} → 1.5) and whitespace collapsed. The registry sentence itself is kept elsewhere.
 */
public final class MatchText {
  private static final Pattern ESCAPE = Pattern.compile("\\\\([<>^*_\\[\\]()#+\\-.=~|!])");

  private MatchText() {}

  public static String of(String registryText) {
    if (registryText == null) return "";
    String s = registryText.indexOf('\\') >= 0 ? ESCAPE.matcher(registryText).replaceAll("$1") : registryText;
    StringBuilder b = new StringBuilder(s.length() + 8);
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      char next = i + 1 < n ? s.charAt(i + 1) : 0;
      if (Character.isWhitespace(c) || c == '\u00a0' || c == '\u3000') {
        if (b.length() > 0 && b.charAt(b.length() - 1) != ' ') b.append(' ');
        continue;
      }
      switch (c) {
        case '>' -> {
          if (next == '=') {
            b.append('≥');
            i++;
          } else {
            b.append('>');
          }
        }
        case '<' -> {
          if (next == '=') {
            b.append('≤');
            i++;
          } else {
            b.append('<');
          }
        }
        case '=' -> {
          if (next == '>' || next == '<') {
            b.append(next == '>' ? '≥' : '≤');
            i++;
          } else {
            b.append('=');
          }
        }
        case '•', '·' -> b.append(i > 0 && Character.isDigit(s.charAt(i - 1)) && Character.isDigit(next) ? '.' : c);
        case '⁰' -> b.append(superscript(b, '0'));
        case '¹' -> b.append(superscript(b, '1'));
        case '²' -> b.append(superscript(b, '2'));
        case '³' -> b.append(superscript(b, '3'));
        case '⁴' -> b.append(superscript(b, '4'));
        case '⁵' -> b.append(superscript(b, '5'));
        case '⁶' -> b.append(superscript(b, '6'));
        case '⁷' -> b.append(superscript(b, '7'));
        case '⁸' -> b.append(superscript(b, '8'));
        case '⁹' -> b.append(superscript(b, '9'));
        case 'µ', 'μ' -> b.append('u');
        case '≧', '⩾' -> b.append('≥');
        case '≦', '⩽' -> b.append('≤');
        case '＞' -> b.append('>');
        case '＜' -> b.append('<');
        case '＝' -> b.append('=');
        case '；' -> b.append(';');
        case '：' -> b.append(':');
        case '，' -> b.append(',');
        case '（' -> b.append('(');
        case '）' -> b.append(')');
        case '’', '‘' -> b.append('\'');
        case '“', '”' -> b.append('"');
        case '–', '—', '‐', '‑' -> b.append('-');
        default -> b.append(c);
      }
    }
    int len = b.length();
    if (len > 0 && b.charAt(len - 1) == ' ') b.setLength(len - 1);
    return b.toString();
  }

  /** A superscript digit: "^9" after a base ("10⁹"), a plain digit after another superscript ("10¹²"). */
  private static String superscript(StringBuilder before, char digit) {
    int n = before.length();
    if (n > 0 && Character.isDigit(before.charAt(n - 1)) && n > 1 && before.charAt(n - 2) == '^') return "" + digit;
    if (n > 0 && Character.isDigit(before.charAt(n - 1))) return "^" + digit;
    return "" + digit;
  }
}
