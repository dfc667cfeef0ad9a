package org.eligo.criteria.parse;

import java.util.Locale;
import java.util.Map;

/** Reads numbers as criteria write them: "20,000", "1.5", "thirty", "two". */
final class Numbers {
  /** A number in digits (thousands separators allowed) or in words up to a hundred. */
  static final String NUMBER = "(?:\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?|\\.\\d+"
      + "|(?i:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|eighteen|twenty|thirty|forty"
      + "|fifty|sixty|seventy|eighty|ninety|hundred)(?![a-z]))";

  private static final Map<String, Integer> WORDS = Map.ofEntries(
      Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3), Map.entry("four", 4), Map.entry("five", 5),
      Map.entry("six", 6), Map.entry("seven", 7), Map.entry("eight", 8), Map.entry("nine", 9), Map.entry("ten", 10),
      Map.entry("eleven", 11), Map.entry("twelve", 12), Map.entry("fifteen", 15), Map.entry("eighteen", 18),
      Map.entry("twenty", 20), Map.entry("thirty", 30), Map.entry("forty", 40), Map.entry("fifty", 50),
      Map.entry("sixty", 60), Map.entry("seventy", 70), Map.entry("eighty", 80), Map.entry("ninety", 90),
      Map.entry("hundred", 100));

  private Numbers() {}

  /** The value of a {@link #NUMBER} match. */
  static double parse(String text) {
    String t = text.strip().toLowerCase(Locale.ROOT);
    Integer word = WORDS.get(t);
    if (word != null) return word;
    return Double.parseDouble(t.replace(",", ""));
  }

  /** The count in "at least two of", "one or more". */
  static int count(String text) {
    return (int) parse(text);
  }
}
