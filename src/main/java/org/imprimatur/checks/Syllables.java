package org.imprimatur.checks;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * English syllables by rule (docs/clinical-checks.md, "Syllables"): vowel groups, then the groups
 * that English splits in two ("bi-o", "ri-a", "vid-e-o") or that make no syllable of their own
 * (a silent final e, "-es", "-ed"), prefixes and compounds counted part by part, acronyms spelled
 * letter by letter and numerals as they are read. No library served here does it better: the one
 * found (last released in 2017) counts vowel groups with a few adjustments.
 */
final class Syllables {

    /** Words the rules get wrong that health text uses; each is irregular, not a fix for a rule. */
    private static final Map<String, Integer> EXCEPTIONS = Map.ofEntries(
            Map.entry("acne", 2), Map.entry("recipe", 3), Map.entry("recipes", 3), Map.entry("maybe", 2),
            Map.entry("someone", 2), Map.entry("every", 2), Map.entry("everyone", 3), Map.entry("everything", 3),
            Map.entry("everybody", 4), Map.entry("everyday", 3), Map.entry("business", 2),
            Map.entry("businesses", 3), Map.entry("diabetes", 4), Map.entry("herpes", 2), Map.entry("argue", 2),
            Map.entry("argued", 2), Map.entry("argues", 2), Map.entry("breastfed", 2), Map.entry("naked", 2),
            Map.entry("wicked", 2), Map.entry("aches", 1), Map.entry("headaches", 2), Map.entry("ideal", 3),
            Map.entry("linear", 3), Map.entry("nuclear", 3), Map.entry("wednesday", 2), Map.entry("psyche", 2),
            Map.entry("sesame", 3), Map.entry("apostrophe", 4), Map.entry("catastrophe", 4), Map.entry("cafe", 2),
            Map.entry("naive", 2), Map.entry("mosaic", 3), Map.entry("oasis", 3), Map.entry("theatre", 3),
            Map.entry("theater", 3), Map.entry("aisle", 1), Map.entry("someday", 2));

    /** Units read in full: "2.5 mg" is "two point five milligrams". */
    private static final Map<String, Integer> UNITS = Map.of("mg", 3, "mcg", 3, "kg", 3, "g", 1, "ml", 4, "mm", 4,
            "cm", 4, "km", 4);

    /** Short words a text may set in capitals for emphasis ("do NOT"), read as words and not spelled. */
    private static final Set<String> SHORT_WORDS = Set.of("a", "all", "an", "and", "any", "are", "as", "at", "be",
            "but", "by", "can", "do", "for", "get", "go", "has", "he", "her", "his", "how", "if", "in", "is", "it", "may",
            "me", "my", "no", "not", "now", "of", "off", "on", "one", "or", "our", "out", "see", "she", "so", "the",
            "to", "too", "up", "use", "was", "we", "why", "yes", "you");

    /** Prefixes that end in a vowel and so merge with a vowel after them ("gastro-intestinal", "co-operate"). */
    private static final List<Prefix> PREFIXES = List.of(
            new Prefix("cardio", 3), new Prefix("electro", 3), new Prefix("osteo", 3), new Prefix("gastro", 2),
            new Prefix("neuro", 2), new Prefix("micro", 2), new Prefix("macro", 2), new Prefix("hydro", 2),
            new Prefix("pseudo", 2), new Prefix("psycho", 2), new Prefix("photo", 2), new Prefix("ortho", 2),
            new Prefix("ultra", 2), new Prefix("intra", 2), new Prefix("infra", 2), new Prefix("multi", 2),
            new Prefix("anti", 2), new Prefix("auto", 2), new Prefix("endo", 2), new Prefix("hypo", 2),
            new Prefix("mono", 2), new Prefix("poly", 2), new Prefix("semi", 2), new Prefix("bio", 2),
            new Prefix("pro", 1), new Prefix("pre", 1), new Prefix("co", 1), new Prefix("de", 1), new Prefix("re", 1));

    /** First parts of compounds that end in a silent e ("some-times", "life-style", "guide-line"). */
    private static final List<String> COMPOUND_STARTS = List.of("some", "life", "home", "guide", "base", "there",
            "where", "whole", "side", "time", "care", "safe", "like", "fire", "wide", "nose", "luke");

    /** Suffixes after which the silent e of the stem stays silent ("late-ly", "manage-ment", "care-ful"). */
    private static final List<Suffix> SUFFIXES_AFTER_SILENT_E = List.of(new Suffix("fully", 2), new Suffix("ments", 1),
            new Suffix("ment", 1), new Suffix("ness", 1), new Suffix("less", 1), new Suffix("ful", 1),
            new Suffix("ly", 1), new Suffix("ty", 1));

    /** Longer runs of letters are not words a reader reads; they are counted without prefixes or compounds. */
    private static final int LONGEST_WORD = 45;
    /** The rules look at most this far past a pair of vowels ("-ngly", "-ious"). */
    private static final int LOOK_AHEAD = 6;

    private Syllables() {
    }

    /**
     * Counts already made, by word: prose repeats its words, and counting one by the rules costs
     * more than finding it again. A fixed number of slots, each an immutable entry, replaced
     * whole by the last word hashed to it, so the memory is bounded and threads need no lock.
     */
    private static final AtomicReferenceArray<Counted> COUNTED = new AtomicReferenceArray<>(4096);

    private record Counted(String word, int syllables) {
    }

    /** Syllables of one word as {@link Words} cuts it from a reader's text: letters, digits, hyphens, apostrophes. */
    static int inWord(String written) {
        if (written.length() > LONGEST_WORD) {
            return counted(written);
        }
        int slot = (written.hashCode() & 0x7fffffff) % COUNTED.length();
        Counted known = COUNTED.get(slot);
        if (known != null && known.word().equals(written)) {
            return known.syllables();
        }
        int syllables = counted(written);
        COUNTED.set(slot, new Counted(written, syllables));
        return syllables;
    }

    private static int counted(String written) {
        String word = withoutPossessive(written);
        if (!word.isEmpty() && Character.isDigit(word.charAt(0)) && isNumeral(word)) {
            return SpokenNumbers.syllables(word);
        }
        int total = 0;
        int partStart = 0;
        for (int i = 0; i <= word.length(); i++) {
            if (i == word.length() || SpokenNumbers.isRangeDash(word.charAt(i))) {
                total += inPart(word.substring(partStart, i));
                partStart = i + 1;
            }
        }
        return Math.max(total, 1);
    }

    private static String withoutPossessive(String word) {
        int n = word.length();
        if (n > 2 && (word.charAt(n - 1) == 's' || word.charAt(n - 1) == 'S')
                && (word.charAt(n - 2) == '\'' || word.charAt(n - 2) == '’')) {
            return word.substring(0, n - 2);
        }
        return word;
    }

    private static boolean isNumeral(String word) {
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (!(Character.isDigit(c) || c == ',' || c == '.' || c == '%' || SpokenNumbers.isRangeDash(c))) {
                return false;
            }
        }
        return true;
    }

    /** A part between hyphens: runs of letters and of digits ("B12", "2.5mg"); dotted abbreviations are spelled. */
    private static int inPart(String part) {
        boolean anyDigit = part.chars().anyMatch(Character::isDigit);
        if (!anyDigit && part.indexOf('.') >= 0) {
            int letters = 0;
            for (int i = 0; i < part.length(); i++) {
                letters += Character.isLetter(part.charAt(i)) ? letterSyllables(part.charAt(i)) : 0;
            }
            return letters;
        }
        int total = 0;
        int i = 0;
        int n = part.length();
        while (i < n) {
            char c = part.charAt(i);
            int j = i + 1;
            if (Character.isDigit(c)) {
                while (j < n && (Character.isDigit(part.charAt(j)) || part.charAt(j) == '%'
                        || (part.charAt(j) == '.' || part.charAt(j) == ',') && j + 1 < n
                        && Character.isDigit(part.charAt(j + 1)))) {
                    j++;
                }
                total += SpokenNumbers.syllables(part.substring(i, j));
            } else if (Character.isLetter(c)) {
                StringBuilder letters = new StringBuilder().append(c);
                while (j < n && (Character.isLetter(part.charAt(j)) || part.charAt(j) == '\'' || part.charAt(j) == '’')) {
                    if (Character.isLetter(part.charAt(j))) {
                        letters.append(part.charAt(j));
                    }
                    j++;
                }
                total += inLetters(letters.toString());
            }
            i = j;
        }
        return total;
    }

    private static int inLetters(String letters) {
        String lower = letters.toLowerCase(Locale.ROOT);
        Integer unit = UNITS.get(letters);
        if (unit != null) {
            return unit;
        }
        if (isSpelledOut(letters) && !SHORT_WORDS.contains(lower)) {
            int total = 0;
            for (int i = 0; i < letters.length(); i++) {
                total += letterSyllables(letters.charAt(i));
            }
            return total;
        }
        return ofWord(lower);
    }

    /**
     * An acronym read letter by letter: "AD", "IBS", "ADHD", "COPD"; one that can be said as a word
     * ("GERD", "COVID", "AIDS", "NICE") is counted as a word.
     */
    private static boolean isSpelledOut(String letters) {
        int n = letters.length();
        if (n < 2 || n > 6) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (!Character.isUpperCase(letters.charAt(i))) {
                return false;
            }
        }
        if (n <= 3) {
            return true;
        }
        String lower = letters.toLowerCase(Locale.ROOT);
        boolean anyVowel = false;
        int consonantRun = 0;
        for (int i = 0; i < n; i++) {
            boolean vowel = isVowelLetter(lower.charAt(i));
            anyVowel |= vowel;
            consonantRun = vowel ? 0 : consonantRun + 1;
            if (consonantRun >= 3) {
                return true;
            }
        }
        char last = lower.charAt(n - 1);
        char beforeLast = lower.charAt(n - 2);
        boolean unsayableEnding = !isVowelLetter(last) && !isVowelLetter(beforeLast) && last != 's'
                && "lmnrs".indexOf(beforeLast) < 0;
        return !anyVowel || unsayableEnding;
    }

    private static int letterSyllables(char letter) {
        return Character.toLowerCase(letter) == 'w' ? 3 : 1;
    }

    /** Syllables of a lower-case word of letters only. */
    static int ofWord(String word) {
        Integer known = EXCEPTIONS.get(word);
        if (known != null) {
            return known;
        }
        int n = word.length();
        if (n > LONGEST_WORD) {
            return byVowelGroups(word); // no English word; no prefixes peeled off one by one
        }
        for (Prefix prefix : PREFIXES) {
            String p = prefix.letters();
            if (n >= p.length() + 3 && word.startsWith(p) && isVowelLetter(word.charAt(p.length()))
                    && prefixApplies(p, word.substring(p.length()))) {
                return prefix.syllables() + ofWord(word.substring(p.length()));
            }
        }
        for (String start : COMPOUND_STARTS) {
            if (n >= start.length() + 4 && word.startsWith(start) && !isVowelLetter(word.charAt(start.length()))) {
                return ofWord(start) + ofWord(word.substring(start.length()));
            }
        }
        for (Suffix suffix : SUFFIXES_AFTER_SILENT_E) {
            String s = suffix.letters();
            int stemLength = n - s.length();
            int shortestStem = s.startsWith("ment") ? 4 : 3; // "use-ful", but "el-e-ment"
            if (stemLength >= shortestStem && word.endsWith(s) && word.charAt(stemLength - 1) == 'e'
                    && !isVowelLetter(word.charAt(stemLength - 2)) && word.charAt(stemLength - 2) != 'y') {
                return ofWord(word.substring(0, stemLength)) + suffix.syllables();
            }
        }
        return byVowelGroups(word);
    }

    /** The short prefixes are prefixes only before some letters: "re-act" but "reach", "co-operate" but "cook". */
    private static boolean prefixApplies(String prefix, String rest) {
        return switch (prefix) {
            case "re" -> rest.startsWith("e") ? rest.length() >= 5
                    : rest.startsWith("i") ? rest.length() >= 5
                    : rest.startsWith("o") || rest.startsWith("u") ? rest.length() >= 3
                    : startsWithAny(rest, "act", "app", "ass", "adj", "arr", "aff", "awa", "ali", "agen");
            case "pre" -> rest.length() >= 4 && !rest.startsWith("ach");
            case "co" -> rest.length() >= 4 && startsWithAny(rest, "op", "or", "ex", "ag", "aut", "ali", "inc", "ins");
            case "de" -> startsWithAny(rest, "od", "ox", "act");
            case "pro" -> rest.length() >= 4 && startsWithAny(rest, "a", "e", "i");
            default -> rest.length() >= 4;
        };
    }

    private static boolean startsWithAny(String text, String... starts) {
        for (String start : starts) {
            if (text.startsWith(start)) {
                return true;
            }
        }
        return false;
    }

    private static int byVowelGroups(String word) {
        int n = word.length();
        boolean[] vowel = vowels(word);
        int firstVowel = n;
        for (int k = 0; k < n && firstVowel == n; k++) {
            firstVowel = vowel[k] ? k : n;
        }
        int count = 0;
        int i = 0;
        while (i < n) {
            if (!vowel[i]) {
                i++;
                continue;
            }
            count++;
            int j = i;
            while (j + 1 < n && vowel[j + 1]) {
                if (splitsBetween(word, j, firstVowel < j)) {
                    count++;
                }
                j++;
            }
            i = j + 1;
        }
        if (count > 1 && endsWithSilentE(word, vowel)) {
            count--;
        }
        if (word.endsWith("sm") || word.endsWith("sms") || word.endsWith("thm") || word.endsWith("thms")) {
            count++; // "or-gan-is-m", "rhy-thm"
        }
        return Math.max(count, 1);
    }

    /**
     * Which letters sound as vowels: a e i o u, but not the u of "qu" nor of "gu" before a vowel
     * ("language", "guide"); y unless it starts the word or stands between vowels ("yes", "beyond").
     */
    private static boolean[] vowels(String word) {
        int n = word.length();
        boolean[] vowel = new boolean[n];
        for (int i = 0; i < n; i++) {
            char c = word.charAt(i);
            if (c == 'y') {
                boolean afterVowel = i > 0 && isVowelLetter(word.charAt(i - 1));
                boolean beforeVowel = i + 1 < n && isVowelLetter(word.charAt(i + 1));
                vowel[i] = i > 0 && !(afterVowel && beforeVowel);
            } else if (c == 'u' && i > 0 && (word.charAt(i - 1) == 'q'
                    || word.charAt(i - 1) == 'g' && i + 1 < n && "aeiy".indexOf(word.charAt(i + 1)) >= 0)) {
                vowel[i] = false;
            } else {
                vowel[i] = isVowelLetter(c);
            }
        }
        return vowel;
    }

    /** A final e that makes no syllable ("make", "makes", "hoped"), unlike "ta-ble", "fi-bre", "want-ed", "box-es". */
    private static boolean endsWithSilentE(String word, boolean[] vowel) {
        int n = word.length();
        if (n >= 3 && word.charAt(n - 1) == 'e' && !vowel[n - 2]) {
            return !syllabicBefore(word, vowel, n - 2, 'l') && !syllabicBefore(word, vowel, n - 2, 'r');
        }
        if (n >= 4 && word.endsWith("es") && !vowel[n - 3]) {
            char before = word.charAt(n - 3);
            boolean sibilant = "sxzcg".indexOf(before) >= 0
                    || before == 'h' && (word.charAt(n - 4) == 'c' || word.charAt(n - 4) == 's');
            return !sibilant && !syllabicBefore(word, vowel, n - 3, 'l') && !syllabicBefore(word, vowel, n - 3, 'r');
        }
        if (n >= 4 && word.endsWith("ed") && !vowel[n - 3]) {
            char before = word.charAt(n - 3);
            boolean troubled = before == 'l' && !vowel[n - 4] && "lrw".indexOf(word.charAt(n - 4)) < 0;
            boolean hundred = before == 'r' && !vowel[n - 4] && word.charAt(n - 4) != 'r';
            return before != 't' && before != 'd' && !troubled && !hundred;
        }
        return false;
    }

    /** "-le", "-re" after a consonant keep their syllable: "ta-ble", "peo-ple", "cen-tre" (but "belle", "bizarre"). */
    private static boolean syllabicBefore(String word, boolean[] vowel, int index, char letter) {
        return index >= 1 && word.charAt(index) == letter && !vowel[index - 1] && word.charAt(index - 1) != letter;
    }

    /** Whether two vowels side by side, at {@code k} and {@code k + 1}, belong to two syllables. */
    private static boolean splitsBetween(String word, int k, boolean vowelEarlier) {
        char a = word.charAt(k);
        char b = word.charAt(k + 1);
        char before = k > 0 ? word.charAt(k - 1) : ' ';
        // what follows the pair, cut short: the rules compare it with endings of four letters at most
        String after = word.substring(k + 2, Math.min(word.length(), k + 2 + LOOK_AHEAD));
        if (b == 'i' && (after.equals("ng") || after.equals("ngs") || after.equals("ngly"))) {
            return true; // "go-ing", "be-ing", "see-ing"
        }
        if (a == 'y') {
            return !(b == 'e' && (after.isEmpty() || after.equals("s") || after.equals("d"))); // "em-bry-o", "try-ing", "rye"
        }
        if (b == 'y') {
            return false; // "ay", "ey", "oy"
        }
        return switch ("" + a + b) {
            case "ia" -> after.startsWith("nt") || !("ctsg".indexOf(before) >= 0
                    && (after.isEmpty() || after.equals("s") || after.startsWith("l") || after.startsWith("n")));
            case "io" -> !ioIsOneSound(word, k, before, after);
            case "ie" -> ieSplits(word, k, before, after, vowelEarlier);
            case "iu", "ii", "ua", "uo", "uu", "ao" -> true;
            case "eo" -> !(before == 'p'
                    || (before == 'g' || before == 'c') && (after.startsWith("n") || after.startsWith("u")));
            case "ea" -> eaSplits(word, k, before, after, vowelEarlier);
            case "eu" -> after.equals("m") || after.equals("s");
            case "ue" -> !(after.isEmpty() || after.equals("s") || after.equals("d"));
            case "ui" -> !(before == 'b' || before == 'j' || after.equals("t") || after.equals("ts")
                    || after.startsWith("s") || after.startsWith("ce"));
            case "oe" -> after.startsWith("m") || after.startsWith("t");
            case "oi" -> after.equals("c");
            default -> false;
        };
    }

    /** "-tion", "-sion", "-cious", "-gion", "mil-lion", "on-ion", "be-hav-ior", "ra-tio" are one; "bi-o", "ri-o" two. */
    private static boolean ioIsOneSound(String word, int k, char before, String after) {
        char sound = before == 'h' && k >= 2 && (word.charAt(k - 2) == 's' || word.charAt(k - 2) == 'c') ? 's' : before;
        if ("ctsxg".indexOf(sound) >= 0 && (after.startsWith("n") || after.startsWith("u"))) {
            return true;
        }
        if (before == 't' && after.isEmpty()) {
            return true;
        }
        if (after.startsWith("n") && (before == 'n' || before == 'l' && k >= 2 && word.charAt(k - 2) == 'l')) {
            return true;
        }
        return (before == 'v' || before == 'n') && (after.startsWith("r") || after.startsWith("ur"));
    }

    /** "di-et", "cli-ent", "sci-ence", "eas-i-er" are two; "field", "pa-tient", "stud-ies", "re-view" one. */
    private static boolean ieSplits(String word, int k, char before, String after, boolean vowelEarlier) {
        if (after.startsWith("t")) {
            return true;
        }
        if (after.startsWith("nt") || after.startsWith("nc")) {
            boolean science = before == 'c' && k >= 2 && word.charAt(k - 2) == 's';
            return science || "ctg".indexOf(before) < 0;
        }
        if (after.equals("n") || after.equals("ns")) {
            return vowelEarlier && "ctg".indexOf(before) < 0;
        }
        if (after.startsWith("r") || after.equals("st")) {
            return vowelEarlier && before != 'c' && before != 't';
        }
        return false;
    }

    /** "i-de-a", "ce-sar-e-an", "ce-re-al", "cre-ate" are two; "health", "o-cean", "in-crease" one. */
    private static boolean eaSplits(String word, int k, char before, String after, boolean vowelEarlier) {
        boolean consonantBefore = k > 0 && !isVowelLetter(before);
        if (consonantBefore && vowelEarlier) {
            if (after.isEmpty() || after.equals("s")) {
                return true;
            }
            if ((after.equals("n") || after.equals("ns")) && before != 'c' && before != 'g') {
                return true;
            }
            if ((after.equals("l") || after.equals("ls")) && (before == 'g' || before == 'r')) {
                return true;
            }
        }
        boolean cre = before == 'r' && k >= 2 && word.charAt(k - 2) == 'c';
        return cre && (after.equals("s")
                || after.length() >= 2 && after.charAt(0) == 't' && "eio".indexOf(after.charAt(1)) >= 0);
    }

    static boolean isVowelLetter(char c) {
        return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
    }

    private record Prefix(String letters, int syllables) {
    }

    private record Suffix(String letters, int syllables) {
    }
}
