package org.imprimatur.article;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** docs/content-model.md, "Images": decided on the parsed, resolved URL (security finding 5). */
class ImageSourcesTest {

    private static final ImageSources SOURCES = new ImageSources(
            URI.create("https://imprimatur.example/api/v1/articles/"), Set.of("Images.Example.org"));

    @ParameterizedTest
    @ValueSource(strings = {
            "//evil.example/p.png",
            "https://article.invalid//evil.example/p.png",
            "https:/evil.example/p.png",
            "https:evil.example/p.png",
            "\\\\evil.example/p.png",
            "/\\evil.example/p.png",
            "https://images.example.org@evil.example/",
            "https://evil.example\\@images.example.org/",
            "https://evil.example%5C@images.example.org/",
            "https://user@images.example.org/p.png",
            "HTTPS://EVIL.EXAMPLE/p.png",
            "https://%65vil.example/p.png",
            "https://images%2Eexample.org/p.png",
            "https://ｅvil.example/p.png",
            "https://evil.example\t/p.png",
            "\t//evil.example/p.png",
            "/\t/evil.example/p.png",
            "https://images.example.org\n.evil.example/p.png",
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            "data:image/png;base64,AAAA",
            "http://images.example.org/p.png",
            "ftp://images.example.org/p.png",
            "https://images.example.org.evil.example/p.png",
            "https://[::1]/p.png",
            "https:///p.png",
            ""
    })
    void refused(String source) {
        assertTrue(SOURCES.refusal(source).isPresent(), source + " should be refused");
        assertFalse(SOURCES.allows(source));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "p.png",
            "./img/p.png",
            "../p.png",
            "/img/p.png",
            "/img/p.png?size=2#top",
            "https://images.example.org/p.png",
            "HTTPS://Images.Example.ORG/p.png",
            "https://images.example.org:8443/p.png",
            "https://imprimatur.example/img/p.png"
    })
    void allowed(String source) {
        assertEquals(java.util.Optional.empty(), SOURCES.refusal(source), source);
    }

    @Test
    void siteOnlyShowsPathsButNoHost() {
        ImageSources siteOnly = ImageSources.siteOnly();
        assertTrue(siteOnly.allows("/img/p.png"));
        assertTrue(siteOnly.allows("p.png"));
        for (String source : List.of("https://images.example.org/p.png", "https://site.invalid/p.png",
                "https://article.invalid//evil.example/p.png")) {
            assertFalse(siteOnly.allows(source), source);
        }
    }

    @Test
    void theReasonNamesWhatIsWrong() {
        assertEquals("host evil.example is not an allowed image host (IMPRIMATUR_DELIVERY_IMAGE_HOSTS)",
                SOURCES.refusal("https://evil.example/p.png").orElseThrow());
        assertTrue(SOURCES.refusal("//evil.example/p.png").orElseThrow().contains("protocol-relative"));
    }

    /** Links get the same treatment where a browser would read a target differently. */
    @ParameterizedTest
    @ValueSource(strings = {"//evil.example/", "\\\\evil.example/", "/\\evil.example/", "java\tscript:alert(1)",
            "javascript:alert(1)", "JAVASCRIPT:alert(1)", "data:text/html,hi", "https:/evil.example/",
            "https://www.nhs.uk@evil.example/", "#top\tx", ""})
    void unsafeLinkTargets(String target) {
        assertFalse(MarkdownRules.isSafeLinkTarget(target), target);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://www.nhs.uk/", "HTTP://example.org/a", "/eczema", "eczema#causes", "#ref-lee-2021",
            "mailto:editors@example.org"})
    void safeLinkTargets(String target) {
        assertTrue(MarkdownRules.isSafeLinkTarget(target), target);
    }
}
