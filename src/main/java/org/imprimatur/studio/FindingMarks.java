package org.imprimatur.studio;

import org.imprimatur.delivery.MarkdownRenderer;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A section body rendered by the delivery API's renderer with the sentences that findings concern
 * wrapped in {@code <mark>}, each described by its findings' messages and followed by their numbers
 * (docs/studio.md, "Checks"). A finding's range is in the body as written; two characters of
 * Unicode's private use area stand at its ends while the Markdown is rendered, so that the marks
 * land where the renderer puts the sentence. A sentence that starts or ends inside an element
 * (emphasis that runs on past it) is marked run of text by run of text, so that no element is cut;
 * a mark whose sentinels would change how the body parses is left out, and its finding is still listed.
 */
final class FindingMarks {

    private static final char OPEN = '\uE000';
    private static final char CLOSE = '\uE001';
    private static final Set<String> VOID = Set.of("br", "img", "hr", "wbr", "input");

    /** The sentence {@code [start, end)} of a body, and the number of the finding about it. */
    record Mark(int start, int end, int number) {
    }

    private FindingMarks() {
    }

    private record Span(int start, int end, List<Integer> numbers) {
    }

    static String html(String body, List<Mark> marks, Map<String, Integer> citationNumbers) {
        String text = body == null ? "" : body;
        List<Span> spans = spans(text, marks);
        if (spans.isEmpty() || text.indexOf(OPEN) >= 0 || text.indexOf(CLOSE) >= 0) {
            return MarkdownRenderer.html(text, citationNumbers);
        }
        StringBuilder marked = new StringBuilder(text.length() + spans.size() * 2);
        int from = 0;
        for (Span span : spans) {
            marked.append(text, from, span.start()).append(OPEN).append(text, span.start(), span.end()).append(CLOSE);
            from = span.end();
        }
        marked.append(text, from, text.length());
        String plain = MarkdownRenderer.html(text, citationNumbers);
        String html = MarkdownRenderer.html(marked.toString(), citationNumbers);
        // a sentinel that changed how the Markdown parses (say, before a list's bullet) shows no marks at all
        if (!html.replace(String.valueOf(OPEN), "").replace(String.valueOf(CLOSE), "").equals(plain)) {
            return plain;
        }
        return placed(html, spans);
    }

    /** Ranges inside the body, in order; findings on the same sentence share one mark, overlapping ones are dropped. */
    private static List<Span> spans(String text, List<Mark> marks) {
        List<Mark> sorted = new ArrayList<>(marks);
        sorted.sort(Comparator.comparingInt(Mark::start).thenComparingInt(Mark::end));
        List<Span> spans = new ArrayList<>();
        for (Mark mark : sorted) {
            if (mark.start() < 0 || mark.end() > text.length() || mark.start() >= mark.end()) {
                continue;
            }
            Span last = spans.isEmpty() ? null : spans.get(spans.size() - 1);
            if (last != null && last.start() == mark.start() && last.end() == mark.end()) {
                last.numbers().add(mark.number());
            } else if (last == null || mark.start() >= last.end()) {
                List<Integer> numbers = new ArrayList<>();
                numbers.add(mark.number());
                spans.add(new Span(mark.start(), mark.end(), numbers));
            }
        }
        return spans;
    }

    /** The sentinels turned into marks, pair by pair; any pair the renderer moved or split is taken out. */
    private static String placed(String html, List<Span> spans) {
        List<Integer> opens = new ArrayList<>();
        List<Integer> closes = new ArrayList<>();
        for (int i = 0; i < html.length(); i++) {
            if (html.charAt(i) == OPEN) {
                opens.add(i);
            } else if (html.charAt(i) == CLOSE) {
                closes.add(i);
            }
        }
        boolean paired = opens.size() == spans.size() && closes.size() == spans.size();
        for (int i = 0; paired && i < spans.size(); i++) {
            paired = opens.get(i) < closes.get(i) && (i + 1 == spans.size() || closes.get(i) < opens.get(i + 1));
        }
        if (!paired) {
            return html.replace(String.valueOf(OPEN), "").replace(String.valueOf(CLOSE), "");
        }
        StringBuilder out = new StringBuilder(html.length() + spans.size() * 160);
        int from = 0;
        for (int i = 0; i < spans.size(); i++) {
            int open = opens.get(i);
            int close = closes.get(i);
            String inside = html.substring(open + 1, close);
            out.append(html, from, open);
            if (outsideTags(html, open) && outsideTags(html, close)) {
                List<Integer> numbers = spans.get(i).numbers();
                StringBuilder described = new StringBuilder();
                for (Integer number : numbers) {
                    described.append(described.isEmpty() ? "" : " ").append("finding-").append(number).append("-message");
                }
                String first = "<mark id=\"mark-" + numbers.get(0) + "\" aria-describedby=\"" + described + "\">";
                if (balanced(inside)) {
                    out.append(first).append(inside).append("</mark>");
                } else {
                    markTextRuns(out, inside, first);
                }
                for (Integer number : numbers) {
                    out.append("<a class=\"finding-ref\" href=\"#finding-").append(number)
                            .append("\"><span class=\"visually-hidden\">finding </span>").append(number).append("</a>");
                }
            } else {
                out.append(inside);
            }
            from = close + 1;
        }
        out.append(html, from, html.length());
        return out.toString();
    }

    /**
     * A sentence that starts or ends inside an element (emphasis running on from the sentence before):
     * each run of its text is marked apart, so that no element is cut; the first run carries the description.
     */
    private static void markTextRuns(StringBuilder out, String inside, String first) {
        boolean described = false;
        int at = 0;
        while (at < inside.length()) {
            int tag = inside.indexOf('<', at);
            int textEnd = tag < 0 ? inside.length() : tag;
            if (textEnd > at) {
                out.append(described ? "<mark>" : first).append(inside, at, textEnd).append("</mark>");
                described = true;
            }
            if (tag < 0) {
                break;
            }
            int tagEnd = inside.indexOf('>', tag);
            out.append(inside, tag, tagEnd + 1);
            at = tagEnd + 1;
        }
    }

    /** Whether a position is in text, not within a tag's angle brackets. */
    private static boolean outsideTags(String html, int at) {
        return html.lastIndexOf('<', at) <= html.lastIndexOf('>', at);
    }

    /** Whether every element opened in a piece of HTML is closed in it, and nothing closes that it did not open. */
    static boolean balanced(String html) {
        Deque<String> open = new ArrayDeque<>();
        int i = html.indexOf('<');
        while (i >= 0) {
            int end = html.indexOf('>', i);
            if (end < 0) {
                return false;
            }
            String tag = html.substring(i + 1, end);
            boolean closing = tag.startsWith("/");
            String name = tag.replaceFirst("^/", "").split("[\\s/]", 2)[0].toLowerCase(java.util.Locale.ROOT);
            if (closing) {
                if (open.isEmpty() || !open.pop().equals(name)) {
                    return false;
                }
            } else if (!VOID.contains(name) && !tag.endsWith("/")) {
                open.push(name);
            }
            i = html.indexOf('<', end);
        }
        return open.isEmpty();
    }
}
