package org.imprimatur.delivery;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.text.TextContentRenderer;
import org.imprimatur.article.CitationMarkers;
import org.imprimatur.article.ImageSources;
import org.imprimatur.article.MarkdownRules;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Safelist;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Markdown in, safe HTML out: CommonMark with raw HTML escaped, citation markers turned into links
 * to the reference list ({@code #ref-key}), then an allow-list sanitizer, so that nothing a parser
 * lets through can run in a reader's browser.
 */
public final class MarkdownRenderer {

    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer HTML = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();
    private static final TextContentRenderer TEXT = TextContentRenderer.builder().build();
    // Relative links resolve against this placeholder while jsoup checks protocols; they are kept
    // relative (preserveRelativeLinks), and nothing is ever rewritten from it.
    private static final String BASE = "https://article.invalid/";
    private static final Allowed SITE_ONLY = allowing(ImageSources.siteOnly());
    private static final Document.OutputSettings OUTPUT = new Document.OutputSettings().prettyPrint(false);

    private MarkdownRenderer() {
    }

    /** What rendered HTML may show: image sources and the sanitizer that goes with them. */
    public static final class Allowed {
        private final ImageSources images;
        private final Safelist safelist;

        private Allowed(ImageSources images, Safelist safelist) {
            this.images = images;
            this.safelist = safelist;
        }
    }

    public static Allowed allowing(ImageSources images) {
        return new Allowed(images, safelist(images));
    }

    /**
     * The allow-list: relaxed jsoup minus styling hooks ({@code class} is not kept, so content cannot
     * borrow a site's styles), links to http, https, mailto and anchors, and images only where
     * {@code images} allows: a remote image is a request every reader's browser makes to its host,
     * i.e. a tracking pixel (docs/delivery.md). A second line behind the checks on the Markdown tree.
     */
    static Safelist safelist(ImageSources images) {
        return new Safelist(Safelist.relaxed()
                .removeTags("img")
                .addTags("img")
                .addAttributes("img", "src", "alt", "title")
                .addProtocols("img", "src", "https")
                .addProtocols("a", "href", "http", "https", "mailto", "#")
                .preserveRelativeLinks(true)) {
            @Override
            public boolean isSafeAttribute(String tagName, Element element, Attribute attribute) {
                if (tagName.equals("img") && attribute.getKey().equals("src") && !images.allows(attribute.getValue())) {
                    return false;
                }
                if (tagName.equals("a") && attribute.getKey().equals("href")
                        && !MarkdownRules.isSafeLinkTarget(attribute.getValue())) {
                    return false;
                }
                return super.isSafeAttribute(tagName, element, attribute);
            }
        };
    }

    /** Citation keys numbered by their place in the list, as the markers in bodies show them. */
    public static Map<String, Integer> citationNumbers(java.util.List<org.imprimatur.article.Citation> citations) {
        return numbersOfKeys(citations.stream().map(org.imprimatur.article.Citation::key).toList());
    }

    /** Citation keys, in list order, numbered from 1; a repeated key keeps its first number. */
    public static Map<String, Integer> numbersOfKeys(java.util.List<String> keys) {
        Map<String, Integer> numbers = new java.util.HashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            numbers.putIfAbsent(keys.get(i), i + 1);
        }
        return numbers;
    }

    /** Sanitized HTML of a section body, with no remote images. */
    public static String html(String markdown, Map<String, Integer> citationNumbers) {
        return html(markdown, citationNumbers, SITE_ONLY);
    }

    /** Sanitized HTML of a section body; {@code citationNumbers} maps citation keys to their place in the list. */
    public static String html(String markdown, Map<String, Integer> citationNumbers, Allowed allowed) {
        Node document = PARSER.parse(markdown);
        disarm(document, allowed.images);
        linkCitationMarkers(document, citationNumbers);
        return Jsoup.clean(HTML.render(document), BASE, allowed.safelist, OUTPUT);
    }

    /**
     * Bodies stored before today's rules may hold images or links that saving now refuses: an image
     * from a host not allowed becomes its alt text, a link whose target is not safe becomes its text.
     */
    private static void disarm(Node document, ImageSources images) {
        List<Node> refused = new ArrayList<>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Image image) {
                if (!images.allows(image.getDestination())) {
                    refused.add(image);
                }
                visitChildren(image);
            }

            @Override
            public void visit(Link link) {
                if (!MarkdownRules.isSafeLinkTarget(link.getDestination())) {
                    refused.add(link);
                }
                visitChildren(link);
            }
        });
        for (Node node : refused) {
            Node child = node.getFirstChild();
            while (child != null) {
                Node next = child.getNext();
                node.insertBefore(child);
                child = next;
            }
            node.unlink();
        }
    }

    /** The body as plain text, for structured data. */
    public static String text(String markdown) {
        return TEXT.render(PARSER.parse(markdown)).strip();
    }

    private static void linkCitationMarkers(Node document, Map<String, Integer> citationNumbers) {
        List<Text> texts = new ArrayList<>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Text text) {
                texts.add(text);
            }
        });
        for (Text text : texts) {
            String literal = text.getLiteral();
            List<CitationMarkers.Marker> markers = CitationMarkers.markersIn(literal);
            if (markers.isEmpty()) {
                continue;
            }
            int position = 0;
            for (CitationMarkers.Marker marker : markers) {
                text.insertBefore(new Text(literal.substring(position, marker.start()) + "["));
                for (int i = 0; i < marker.keys().size(); i++) {
                    String key = marker.keys().get(i);
                    if (i > 0) {
                        text.insertBefore(new Text(", "));
                    }
                    Integer number = citationNumbers.get(key);
                    if (number == null) {
                        text.insertBefore(new Text(key));
                    } else {
                        Link link = new Link("#ref-" + key, null);
                        link.appendChild(new Text(String.valueOf(number)));
                        text.insertBefore(link);
                    }
                }
                text.insertBefore(new Text("]"));
                position = marker.end();
            }
            text.insertBefore(new Text(literal.substring(position)));
            text.unlink();
        }
    }
}
