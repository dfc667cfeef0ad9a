package org.eligo.terminology.text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Finds dictionary phrases in text, leftmost and longest first, without overlaps.
 *
 * <p>Phrases are stored in a word trie. A dictionary word that is an abbreviation
 * ({@link TextNormalizer#isCaseSensitiveAbbreviation}) only matches the same characters as written, on word boundaries;
 * other words match in their normalized form; an abbreviation written with a plural "s" ({@code DOACs}, {@code CNIs})
 * also matches its singular ({@link TextNormalizer#abbreviationSingular}). Built with
 * {@link Builder#abbreviationsBeforeAnotherNounNameNothing()} (concepts, not measures: "ECOG score" is the measure), a
 * phrase ending in such an abbreviation is not found where the next word makes the abbreviation part of the name of
 * something else ({@link #NOUNS_AFTER_ABBREVIATION}: "PAH deficiency" is phenylalanine hydroxylase deficiency, not
 * pulmonary arterial hypertension; "PE tube", "MS Contin", "CHF score", "HPV vaccine"), so it names nothing rather than
 * the wrong thing. Immutable and thread-safe once built.
 *
 * @param <T> what a phrase names (a concept, a measure)
 */
public final class PhraseMatcher<T> {
    /** A found phrase: the token range and every target named by the matched phrase. */
    public record Match<T>(int start, int end, String text, List<T> targets) {
    }

    private static final String EXACT = "\u0000";
    /** Marks a word the phrase writes after a separator (comma, semicolon, colon). */
    private static final String AFTER_BREAK = "\u0001";

    /**
     * Words (normalized) that, right after an abbreviation, make it a modifier of another thing: a deficiency of the
     * enzyme it names, a tube, a brand (MS Contin), a score, scale, index or protocol, a prophylaxis against it, a gene
     * or its mutations, a vaccine. Not "genotype": a virus's genotype is the infection itself ("HCV genotype 1a" is
     * hepatitis C; dropped, a problem-list entry lost the diagnosis). A phrase the dictionary holds with such a word
     * ("G6PD deficiency") is longer and still found.
     */
    static final Set<String> NOUNS_AFTER_ABBREVIATION = Set.of("deficiency", "deficient", "tube", "contin", "score",
            "scale", "index", "protocol", "prophylaxis", "gene", "mutation", "vaccine", "vaccination");

    private static final class Node<T> {
        final Map<String, Node<T>> children = new HashMap<>();
        final Set<T> targets = new LinkedHashSet<>();
    }

    private final Node<T> root;
    private final boolean abbreviationsBeforeAnotherNounNameNothing;

    private PhraseMatcher(Node<T> root, boolean abbreviationsBeforeAnotherNounNameNothing) {
        this.root = root;
        this.abbreviationsBeforeAnotherNounNameNothing = abbreviationsBeforeAnotherNounNameNothing;
    }

    /** Collects phrases before building the immutable matcher. */
    public static final class Builder<T> {
        private final Node<T> root = new Node<>();
        private boolean abbreviationsBeforeAnotherNounNameNothing;

        /** A phrase ending in an abbreviation that the next word makes part of another name is not found. */
        public Builder<T> abbreviationsBeforeAnotherNounNameNothing() {
            abbreviationsBeforeAnotherNounNameNothing = true;
            return this;
        }

        /**
         * Adds a phrase.
         *
         * @return false if the phrase has no words (nothing was added)
         */
        public boolean add(String phrase, T target) {
            List<Token> tokens = TextNormalizer.tokenize(phrase);
            if (tokens.isEmpty()) {
                return false;
            }
            addFrom(root, tokens, 0, target);
            return true;
        }

        /**
         * The words from {@code at} on; a word the phrase writes after a comma ("zoster vaccine, live", "influenza,
         * live, intranasal") is found both after the same separator in the text and without one.
         */
        private void addFrom(Node<T> node, List<Token> tokens, int at, T target) {
            if (at == tokens.size()) {
                node.targets.add(target);
                return;
            }
            Token token = tokens.get(at);
            String key = TextNormalizer.isCaseSensitiveAbbreviation(token.raw()) ? EXACT + token.raw() : token.normalized();
            addFrom(node.children.computeIfAbsent(key, k -> new Node<>()), tokens, at + 1, target);
            if (at > 0 && token.breakBefore()) {
                addFrom(node.children.computeIfAbsent(AFTER_BREAK + key, k -> new Node<>()), tokens, at + 1, target);
            }
        }

        public PhraseMatcher<T> build() {
            return new PhraseMatcher<>(root, abbreviationsBeforeAnotherNounNameNothing);
        }
    }

    public static <T> Builder<T> builder() {
        return new Builder<>();
    }

    /** All non-overlapping matches whose targets pass {@code accept}, leftmost first, each as long as possible. */
    public List<Match<T>> find(String text, Predicate<T> accept) {
        List<Token> tokens = TextNormalizer.tokenize(text);
        List<Match<T>> matches = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            Best<T> best = new Best<>();
            walk(root, tokens, i, i, Integer.MAX_VALUE, accept, best);
            int crossing = takenFromLongerPhrase(tokens, i, best.end, accept);
            if (crossing > 0) {
                best = new Best<>();
                walk(root, tokens, i, i, crossing - 1, accept, best);
            }
            if (best.end < 0 || abbreviationsBeforeAnotherNounNameNothing && namesSomethingElse(tokens, best.end)) {
                i++;
                continue;
            }
            int start = tokens.get(i).start();
            int end = tokens.get(best.end).end();
            matches.add(new Match<>(start, end, text.substring(start, end), List.copyOf(best.targets)));
            i = best.end + 1;
        }
        return matches;
    }

    /** Whether the phrase ends in an abbreviation that the next word makes part of another name ("PAH deficiency"). */
    private static boolean namesSomethingElse(List<Token> tokens, int last) {
        if (last + 1 >= tokens.size() || tokens.get(last + 1).breakBefore()) {
            return false;
        }
        String raw = tokens.get(last).raw();
        boolean abbreviation = TextNormalizer.isCaseSensitiveAbbreviation(raw)
                || TextNormalizer.abbreviationSingular(raw, true) != null;
        return abbreviation && NOUNS_AFTER_ABBREVIATION.contains(tokens.get(last + 1).normalized());
    }

    private static final class Best<T> {
        int end = -1;
        Set<T> targets = new LinkedHashSet<>();
    }

    /**
     * The first separator a match crosses where the words after it begin a longer phrase of their own (the next item of
     * a list: "influenza vaccine, live vaccines", "zoster vaccine, live attenuated influenza vaccine"), or -1: the comma
     * phrase then does not take that item's first word.
     */
    private int takenFromLongerPhrase(List<Token> tokens, int first, int end, Predicate<T> accept) {
        for (int k = first + 1; k <= end; k++) {
            if (tokens.get(k).breakBefore()) {
                Best<T> after = new Best<>();
                walk(root, tokens, k, k, Integer.MAX_VALUE, accept, after);
                if (after.end > end) {
                    return k;
                }
            }
        }
        return -1;
    }

    private void walk(Node<T> node, List<Token> tokens, int first, int at, int limit, Predicate<T> accept, Best<T> best) {
        if (at >= tokens.size() || at > limit) {
            return;
        }
        Token token = tokens.get(at);
        // past a separator only a phrase written with one there goes on
        String prefix = at > first && token.breakBefore() ? AFTER_BREAK : "";
        String singular = TextNormalizer.abbreviationSingular(token.raw(), at > first);
        for (String key : singular == null ? new String[] {EXACT + token.raw(), token.normalized()}
                : new String[] {EXACT + token.raw(), token.normalized(), EXACT + singular}) {
            Node<T> next = node.children.get(prefix + key);
            if (next == null) {
                continue;
            }
            List<T> accepted = next.targets.stream().filter(accept).toList();
            if (!accepted.isEmpty()) {
                if (at > best.end) {
                    best.end = at;
                    best.targets = new LinkedHashSet<>(accepted);
                } else if (at == best.end) {
                    best.targets.addAll(accepted);
                }
            }
            walk(next, tokens, first, at + 1, limit, accept, best);
        }
    }
}
