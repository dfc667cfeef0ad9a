package org.eligo.criteria.parse;

import java.util.regex.Pattern;

/**
 * Turns a registry sentence into the text recognisers match against: escapes undone ({@code \<} → {@code <}),
 * comparator and superscript spellings unified ({@code >=} → ≥, {@code 10⁹} → {@code 10^9}, µ → u), stray bullets in
 * decimals fixed ({@code 1•5} → 1.5) and whitespace collapsed. The registry sentence itself is kept elsewhere.
 */
public final class MatchText {
  private static final Pattern ESCAPE = Pattern.compile("\\\\([<>^*_\\[\\]()#+\\-.=~|!])");
  private static final Pattern DECIMAL_BULLET = Pattern.compile("(\\d)[•·](\\d)");
  private static final Pattern SPACES = Pattern.compile("[\\s\\u00a0\\u3000]+");

  private MatchText() {}

  public static String of(String registryText) {
    if (registryText == null) return "";
    String s = ESCAPE.matcher(registryText).replaceAll("$1");
    StringBuilder b = new StringBuilder(s.length() + 8);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
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
    s = b.toString();
    s = s.replace(">=", "≥").replace("=>", "≥").replace("<=", "≤").replace("=<", "≤");
    s = DECIMAL_BULLET.matcher(s).replaceAll("$1.$2");
    s = SPACES.matcher(s).replaceAll(" ").strip();
    return s;
  }

  /** A superscript digit: "^9" after a base ("10⁹"), a plain digit after another superscript ("10¹²"). */
  private static String superscript(StringBuilder before, char digit) {
    int n = before.length();
    if (n > 0 && Character.isDigit(before.charAt(n - 1)) && n > 1 && before.charAt(n - 2) == '^') return "" + digit;
    if (n > 0 && Character.isDigit(before.charAt(n - 1))) return "^" + digit;
    return "" + digit;
  }
}
