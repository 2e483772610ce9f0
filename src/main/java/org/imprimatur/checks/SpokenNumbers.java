package org.imprimatur.checks;

/**
 * Syllables of a numeral as it is read aloud, as SMOG's instructions ask ("numbers ... should be
 * pronounced"): {@code 15–30%} is "fifteen to thirty per cent", {@code 2021} "twenty twenty-one",
 * {@code 100,000} "one hundred thousand" (docs/clinical-checks.md, "Syllables").
 */
final class SpokenNumbers {

    /** zero … nineteen. */
    private static final int[] BELOW_TWENTY = {2, 1, 1, 1, 1, 1, 1, 2, 1, 1, 1, 3, 1, 2, 2, 2, 2, 3, 2, 2};
    /** –, –, twenty … ninety. */
    private static final int[] TENS = {0, 0, 2, 2, 2, 2, 2, 3, 2, 2};
    private static final long[] SCALES = {1_000_000_000_000L, 1_000_000_000L, 1_000_000L, 1_000L};
    /** "hundred", "thousand", "million", "billion", "trillion" all have two. */
    private static final int SCALE_WORD = 2;
    private static final int PER_CENT = 2;
    private static final int TO = 1;
    private static final int POINT = 1;

    private SpokenNumbers() {
    }

    /** A numeral as {@link Words} cuts it: digits with thousands commas, a decimal point, a range dash, a per cent sign. */
    static int syllables(String numeral) {
        String text = numeral;
        int total = 0;
        if (text.endsWith("%")) {
            total += PER_CENT;
            text = text.substring(0, text.length() - 1);
        }
        int pieces = 0;
        int from = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || isRangeDash(text.charAt(i))) {
                if (i > from) {
                    total += number(text.substring(from, i));
                    pieces++;
                }
                from = i + 1;
            }
        }
        return total + Math.max(0, pieces - 1) * TO;
    }

    static boolean isRangeDash(char c) {
        return c == '-' || c == '–' || c == '—' || c == '‑';
    }

    private static int number(String piece) {
        int point = piece.indexOf('.');
        String whole = (point < 0 ? piece : piece.substring(0, point)).replace(",", "");
        int total = 0;
        if (!whole.isEmpty()) {
            total += whole.length() > 15 ? digitByDigit(whole)
                    : whole.length() == 4 && piece.indexOf(',') < 0 ? yearOrCardinal(Long.parseLong(whole))
                    : cardinal(Long.parseLong(whole));
        }
        if (point >= 0) {
            total += POINT + digitByDigit(piece.substring(point + 1));
        }
        return Math.max(total, 1);
    }

    private static int digitByDigit(String digits) {
        int total = 0;
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (c >= '0' && c <= '9') {
                total += BELOW_TWENTY[c - '0'];
            }
        }
        return total;
    }

    /** 1998 is "nineteen ninety-eight", 2021 "twenty twenty-one", 1900 "nineteen hundred", 2005 "two thousand five". */
    private static int yearOrCardinal(long value) {
        boolean readInPairs = value >= 1100 && value <= 1999 || value >= 2010 && value <= 2099;
        if (!readInPairs) {
            return cardinal(value);
        }
        long low = value % 100;
        int first = belowHundred(value / 100);
        if (low == 0) {
            return first + SCALE_WORD;
        }
        return first + (low < 10 ? 1 + BELOW_TWENTY[(int) low] : belowHundred(low)); // "oh five"
    }

    private static int cardinal(long value) {
        if (value == 0) {
            return BELOW_TWENTY[0];
        }
        int total = 0;
        long rest = value;
        for (long scale : SCALES) {
            if (rest >= scale) {
                total += cardinal(rest / scale) + SCALE_WORD;
                rest %= scale;
            }
        }
        if (rest >= 100) {
            total += BELOW_TWENTY[(int) (rest / 100)] + SCALE_WORD;
            rest %= 100;
        }
        return rest > 0 ? total + belowHundred(rest) : total;
    }

    private static int belowHundred(long value) {
        if (value < 20) {
            return BELOW_TWENTY[(int) value];
        }
        return TENS[(int) (value / 10)] + (value % 10 == 0 ? 0 : BELOW_TWENTY[(int) (value % 10)]);
    }
}
