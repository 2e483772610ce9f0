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
 * What a section body may contain: CommonMark without raw HTML, and links and images only to
 * http(s), mailto, relative addresses within the site, or anchors on the page. Checked at save time so that unsafe input is
 * refused at the door; delivery also sanitizes what it renders.
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
    public static List<String> violations(String markdown) {
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
                checkDestination("link", link.getDestination());
                visitChildren(link);
            }

            @Override
            public void visit(Image image) {
                checkDestination("image", image.getDestination());
                visitChildren(image);
            }

            private void checkDestination(String what, String destination) {
                if (!isSafeDestination(destination)) {
                    violations.add(what + " target must be an http(s) or mailto URL, a relative address or an anchor: "
                            + abbreviate(destination));
                }
            }
        });
        return violations;
    }

    static boolean isSafeDestination(String destination) {
        String trimmed = destination.strip();
        if (trimmed.startsWith("#")) {
            return true;
        }
        try {
            URI uri = new URI(trimmed);
            if (uri.getScheme() == null) {
                return true; // a relative link within the site
            }
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            return LINK_SCHEMES.contains(scheme) && (scheme.equals("mailto") || uri.getHost() != null);
        } catch (Exception notAUri) {
            return false;
        }
    }

    private static String abbreviate(String text) {
        String oneLine = text.strip().replaceAll("\\s+", " ");
        return oneLine.length() <= 60 ? oneLine : oneLine.substring(0, 57) + "...";
    }
}
