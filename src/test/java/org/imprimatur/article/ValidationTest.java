package org.imprimatur.article;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.imprimatur.support.Api;
import org.imprimatur.support.ApiContract;
import org.imprimatur.support.Database;
import org.imprimatur.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each content rule refuses bad input with a problem document naming the field, and stores nothing. */
@QuarkusTest
class ValidationTest {

    @Inject
    AgroalDataSource dataSource;

    @TestHTTPResource("/api/v1/editorial/articles")
    URI articles;

    static Stream<Arguments> invalidContent() {
        return Stream.of(
                rule("slug with capitals", "slug", c -> c.put("slug", "Eczema-Gut")),
                rule("slug too short", "slug", c -> c.put("slug", "ab")),
                rule("slug with double hyphen", "slug", c -> c.put("slug", "gut--skin")),
                rule("slug missing", "slug", c -> c.remove("slug")),
                rule("title missing", "title", c -> c.remove("title")),
                rule("title too long", "title", c -> c.put("title", "t".repeat(201))),
                rule("summary too long", "summary", c -> c.put("summary", "s".repeat(501))),
                rule("language not BCP 47", "language", c -> c.put("language", "english please")),
                rule("too many tags", "tags", c -> c.put("tags", manyTags(21))),
                rule("tag not slug-like", "tags[0]", c -> c.put("tags", List.of("Not A Tag"))),
                rule("review interval zero", "reviewIntervalMonths", c -> c.put("reviewIntervalMonths", 0)),
                rule("change note too long", "changeNote", c -> c.put("changeNote", "n".repeat(501))),
                rule("unknown audience", "audience", c -> c.put("audience", "nurses")),
                rule("audience in capitals", "audience", c -> c.put("audience", "Clinicians")),
                rule("disclosures too long", "disclosures", c -> c.put("disclosures", "d".repeat(1_001))),
                rule("disclosures with a line break", "disclosures", c -> c.put("disclosures", "Funding: none.\nConflicts: none.")),
                rule("author credentials too long", "authorCredentials", c -> c.put("authorCredentials", "c".repeat(201))),
                rule("author credentials with a bidi override", "authorCredentials", c -> c.put("authorCredentials", "MRCGP\u202E")),
                rule("no sections", "sections", c -> c.put("sections", List.of())),
                rule("too many sections", "sections", c -> c.put("sections", manySections(201))),
                rule("duplicate section key", "sections[1].key", c -> sections(c).get(1).put("key", "intro")),
                rule("section key not slug-like", "sections[0].key", c -> sections(c).get(0).put("key", "Intro Part")),
                rule("heading too long", "sections[0].heading", c -> sections(c).get(0).put("heading", "h".repeat(201))),
                rule("unknown aspect", "sections[0].aspect", c -> sections(c).get(0).put("aspect", "gossip")),
                rule("body missing", "sections[0].body", c -> sections(c).get(0).remove("body")),
                rule("body too long", "sections[0].body", c -> sections(c).get(0).put("body", "b".repeat(100_001))),
                rule("raw HTML block", "sections[0].body", c -> sections(c).get(0).put("body", "<div>hello</div>")),
                rule("script in Markdown", "sections[0].body", c -> sections(c).get(0).put("body", "Hi <script>alert(1)</script>")),
                rule("javascript link", "sections[0].body", c -> sections(c).get(0).put("body", "[click](javascript:alert(1))")),
                rule("data image", "sections[0].body", c -> sections(c).get(0).put("body", "![x](data:image/png;base64,AAAA)")),
                rule("image behind the renderer's placeholder base", "sections[0].body",
                        c -> sections(c).get(0).put("body", "![x](https://article.invalid//evil.example/p.png)")),
                rule("protocol-relative image", "sections[0].body", c -> sections(c).get(0).put("body", "![x](//evil.example/p.png)")),
                rule("image from a host not allowed", "sections[0].body",
                        c -> sections(c).get(0).put("body", "![x](https://evil.example/p.png)")),
                rule("image with a user name", "sections[0].body",
                        c -> sections(c).get(0).put("body", "![x](https://localhost@evil.example/p.png)")),
                rule("image with backslashes", "sections[0].body", c -> sections(c).get(0).put("body", "![x](<\\\\\\\\evil.example/p.png>)")),
                rule("protocol-relative link", "sections[1].body", c -> sections(c).get(1).put("body", "[x](//evil.example/)")),
                rule("NUL character", "sections[0].body", c -> sections(c).get(0).put("body", "a\u0000b")),
                rule("too many citations", "citations", c -> c.put("citations", manyCitations(501))),
                rule("duplicate citation key", "citations[1].key", c -> citations(c).get(1).put("key", "lee-2021")),
                rule("unknown citation kind", "citations[0].kind", c -> citations(c).get(0).put("kind", "rumour")),
                rule("citation without title", "citations[0].title", c -> citations(c).get(0).remove("title")),
                rule("malformed DOI", "citations[0].doi", c -> citations(c).get(0).put("doi", "doi:12345")),
                rule("PMID with letters", "citations[0].pmid", c -> citations(c).get(0).put("pmid", "PMC123")),
                rule("javascript URL", "citations[0].url", c -> citations(c).get(0).put("url", "javascript:alert(1)")),
                rule("data URL", "citations[0].url", c -> citations(c).get(0).put("url", "data:text/html,hi")),
                rule("ftp URL", "citations[0].url", c -> citations(c).get(0).put("url", "ftp://example.org/x")),
                rule("no locator", "citations[0]", c -> citations(c).get(0).remove("doi")),
                rule("year in the far future", "citations[0].year", c -> citations(c).get(0).put("year", 3000)),
                // docs/security.md, "Control characters": single-line fields hold no control, separator or bidi character.
                rule("title with a header break", "title", c -> c.put("title", "Eczema\nReply-To: x@evil.example")),
                rule("title with CRLF", "title", c -> c.put("title", "Eczema\r\nBcc: x@evil.example")),
                rule("title with a bidi override", "title", c -> c.put("title", "Eczema \u202Etxt.exe")),
                rule("summary with a line separator", "summary", c -> c.put("summary", "One\u2028Two")),
                rule("summary with a line break", "summary", c -> c.put("summary", "One.\nTwo.")),
                rule("change note with a CR", "changeNote", c -> c.put("changeNote", "Fixed\rtypo")),
                rule("heading with a tab", "sections[1].heading", c -> sections(c).get(1).put("heading", "Diet\tand gut")),
                rule("heading with a C1 control", "sections[1].heading", c -> sections(c).get(1).put("heading", "Diet\u0085")),
                rule("section key with a line break", "sections[0].key", c -> sections(c).get(0).put("key", "intro\n")),
                rule("tag with a line break", "tags[0]", c -> c.put("tags", List.of("eczema\n"))),
                rule("citation key with a line break", "citations[0].key", c -> citations(c).get(0).put("key", "lee-2021\n")),
                rule("citation title with ESC", "citations[0].title", c -> citations(c).get(0).put("title", "A study\u001B[31m")),
                rule("citation author with DEL", "citations[0].authors[1]", c -> citations(c).get(0).put("authors", List.of("Lee A", "Kim\u007F B"))),
                rule("citation container with an isolate", "citations[0].container", c -> citations(c).get(0).put("container", "J\u2066 Skin")),
                rule("DOI with a BEL", "citations[0].doi", c -> citations(c).get(0).put("doi", "10.1000/lee\u0007")),
                rule("URL with a bidi override", "citations[0].url", c -> citations(c).get(0).put("url", "https://example.org/\u202Eexe.pdf")),
                rule("body with a BEL", "sections[0].body", c -> sections(c).get(0).put("body", "Eczema is common\u0007 [@lee-2021].")),
                rule("body with a lone CR", "sections[0].body", c -> sections(c).get(0).put("body", "Line one\rLine two [@lee-2021].")),
                rule("body with a paragraph separator", "sections[0].body", c -> sections(c).get(0).put("body", "One\u2029Two [@lee-2021].")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidContent")
    void invalidContentIsRefusedWithTheFieldAndNothingIsStored(String rule, String field,
                                                               Consumer<Map<String, Object>> breakIt) {
        Map<String, Object> content = Fixtures.article(Fixtures.uniqueSlug("invalid"));
        breakIt.accept(content);
        long articles = Database.count(dataSource, "articles");
        long versions = Database.count(dataSource, "article_versions");

        Api.createBadInput(content).then().statusCode(422)
                .contentType("application/problem+json")
                .body("status", equalTo(422))
                .body("type", equalTo("urn:imprimatur:problem:validation"))
                .body("errors.field", hasItem(field));

        assertEquals(articles, Database.count(dataSource, "articles"));
        assertEquals(versions, Database.count(dataSource, "article_versions"));
    }

    /**
     * Every rule of {@link #invalidContent()} except the slug's: a save may leave the slug out, and
     * changing it is refused by ArticleEditingTest.savingCannotChangeTheSlug. Filtered here, so that
     * every case that runs asserts (no case reports green having checked nothing).
     */
    static Stream<Arguments> invalidSaveContent() {
        return invalidContent().filter(arguments -> !"slug".equals(arguments.get()[1]));
    }

    @Test
    void theSaveCasesAreEveryRuleButTheSlugs() {
        long slugRules = invalidContent().filter(arguments -> "slug".equals(arguments.get()[1])).count();
        assertEquals(4, slugRules);
        assertEquals(invalidContent().count() - slugRules, invalidSaveContent().count());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidSaveContent")
    void invalidSavesAreRefusedAndAddNoVersion(String rule, String field, Consumer<Map<String, Object>> breakIt) {
        Map<String, Object> content = Fixtures.article(Fixtures.uniqueSlug("invalid-save"));
        String id = Api.createdId(content);
        breakIt.accept(content);
        Api.saveBadInput("editor", id, Api.etag(id), content).then().statusCode(422).body("errors.field", hasItem(field));
        Api.as("editor").get(Api.ARTICLES + "/" + id + "/versions").then().body("size()", equalTo(1));
    }

    /** Security finding 5: the image that became {@code <img src="//evil.example/p.png">} is refused at save. */
    @Test
    void anImageThatOnlyLooksLikeTheSitesOwnIsRefusedAtSaveNamingTheField() {
        Map<String, Object> content = Fixtures.article(Fixtures.uniqueSlug("pixel"));
        String id = Api.createdId(content);
        sections(content).get(0).put("body", "Hello ![x](https://article.invalid//evil.example/p.png)");
        Api.saveBadInput("editor", id, Api.etag(id), content).then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("sections[0].body"))
                .body("errors[0].message", containsString("image source host article.invalid is not an allowed image host"));
        sections(content).get(0).put("body", "![ok](/img/rash.png) ![also](rash.png)");
        Api.save("editor", id, Api.etag(id), content).then().statusCode(200);
        Api.as("editor").get(Api.ARTICLES + "/" + id + "/versions").then().body("size()", equalTo(2));
    }

    @Test
    void aTitleCarryingAMailHeaderIsRefusedAgainstTheTitleAndNoArticleIsStored() {
        String slug = Fixtures.uniqueSlug("header-title");
        Map<String, Object> content = Fixtures.article(slug);
        content.put("title", "Eczema\nReply-To: attacker@evil.example");
        Api.createBadInput(content).then().statusCode(422).contentType("application/problem+json")
                .body("errors.size()", equalTo(1))
                .body("errors[0].field", equalTo("title"))
                .body("errors[0].message", containsString("U+000A at character 7"));
        Api.as("editor").queryParam("q", slug).get(Api.ARTICLES).then().statusCode(200).body("items.size()", equalTo(0));
        Api.as("editor").queryParam("q", "attacker").get(Api.ARTICLES).then().statusCode(200).body("items.size()", equalTo(0));
    }

    @Test
    void bodiesKeepTabsAndLineBreaksAndEveryFieldKeepsOrdinaryUnicode() {
        Map<String, Object> content = Fixtures.article(Fixtures.uniqueSlug("unicode"));
        content.put("title", "Ecz\u00e9ma, Neurodermitis \u00fcber Nacht, gwaith \u0175yr \uD83D\uDE23");
        content.put("summary", "Caf\u00e9 au lait spots \u2014 \u6e7f\u75b9");
        String body = "Eczema is common [@lee-2021].\r\n\r\n\t- itch\n\t- dry skin \uD83D\uDC69\u200D\u2695\uFE0F";
        sections(content).get(0).put("body", body);
        sections(content).get(1).put("heading", "Diet \u2013 Deiet \u0175");
        String id = Api.createdId(content);
        Api.latest(id).then().statusCode(200)
                .body("title", equalTo(content.get("title")))
                .body("sections[0].body", equalTo(body));
    }

    @Test
    void malformedJsonIs400() {
        long before = Database.count(dataSource, "articles");
        Api.as("editor").filter(ApiContract.answerOnly()).body("{\"slug\": \"broken\", ").post(Api.ARTICLES).then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:imprimatur:problem:malformed-body"))
                .body("detail", containsString("not valid JSON"));
        Api.as("editor").filter(ApiContract.answerOnly()).body("not json at all").post(Api.ARTICLES).then().statusCode(400)
                .body("type", equalTo("urn:imprimatur:problem:malformed-body"));
        assertEquals(before, Database.count(dataSource, "articles"));
    }

    @Test
    void wrongTypesAreNamedByField() {
        Map<String, Object> content = Fixtures.article(Fixtures.uniqueSlug("types"));
        citations(content).get(0).put("year", "last year");
        Api.createBadInput(content).then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("citations[0].year"))
                .body("errors[0].message", equalTo("must be a whole number"));
        Map<String, Object> notAList = Fixtures.article(Fixtures.uniqueSlug("types"));
        notAList.put("sections", "one section");
        Api.createBadInput(notAList).then().statusCode(400).body("errors[0].field", equalTo("sections"))
                .body("errors[0].message", equalTo("must be an array"));
        // docs/errors.md: no Java type leaks into a problem document.
        Api.createBadInput(notAList).then().body("detail", org.hamcrest.Matchers.not(containsString("java")))
                .body("detail", org.hamcrest.Matchers.not(containsString("`")));
    }

    @Test
    void unknownFieldsAreRefused() {
        Map<String, Object> content = Fixtures.article(Fixtures.uniqueSlug("unknown"));
        content.put("titel", "typo");
        Api.createBadInput(content).then().statusCode(400).body("errors[0].field", equalTo("titel"));
    }

    @Test
    void invalidUtf8Is400() {
        byte[] body = "{\"slug\":\"bad-bytes\",\"title\":\"X\u0001\"}".getBytes(StandardCharsets.UTF_8);
        byte[] broken = new byte[body.length + 2];
        int insideTitle = "{\"slug\":\"bad-bytes\",\"title\":\"".length();
        System.arraycopy(body, 0, broken, 0, insideTitle);
        broken[insideTitle] = (byte) 0xC3; // a lead byte followed by one that cannot continue it
        broken[insideTitle + 1] = (byte) 0x28;
        System.arraycopy(body, insideTitle, broken, insideTitle + 2, body.length - insideTitle);
        Api.as("editor").filter(ApiContract.answerOnly()).body(broken).post(Api.ARTICLES).then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:imprimatur:problem:malformed-body"))
                .body("detail", containsString("Invalid UTF-8"));
    }

    @Test
    void bodiesOverTheLimitAre413() {
        long before = Database.count(dataSource, "articles");
        Map<String, Object> content = Fixtures.article(Fixtures.uniqueSlug("huge"));
        List<Map<String, Object>> sections = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            sections.add(Fixtures.section("part-" + i, "", null, "x".repeat(99_000)));
        }
        content.put("sections", sections);
        Response response = Api.createBadInput(content);
        response.then().statusCode(413).contentType("application/problem+json");
        assertEquals(before, Database.count(dataSource, "articles"));
    }

    @Test
    void chunkedBodiesAreCountedAsTheyArrive() throws Exception {
        long before = Database.count(dataSource, "articles");
        Map<String, Object> huge = Fixtures.article(Fixtures.uniqueSlug("huge-chunked"));
        huge.put("summary", "x".repeat(3 * 1024 * 1024));
        HttpResponse<String> refused = postChunked(huge);
        assertEquals(413, refused.statusCode());
        assertEquals("application/problem+json", refused.headers().firstValue("Content-Type").orElse(""));
        assertTrue(refused.body().contains("urn:imprimatur:problem:body-too-large"), refused.body());
        assertEquals(before, Database.count(dataSource, "articles"));

        HttpResponse<String> accepted = postChunked(Fixtures.article(Fixtures.uniqueSlug("chunked")));
        assertEquals(201, accepted.statusCode(), accepted.body());
    }

    /** Sent with no Content-Length: the client streams the body in chunks. */
    private HttpResponse<String> postChunked(Map<String, Object> content) throws Exception {
        byte[] json = new ObjectMapper().writeValueAsBytes(content);
        HttpRequest request = HttpRequest.newBuilder(articles)
                .header("Authorization", "Bearer " + Api.token("editor"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(json)))
                .build();
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aTakenSlugIs409() {
        String slug = Fixtures.uniqueSlug("taken");
        Api.createdId(Fixtures.article(slug));
        Api.create(Fixtures.article(slug)).then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void noRequestBodyIs4xx() {
        Api.as("editor").filter(ApiContract.answerOnly()).post(Api.ARTICLES).then().statusCode(422)
                .contentType("application/problem+json");
        RestAssured.given().filter(ApiContract.answerOnly()).auth().oauth2(Api.token("editor")).contentType("text/plain").body("hello")
                .post(Api.ARTICLES).then().statusCode(415).contentType("application/problem+json");
    }

    private static Arguments rule(String name, String field, Consumer<Map<String, Object>> breakIt) {
        return Arguments.of(name, field, breakIt);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> sections(Map<String, Object> content) {
        return (List<Map<String, Object>>) content.get("sections");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> citations(Map<String, Object> content) {
        return (List<Map<String, Object>>) content.get("citations");
    }

    private static List<String> manyTags(int count) {
        List<String> tags = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            tags.add("tag-" + i);
        }
        return tags;
    }

    private static List<Map<String, Object>> manySections(int count) {
        List<Map<String, Object>> sections = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            sections.add(Fixtures.section("part-" + i, "", null, "Body " + i));
        }
        return sections;
    }

    private static List<Map<String, Object>> manyCitations(int count) {
        List<Map<String, Object>> citations = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            citations.add(Fixtures.citation("source-" + i, "review", "10.1000/s." + i));
        }
        return citations;
    }

}
