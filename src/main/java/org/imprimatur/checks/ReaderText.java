package org.imprimatur.checks;

import org.commonmark.node.BlockQuote;
import org.commonmark.node.Code;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.Text;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import org.imprimatur.article.CitationMarkers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * A section body as its reader sees it (docs/clinical-checks.md, "What readers see"): the text of
 * its paragraphs, list items and headings, without Markdown syntax, link addresses, images, code or
 * raw HTML, cut into sentences that keep their place in the body as written. Citation markers are
 * taken out of the text and given to the sentence they sit in or right after.
 */
final class ReaderText {

    private static final Parser PARSER = Parser.builder().includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES).build();
    /** How far the text of a node may run ahead of its source: an escape or an entity ("&amp;") is shorter than this. */
    private static final int ALIGNMENT_LOOKAHEAD = 40;

    private ReaderText() {
    }

    static List<ReaderSentence> sentencesOf(String body) {
        Node document = PARSER.parse(body);
        List<Draft> drafts = new ArrayList<>();
        Node node = document.getFirstChild();
        while (node != null) {
            boolean descend = node instanceof BlockQuote || node instanceof ListBlock || node instanceof ListItem;
            if (node instanceof Paragraph || node instanceof Heading) {
                readBlock(node, body, node instanceof Heading, drafts);
            }
            // code blocks, thematic breaks, raw HTML and link reference definitions show no prose
            node = next(node, document, descend);
        }
        List<ReaderSentence> sentences = new ArrayList<>(drafts.size());
        for (Draft draft : drafts) {
            sentences.add(new ReaderSentence(draft.start, draft.end, draft.text, List.copyOf(draft.keys), draft.heading));
        }
        return sentences;
    }

    /** The next node in document order below {@code root}, without recursion (a body may nest deeply). */
    private static Node next(Node node, Node root, boolean descend) {
        if (descend && node.getFirstChild() != null) {
            return node.getFirstChild();
        }
        Node current = node;
        while (current.getNext() == null) {
            current = current.getParent();
            if (current == null || current == root) {
                return null;
            }
        }
        return current.getNext();
    }

    private static void readBlock(Node block, String body, boolean heading, List<Draft> drafts) {
        StringBuilder text = new StringBuilder();
        Offsets offsets = new Offsets();
        Node node = block.getFirstChild();
        while (node != null) {
            boolean descend = false;
            if (node instanceof Text textNode) {
                appendAligned(textNode.getLiteral(), textNode.getSourceSpans(), body, text, offsets);
            } else if (node instanceof SoftLineBreak || node instanceof HardLineBreak) {
                List<SourceSpan> spans = node.getSourceSpans();
                text.append(' ');
                offsets.add(spans.isEmpty() ? offsets.lastOr(blockStart(block)) : spans.get(0).getInputIndex());
            } else {
                // links and emphasis show their text; images, code and raw HTML show no prose
                descend = !(node instanceof Image || node instanceof Code || node instanceof HtmlInline);
            }
            node = next(node, block, descend);
        }
        splitIntoSentences(text, offsets, heading, drafts);
    }

    private static int blockStart(Node block) {
        List<SourceSpan> spans = block.getSourceSpans();
        return spans.isEmpty() ? 0 : spans.get(0).getInputIndex();
    }

    /**
     * Appends a text node and the body offset of each of its characters. Usually the node's text is
     * its source; where escapes or entities make it shorter, each character is matched to the next
     * equal source character within a short distance, which keeps the walk linear.
     */
    private static void appendAligned(String literal, List<SourceSpan> spans, String body, StringBuilder text,
                                      Offsets offsets) {
        int total = 0;
        for (SourceSpan span : spans) {
            total += span.getLength();
        }
        int[] positions = new int[total];
        int p = 0;
        for (SourceSpan span : spans) {
            for (int k = 0; k < span.getLength(); k++) {
                positions[p++] = span.getInputIndex() + k;
            }
        }
        text.append(literal);
        if (positions.length == 0) {
            for (int i = 0; i < literal.length(); i++) {
                offsets.add(offsets.lastOr(0));
            }
            return;
        }
        int cursor = 0;
        for (int i = 0; i < literal.length(); i++) {
            char c = literal.charAt(i);
            int found = -1;
            for (int q = cursor; q < positions.length && q < cursor + ALIGNMENT_LOOKAHEAD; q++) {
                if (body.charAt(positions[q]) == c) {
                    found = q;
                    break;
                }
            }
            if (found >= 0) {
                offsets.add(positions[found]);
                cursor = found + 1;
            } else {
                offsets.add(positions[Math.min(cursor, positions.length - 1)]);
            }
        }
    }

    /** Takes the markers out of a block's text, cuts the rest into sentences and hands each marker to its sentence. */
    private static void splitIntoSentences(StringBuilder text, Offsets offsets, boolean heading, List<Draft> drafts) {
        StringBuilder clean = new StringBuilder(text.length());
        Offsets cleanOffsets = new Offsets();
        List<Anchor> anchors = new ArrayList<>();
        int from = 0;
        for (CitationMarkers.Marker marker : CitationMarkers.markersIn(text.toString())) {
            copy(text, offsets, from, marker.start(), clean, cleanOffsets);
            // "eczema [@lee-2021]." reads "eczema."
            while (!clean.isEmpty() && Character.isWhitespace(clean.charAt(clean.length() - 1))) {
                clean.setLength(clean.length() - 1);
                cleanOffsets.removeLast();
            }
            anchors.add(new Anchor(clean.length(), marker.keys(), offsets.get(marker.end() - 1) + 1));
            from = marker.end();
        }
        copy(text, offsets, from, text.length(), clean, cleanOffsets);

        List<int[]> ranges = SentenceSplitter.split(clean);
        if (ranges.isEmpty()) {
            // a paragraph holding only a marker cites for the sentence before it
            if (!drafts.isEmpty()) {
                Draft previous = drafts.get(drafts.size() - 1);
                for (Anchor anchor : anchors) {
                    previous.keys.addAll(anchor.keys());
                }
            }
            return;
        }
        int anchorIndex = 0;
        for (int r = 0; r < ranges.size(); r++) {
            int[] range = ranges.get(r);
            int nextStart = r + 1 < ranges.size() ? ranges.get(r + 1)[0] : Integer.MAX_VALUE;
            Draft draft = new Draft();
            draft.start = cleanOffsets.get(range[0]);
            draft.end = cleanOffsets.get(range[1] - 1) + 1;
            draft.text = collapseSpaces(clean, range[0], range[1]);
            draft.heading = heading;
            while (anchorIndex < anchors.size() && anchors.get(anchorIndex).position() < nextStart) {
                Anchor anchor = anchors.get(anchorIndex++);
                draft.keys.addAll(anchor.keys());
                draft.end = Math.max(draft.end, anchor.bodyEnd());
            }
            drafts.add(draft);
        }
    }

    private static void copy(StringBuilder text, Offsets offsets, int from, int to, StringBuilder clean, Offsets cleanOffsets) {
        for (int i = from; i < to; i++) {
            clean.append(text.charAt(i));
            cleanOffsets.add(offsets.get(i));
        }
    }

    private static String collapseSpaces(CharSequence text, int start, int end) {
        StringBuilder out = new StringBuilder(end - start);
        boolean space = false;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                space = true;
            } else {
                if (space && !out.isEmpty()) {
                    out.append(' ');
                }
                space = false;
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Where a marker stood in the clean text, what it cites, and where it ends in the body. */
    private record Anchor(int position, List<String> keys, int bodyEnd) {
    }

    private static final class Draft {
        private int start;
        private int end;
        private String text;
        private boolean heading;
        private final LinkedHashSet<String> keys = new LinkedHashSet<>();
    }

    /** A growable list of body offsets, one per character of a text being built. */
    private static final class Offsets {
        private int[] values = new int[64];
        private int size;

        void add(int value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        int get(int index) {
            return values[index];
        }

        int lastOr(int fallback) {
            return size == 0 ? fallback : values[size - 1];
        }

        void removeLast() {
            size--;
        }
    }
}
