package org.imprimatur.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Cuts the text of one block (a paragraph, a list item, a heading) into sentences
 * (docs/clinical-checks.md, "What readers see"). A sentence ends at {@code . ! ? …} (closing quotes
 * or brackets may follow) when white space and then a capital, a digit or an opening quote follow.
 * A point inside a number ("2.5 mg") or an abbreviation ("e.g.", "Dr.", "et al.", "vs.") ends
 * nothing; neither does one followed by a lower-case word. One pass over the text.
 */
final class SentenceSplitter {

    /** Abbreviations that a capital may follow without a new sentence beginning ("Dr. Lee", "et al. Their …"). */
    private static final Set<String> ABBREVIATIONS = Set.of("dr", "mr", "mrs", "ms", "prof", "st", "vs", "al", "approx",
            "cf", "ca", "jr", "sr", "inc", "ltd", "dept", "mt", "gen", "gov", "sgt", "capt", "rev");
    /** Abbreviations only before a number ("No. 5", "Fig. 2"); "The answer is no. Eczema …" still ends there. */
    private static final Set<String> BEFORE_A_NUMBER = Set.of("no", "nos", "fig", "figs", "vol", "p", "pp", "ch", "ref");

    private SentenceSplitter() {
    }

    /** Each sentence as {@code [start, end)} in the text, without surrounding white space. */
    static List<int[]> split(CharSequence text) {
        List<int[]> sentences = new ArrayList<>();
        int n = text.length();
        int start = skipSpace(text, 0);
        int i = start;
        while (i < n) {
            char c = text.charAt(i);
            if (!isTerminator(c)) {
                i++;
                continue;
            }
            int last = i;
            while (last + 1 < n && isTerminator(text.charAt(last + 1))) {
                last++;
            }
            int end = last + 1;
            while (end < n && isCloser(text.charAt(end))) {
                end++;
            }
            if (end < n && Character.isWhitespace(text.charAt(end))) {
                int next = skipSpace(text, end);
                boolean lonePoint = c == '.' && last == i;
                if (next < n && opensSentence(text.charAt(next)) && !(lonePoint && isAbbreviation(text, i, next))) {
                    add(sentences, text, start, end);
                    start = next;
                    i = next;
                    continue;
                }
            }
            i = end;
        }
        add(sentences, text, start, n);
        return sentences;
    }

    private static void add(List<int[]> sentences, CharSequence text, int start, int end) {
        int e = end;
        while (e > start && Character.isWhitespace(text.charAt(e - 1))) {
            e--;
        }
        for (int k = start; k < e; k++) {
            if (Character.isLetterOrDigit(text.charAt(k))) {
                sentences.add(new int[] {start, e});
                return;
            }
        }
    }

    private static boolean isAbbreviation(CharSequence text, int point, int next) {
        int from = point;
        while (from > 0 && (Character.isLetter(text.charAt(from - 1)) || text.charAt(from - 1) == '.')) {
            from--;
        }
        if (from == point) {
            return false;
        }
        String word = text.subSequence(from, point).toString().toLowerCase(java.util.Locale.ROOT);
        if (word.indexOf('.') >= 0) {
            return true; // "e.g.", "i.e.", "U.S."
        }
        return ABBREVIATIONS.contains(word) || BEFORE_A_NUMBER.contains(word) && Character.isDigit(text.charAt(next));
    }

    private static int skipSpace(CharSequence text, int from) {
        int i = from;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isTerminator(char c) {
        return c == '.' || c == '!' || c == '?' || c == '…';
    }

    private static boolean isCloser(char c) {
        return c == ')' || c == ']' || c == '"' || c == '\'' || c == '”' || c == '’' || c == '»';
    }

    private static boolean opensSentence(char c) {
        return Character.isUpperCase(c) || Character.isTitleCase(c) || Character.isDigit(c)
                || "\"“‘'([«¿¡".indexOf(c) >= 0;
    }
}
