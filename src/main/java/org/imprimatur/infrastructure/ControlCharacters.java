package org.imprimatur.infrastructure;

import java.util.List;
import java.util.Optional;

/**
 * The one rule for control characters in text people type (docs/security.md, "Control characters"),
 * and the two ways out for text that may still hold them (rows written before the rule): mail
 * headers and log lines.
 *
 * <p>A <em>line</em> (a title, a name, a key) holds none of: C0 controls U+0000–U+001F, DEL and the
 * C1 controls U+007F–U+009F, the line and paragraph separators U+2028 and U+2029, and the bidi
 * embeddings, overrides and isolates U+202A–U+202E and U+2066–U+2069. A line reaches e-mail
 * subjects, log lines and lists, where a line break starts a forged header or log record and a
 * bidi override makes the text read differently from what it is.
 *
 * <p>A <em>text</em> (a Markdown body, a review comment, a retraction reason) may also hold tabs
 * and line breaks, LF or CRLF (browsers send a textarea's lines with CRLF, kept as written so that
 * the content hash of text saved before does not change), and bidi controls, which right-to-left
 * passages may need and which end at the paragraph. Every other control character is refused.
 */
public final class ControlCharacters {

    private ControlCharacters() {
    }

    /** Whether a code point is refused in a line. */
    public static boolean forbiddenInLine(int codePoint) {
        return codePoint <= 0x1F || (codePoint >= 0x7F && codePoint <= 0x9F)
                || codePoint == 0x2028 || codePoint == 0x2029
                || (codePoint >= 0x202A && codePoint <= 0x202E) || (codePoint >= 0x2066 && codePoint <= 0x2069);
    }

    /** Why a single-line value is refused, or empty when it may be stored; null is empty. */
    public static Optional<String> lineProblem(String value) {
        return firstRefused(value, (text, i) -> forbiddenInLine(text.codePointAt(i)))
                .map(found -> "must be a single line without control characters: " + name(found.codePoint())
                        + " at character " + found.position() + " is not allowed");
    }

    /** Why a multi-line value is refused, or empty when it may be stored; null is empty. */
    public static Optional<String> textProblem(String value) {
        return firstRefused(value, (text, i) -> {
            int codePoint = text.codePointAt(i);
            boolean allowed = codePoint == '\n' || codePoint == '\t'
                    || (codePoint == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n')
                    || (codePoint >= 0x202A && codePoint <= 0x202E) || (codePoint >= 0x2066 && codePoint <= 0x2069);
            return !allowed && forbiddenInLine(codePoint);
        }).map(found -> "contains " + name(found.codePoint()) + " at character " + found.position()
                + "; of the control characters only tabs and line breaks (LF or CRLF) are allowed");
    }

    /** The first refused character: its code point and its position, counted in characters from 1. */
    private record Refused(int codePoint, int position) {
    }

    /** Decides one character of a text, given the text and the character's index (it may look at the next). */
    private interface Rule {
        boolean refuses(String text, int index);
    }

    private static Optional<Refused> firstRefused(String value, Rule rule) {
        if (value == null) {
            return Optional.empty();
        }
        int position = 0;
        for (int i = 0; i < value.length(); i += Character.charCount(value.codePointAt(i))) {
            position++;
            if (rule.refuses(value, i)) {
                return Optional.of(new Refused(value.codePointAt(i), position));
            }
        }
        return Optional.empty();
    }

    /** Adds the field's error when a single-line value breaks the rule. */
    public static void checkLine(List<FieldError> errors, String field, String value) {
        lineProblem(value).ifPresent(problem -> errors.add(new FieldError(field, problem)));
    }

    /** Adds the field's error when a multi-line value breaks the rule. */
    public static void checkText(List<FieldError> errors, String field, String value) {
        textProblem(value).ifPresent(problem -> errors.add(new FieldError(field, problem)));
    }

    /**
     * A mail header's value with every run of characters refused in a line replaced by one space,
     * so that no stored text can end the header and start another.
     */
    public static String forHeader(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(value.length());
        boolean inRun = false;
        for (int i = 0; i < value.length(); i += Character.charCount(value.codePointAt(i))) {
            int codePoint = value.codePointAt(i);
            if (forbiddenInLine(codePoint)) {
                if (!inRun) {
                    out.append(' ');
                }
                inRun = true;
            } else {
                out.appendCodePoint(codePoint);
                inRun = false;
            }
        }
        return out.toString();
    }

    /**
     * A value for a log line, one line whatever it holds: {@code \n}, {@code \r} and {@code \t} as
     * those escapes, every other character refused in a line as {@code \}{@code uXXXX}, and the
     * backslash doubled so that typed escapes cannot pass for ours.
     */
    public static String forLog(Object value) {
        if (value == null) {
            return "null";
        }
        String text = value.toString();
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (forbiddenInLine(c)) {
                        out.append(String.format("\\u%04X", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    private static String name(int codePoint) {
        return String.format("U+%04X", codePoint);
    }
}
