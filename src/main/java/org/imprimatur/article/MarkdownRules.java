package org.imprimatur.article;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a section body may contain: CommonMark without raw HTML, links only to http(s), mailto,
 * relative addresses within the site or anchors on the page, and images only from where
 * {@link ImageSources} allows. Checked at save time so that unsafe input is refused at the door;
 * delivery applies the same rules again to what it renders.
 */
public final class MarkdownRules {

    private static final Parser PARSER = Parser.builder().build();
    private static final Set<String> LINK_SCHEMES = Set.of("http", "https", "mailto");

    private MarkdownRules() {
    }

    public static Node parse(String markdown) {
        return PARSER.parse(markdown);
    }

    /** Human-readable reasons the body is refused; empty when it is acceptable. */
    public static List<String> violations(String markdown, ImageSources images) {
        List<String> violations = new ArrayList<>();
        parse(markdown).accept(new AbstractVisitor() {
            @Override
            public void visit(HtmlBlock htmlBlock) {
                violations.add("raw HTML is not allowed in Markdown: " + abbreviate(htmlBlock.getLiteral()));
            }

            @Override
            public void visit(HtmlInline htmlInline) {
                violations.add("raw HTML is not allowed in Markdown: " + abbreviate(htmlInline.getLiteral()));
            }

            @Override
            public void visit(Link link) {
                if (!isSafeLinkTarget(link.getDestination())) {
                    violations.add("link target must be an http(s) or mailto URL, a relative address or an anchor: "
                            + abbreviate(link.getDestination()));
                }
                visitChildren(link);
            }

            @Override
            public void visit(Image image) {
                images.refusal(image.getDestination()).ifPresent(reason ->
                        violations.add("image source " + reason + ": " + abbreviate(image.getDestination())));
                visitChildren(image);
            }
        });
        return violations;
    }

    /**
     * Whether a link may point there. Like an image source, it is decided on the parsed URL, and
     * spellings that browsers read differently from {@link URI} are refused: backslashes and
     * whitespace (a browser turns {@code \\host} into {@code //host} and drops tabs, so
     * {@code java\tscript:} runs) and protocol-relative {@code //host}, whose scheme is the page's.
     */
    public static boolean isSafeLinkTarget(String destination) {
        if (destination == null || destination.isEmpty()) {
            return false;
        }
        if (destination.startsWith("#")) {
            return destination.chars().noneMatch(c -> c <= 0x20 || c == 0x7f || c == '\\');
        }
        if (destination.startsWith("//") || destination.chars().anyMatch(c -> c <= 0x20 || c == 0x7f || c == '\\')) {
            return false;
        }
        try {
            URI uri = new URI(destination);
            if (uri.getScheme() == null) {
                return uri.getRawAuthority() == null; // a relative link within the site
            }
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            if (scheme.equals("mailto")) {
                return uri.isOpaque();
            }
            return LINK_SCHEMES.contains(scheme) && uri.getHost() != null && uri.getRawUserInfo() == null;
        } catch (Exception notAUri) {
            return false;
        }
    }

    private static String abbreviate(String text) {
        String oneLine = text.strip().replaceAll("\\s+", " ");
        return oneLine.length() <= 60 ? oneLine : oneLine.substring(0, 57) + "...";
    }
}
