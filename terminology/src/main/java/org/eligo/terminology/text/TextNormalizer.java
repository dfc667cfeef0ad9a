package org.eligo.terminology.text;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Turns text into comparable words: accents removed, lower case, British spellings made American
 * ({@code haemoglobin}, {@code anaemia}, {@code tumour}), plural endings removed ({@code inhibitors}, {@code malignancies}).
 * Both the dictionary and the searched text go through the same rules, so they only need to be consistent, not linguistically exact.
 */
public final class TextNormalizer {
    private static final String[][] SPELLING = {
        {"haem", "hem"}, {"aemia", "emia"}, {"oedema", "edema"}, {"oesophag", "esophag"}, {"oestr", "estr"},
        {"tumour", "tumor"}, {"paediatr", "pediatr"}, {"foet", "fet"}, {"leukaem", "leukem"}, {"ischaem", "ischem"},
    };

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private TextNormalizer() {
    }

    /** Splits a text into words and numbers; everything else separates them. */
    public static List<Token> tokenize(String text) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        boolean pendingBreak = false;
        int n = text.length();
        while (i < n) {
            int cp = text.codePointAt(i);
            if (Character.isLetterOrDigit(cp)) {
                int start = i;
                while (i < n && Character.isLetterOrDigit(text.codePointAt(i))) {
                    i += Character.charCount(text.codePointAt(i));
                }
                String raw = text.substring(start, i);
                tokens.add(new Token(raw, normalizeWord(raw), start, i, pendingBreak));
                pendingBreak = false;
            } else {
                if (isHardBreak(cp)) {
                    pendingBreak = true;
                }
                i += Character.charCount(cp);
            }
        }
        return tokens;
    }

    private static boolean isHardBreak(int cp) {
        return cp == ',' || cp == ';' || cp == ':' || cp == '?' || cp == '!' || cp == '\n' || cp == '\r' || cp == '•';
    }

    /** The comparison form of one word. */
    public static String normalizeWord(String word) {
        String s = isAscii(word) ? word : MARKS.matcher(Normalizer.normalize(word, Normalizer.Form.NFD)).replaceAll("").replace("ß", "ss");
        s = s.toLowerCase(Locale.ROOT);
        if (s.indexOf('e') >= 0 || s.indexOf('u') >= 0) {
            for (String[] rule : SPELLING) {
                if (s.contains(rule[0])) {
                    s = s.replace(rule[0], rule[1]);
                }
            }
        }
        return singular(s);
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 127) {
                return false;
            }
        }
        return true;
    }

    private static String singular(String s) {
        if (s.length() > 4 && s.endsWith("ies")) {
            return s.substring(0, s.length() - 3) + "y";
        }
        if (s.length() > 4 && s.endsWith("uses")) {
            return s.substring(0, s.length() - 2);
        }
        if (s.length() > 3 && s.endsWith("s") && !s.endsWith("ss") && !s.endsWith("us") && !s.endsWith("is")
                && Character.isLetter(s.charAt(s.length() - 2))) {
            return s.substring(0, s.length() - 1);
        }
        return s;
    }

    /**
     * The singular of an abbreviation written with a plural "s" ({@code DOACs}, {@code NOACs}, {@code CNIs}, {@code MPNs},
     * {@code RAs} in "TPO-RAs"), or null: the word less a final lower-case "s" after a capital or a digit, where what is
     * left is itself an abbreviation ({@link #isCaseSensitiveAbbreviation}). A two-letter one ({@code RAs}, {@code PEs},
     * {@code PTs}) only inside a phrase ({@code inPhrase}, after the words before it): on its own it says too little to
     * name a concept ("RAs" may be receptor agonists, not rheumatoid arthritis).
     */
    public static String abbreviationSingular(String raw, boolean inPhrase) {
        int n = raw.length();
        if (n < 3 || raw.charAt(n - 1) != 's') {
            return null;
        }
        char before = raw.charAt(n - 2);
        if (!Character.isUpperCase(before) && !Character.isDigit(before)) {
            return null;
        }
        String singular = raw.substring(0, n - 1);
        if (!isCaseSensitiveAbbreviation(singular) || (singular.length() < 3 && !inPhrase)) {
            return null;
        }
        return singular;
    }

    /**
     * Whether a dictionary word is an abbreviation to be matched exactly as written: at most six characters with at least two
     * capitals ({@code AA}, {@code CsA}, {@code SAA}, {@code HSCT}). Prose words such as "as" or "es" then never match.
     */
    public static boolean isCaseSensitiveAbbreviation(String raw) {
        if (raw.length() > 6) {
            return false;
        }
        long upper = raw.codePoints().filter(Character::isUpperCase).count();
        return upper >= 2;
    }
}
