package org.imprimatur.delivery;

import org.imprimatur.article.ImageSources;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MarkdownRendererTest {

    private static final Map<String, Integer> NUMBERS = Map.of("lee-2021", 1, "kim-2022", 2);

    @Test
    void citationMarkersBecomeLinksToTheReferenceList() {
        assertEquals("<p>Fibre helps [<a href=\"#ref-lee-2021\">1</a>, <a href=\"#ref-kim-2022\">2</a>].</p>",
                MarkdownRenderer.html("Fibre helps [@lee-2021; @kim-2022].", NUMBERS).strip());
        assertEquals("<p>See <em>this</em> [<a href=\"#ref-kim-2022\">2</a>]</p>",
                MarkdownRenderer.html("See *this* [@kim-2022]", NUMBERS).strip());
    }

    @Test
    void ordinaryMarkdownSurvives() {
        String html = MarkdownRenderer.html("Intro\n\n- one\n- **two**\n\n[NHS](https://www.nhs.uk/) and [more](/eczema)", NUMBERS);
        assertTrue(html.contains("<li><strong>two</strong></li>"), html);
        assertTrue(html.contains("href=\"https://www.nhs.uk/\""), html);
        assertTrue(html.contains("href=\"/eczema\""), html);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "[click](javascript:alert(1))",
            "[click](JaVaScRiPt:alert(1))",
            "[click](&#106;avascript:alert(1))",
            "[click](java\tscript:alert(1))",
            "![x](x\" onerror=\"alert(1))",
            "![x](javascript:alert(1))",
            "<img src=x onerror=alert(1)>",
            "<script>alert(1)</script>",
            "<a href=\"javascript:alert(1)\">x</a>",
            "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
            "<javascript:alert(1)>",
            "[x](vbscript:msgbox(1))",
            "<svg onload=alert(1)>",
            "&lt;script&gt;alert(1)&lt;/script&gt;"
    })
    void xssVectorsComeOutInert(String markdown) {
        String html = MarkdownRenderer.html(markdown, NUMBERS);
        Document document = Jsoup.parseBodyFragment(html);
        assertTrue(document.select("script, svg, iframe, object, embed, style").isEmpty(), html);
        for (Element element : document.getAllElements()) {
            for (Attribute attribute : element.attributes()) {
                assertFalse(attribute.getKey().toLowerCase(java.util.Locale.ROOT).startsWith("on"), "event handler in " + html);
                if (attribute.getKey().equals("href") || attribute.getKey().equals("src")) {
                    String url = attribute.getValue().strip().toLowerCase(java.util.Locale.ROOT);
                    assertTrue(url.isEmpty() || url.startsWith("https://") || url.startsWith("http://")
                            || url.startsWith("mailto:") || url.startsWith("#") || url.startsWith("/"),
                            "unsafe URL " + url + " in " + html);
                }
            }
        }
    }

    private static final MarkdownRenderer.Allowed IMAGES_EXAMPLE_ORG = MarkdownRenderer.allowing(
            new ImageSources(URI.create("https://imprimatur.example/api/v1/articles/"), Set.of("IMAGES.example.org")));

    /** docs/delivery.md: no tracking pixels, no borrowed styling. */
    @Test
    void remoteImagesOnlyFromConfiguredHostsAndNoClassAttribute() {
        String markdown = "![chart](https://tracker.example/pixel.gif) ![ok](https://images.example.org/rash.png) ![own](/img/rash.png)";
        Document none = Jsoup.parseBodyFragment(MarkdownRenderer.html(markdown, NUMBERS));
        assertEquals(List.of("/img/rash.png"), none.select("img").stream().map(img -> img.attr("src")).toList());
        Document configured = Jsoup.parseBodyFragment(MarkdownRenderer.html(markdown, NUMBERS, IMAGES_EXAMPLE_ORG));
        assertEquals(List.of("https://images.example.org/rash.png", "/img/rash.png"),
                configured.select("img").stream().map(img -> img.attr("src")).toList());
        assertEquals(List.of("ok", "own"), configured.select("img").stream().map(img -> img.attr("alt")).toList());
        assertTrue(configured.text().contains("chart"), "a refused image leaves its alt text: " + configured.body().html());

        String classy = MarkdownRenderer.html("<a class=\"btn\" href=\"/x\">x</a> [y](/y)", NUMBERS);
        assertTrue(Jsoup.parseBodyFragment(classy).select("[class]").isEmpty(), classy);
    }

    /**
     * Security finding 5: bodies saved before images were checked at save may hold sources that
     * only look like the site's own; the HTML must not make a reader's browser fetch them.
     */
    @ParameterizedTest
    @ValueSource(strings = {
            "![x](https://article.invalid//evil.example/p.png)",
            "![x](//evil.example/p.png)",
            "![x](https:/evil.example/p.png)",
            "![x](<\\\\\\\\evil.example/p.png>)",
            "![x](</\\evil.example/p.png>)",
            "![x](https://images.example.org@evil.example/p.png)",
            "![x](https://evil.example\\@images.example.org/p.png)",
            "![x](HTTPS://EVIL.example/p.png)",
            "![x](https://%65vil.example/p.png)",
            "![x](<https://evil.example\t/p.png>)",
            "![x](<\t//evil.example/p.png>)",
            "![x](javascript:alert(1))",
            "![x](data:image/png;base64,AAAA)",
            "![x](http://images.example.org/p.png)"
    })
    void aStoredImageFromAHostNotAllowedIsNotFetched(String markdown) {
        String html = MarkdownRenderer.html("Before " + markdown + " after", NUMBERS, IMAGES_EXAMPLE_ORG);
        Document document = Jsoup.parseBodyFragment(html);
        assertEquals(List.of(), document.select("img[src]").eachAttr("src"), html);
        assertFalse(html.contains("evil.example"), html);
        assertTrue(document.text().contains("x"), "the alt text stays: " + html);
    }

    @Test
    void imagesThatAreAllowedStay() {
        String html = MarkdownRenderer.html("![a](HTTPS://Images.Example.org/a.png) ![b](p.png) ![c](/img/c.png)",
                NUMBERS, IMAGES_EXAMPLE_ORG);
        assertEquals(List.of("HTTPS://Images.Example.org/a.png", "p.png", "/img/c.png"),
                Jsoup.parseBodyFragment(html).select("img").eachAttr("src"), html);
    }

    /** The old renderer rewrote its placeholder base to {@code /}, which made {@code //evil.example} of this. */
    @Test
    void nothingIsRewrittenFromThePlaceholderBase() {
        String html = MarkdownRenderer.html("[x](https://article.invalid//evil.example/)", NUMBERS, IMAGES_EXAMPLE_ORG);
        assertEquals(List.of("https://article.invalid//evil.example/"),
                Jsoup.parseBodyFragment(html).select("a[href]").eachAttr("href"), html);
    }

    /** Links that a browser would read differently from the check lose their target. */
    @ParameterizedTest
    @ValueSource(strings = {
            "[x](//evil.example/)",
            "[x](<\\\\\\\\evil.example/>)",
            "[x](</\\evil.example/>)",
            "[x](<java\tscript:alert(1)>)",
            "[x](https://www.nhs.uk@evil.example/)"
    })
    void aStoredLinkThatBrowsersReadDifferentlyLosesItsTarget(String markdown) {
        String html = MarkdownRenderer.html(markdown, NUMBERS, IMAGES_EXAMPLE_ORG);
        Document document = Jsoup.parseBodyFragment(html);
        assertEquals(List.of(), document.select("a[href]").eachAttr("href"), html);
        assertTrue(document.text().contains("x"), html);
    }
}
