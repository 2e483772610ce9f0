package org.imprimatur.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The words of a sentence a reader sees, each with its place in the sentence. A word is a run of
 * letters and digits, held together by apostrophes and hyphens between letters ("person’s",
 * "gut-skin"), by points and commas between digits ("2.5", "100,000"), by a dash between digits
 * ("15–30"), with a per cent sign after digits ("10%"), and by points in an abbreviation of single
 * letters ("e.g.", "U.S."). One pass, no backtracking.
 */
final class Words {

    private Words() {
    }

    record Word(String text, int start, int end) {

        String lower() {
            return text.toLowerCase(Locale.ROOT);
        }

        boolean isNumber() {
            return Character.isDigit(text.charAt(0));
        }

        boolean isPercentage() {
            return isNumber() && text.endsWith("%");
        }

        /** A year such as 2021: four digits from 1900 to 2099. */
        boolean isYear() {
            if (text.length() != 4) {
                return false;
            }
            for (int i = 0; i < 4; i++) {
                if (!Character.isDigit(text.charAt(i))) {
                    return false;
                }
            }
            int value = Integer.parseInt(text);
            return value >= 1900 && value <= 2099;
        }
    }

    static List<Word> of(String text) {
        List<Word> words = new ArrayList<>();
        int n = text.length();
        int i = 0;
        while (i < n) {
            if (!Character.isLetterOrDigit(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            int j = i + 1;
            while (j < n) {
                char c = text.charAt(j);
                if (Character.isLetterOrDigit(c)) {
                    j++;
                } else if (j + 1 < n && joins(text, start, j)) {
                    j += 2;
                } else {
                    break;
                }
            }
            if (j < n && text.charAt(j) == '%' && Character.isDigit(text.charAt(j - 1))) {
                j++;
            }
            words.add(new Word(text.substring(start, j), start, j));
            i = j;
        }
        return words;
    }

    /** Whether the mark at {@code j} holds the word together with the character after it. */
    private static boolean joins(String text, int start, int j) {
        char mark = text.charAt(j);
        char before = text.charAt(j - 1);
        char after = text.charAt(j + 1);
        boolean digits = Character.isDigit(before) && Character.isDigit(after);
        boolean letters = Character.isLetter(before) && Character.isLetter(after);
        return switch (mark) {
            case '\'', '’' -> letters;
            case '-', '‑' -> Character.isLetterOrDigit(before) && Character.isLetterOrDigit(after);
            case '–' -> digits;
            case ',' -> digits;
            // "2.5"; "e.g", "U.S": a single letter before the point
            case '.' -> digits || letters && (j - 1 == start || text.charAt(j - 2) == '.');
            default -> false;
        };
    }
}
