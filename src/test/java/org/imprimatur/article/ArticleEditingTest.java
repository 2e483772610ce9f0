package org.imprimatur.article;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.imprimatur.support.Api;
import org.imprimatur.support.ApiContract;
import org.imprimatur.support.Fixtures;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

@QuarkusTest
class ArticleEditingTest {

    @Test
    void createReturnsVersionOneWithLocationAndETag() {
        String slug = Fixtures.uniqueSlug("create");
        Response created = Api.create(Fixtures.article(slug));
        created.then().statusCode(201)
                .header("Location", matchesPattern(".*/api/v1/editorial/articles/[0-9a-f-]{36}$"))
                .header("ETag", matchesPattern("^\"v1-[0-9a-f]{16}\"$"))
                .body("slug", equalTo(slug))
                .body("version", equalTo(1))
                .body("state", equalTo("DRAFT"))
                .body("publishedVersion", nullValue())
                .body("basedOn", nullValue())
                .body("contentHash", matchesPattern("^[0-9a-f]{64}$"))
                .body("author.name", equalTo("Erin Editor"))
                .body("createdAt", notNullValue())
                .body("sections.key", contains("intro", "diet"))
                .body("citations.key", contains("lee-2021", "kim-2022"))
                .body("reviewIntervalMonths", equalTo(12));

        String location = created.header("Location");
        Api.as("reviewer").get(location).then().statusCode(200)
                .body("title", equalTo("Eczema and the gut"))
                .body("contentHash", equalTo(created.path("contentHash")))
                .header("ETag", equalTo(created.header("ETag")));
    }

    @Test
    void saveWithCurrentETagAddsTheNextVersionAndKeepsHistory() {
        Map<String, Object> content = Fixtures.article(Fixtures.uniqueSlug("save"));
        String id = Api.createdId(content);
        String v1Etag = Api.etag(id);

        Response saved = Api.save("editor", id, v1Etag, Fixtures.edited(content, "Eczema is very common [@lee-2021]."));
        saved.then().statusCode(200)
                .body("version", equalTo(2))
                .body("basedOn", equalTo(1))
                .body("state", equalTo("DRAFT"))
                .body("sections[0].body", equalTo("Eczema is very common [@lee-2021]."))
                .header("ETag", startsWith("\"v2-"));
        assertNotEquals(v1Etag, saved.header("ETag"));

        Api.as("editor").get(Api.ARTICLES + "/" + id + "/versions").then().statusCode(200)
                .body("version", contains(2, 1))
                .body("[1].basedOn", nullValue());
        Api.as("editor").get(Api.ARTICLES + "/" + id + "/versions/1").then().statusCode(200)
                .body("version", equalTo(1))
                .body("sections[0].body", equalTo("Eczema is common [@lee-2021]."))
                .header("ETag", equalTo(v1Etag));
        Api.as("editor").get(Api.ARTICLES + "/" + id + "/versions/3").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void saveWithoutIfMatchIs428AndWithAStaleOneIs412() {
        Map<String, Object> content = Fixtures.article(Fixtures.uniqueSlug("precondition"));
        String id = Api.createdId(content);
        String v1Etag = Api.etag(id);

        Api.save("editor", id, null, content).then().statusCode(428).contentType("application/problem+json");
        // "*" would match any version: a blind overwrite, refused like no If-Match at all.
        Api.save("editor", id, "*", Fixtures.edited(content, "Blind.")).then().statusCode(428)
                .contentType("application/problem+json").body("detail", containsString("If-Match: *"));
        Api.save("editor", id, "\"v9-0000000000000000\", *", Fixtures.edited(content, "Blind.")).then().statusCode(428);
        Api.as("editor").header("If-Match", "*").body(Map.of("version", 1))
                .post(Api.ARTICLES + "/" + id + "/restore").then().statusCode(428);
        Api.save("editor", id, v1Etag, Fixtures.edited(content, "Second.")).then().statusCode(200);
        Api.save("editor", id, v1Etag, Fixtures.edited(content, "Lost update.")).then().statusCode(412)
                .contentType("application/problem+json")
                .body("status", equalTo(412));

        Api.as("editor").get(Api.ARTICLES + "/" + id + "/versions").then().body("$", hasSize(2));
        Api.latest(id).then().body("sections[0].body", equalTo("Second."));
    }

    @Test
    void restoreCopiesAnOldVersionIntoANewDraft() {
        Map<String, Object> content = Fixtures.article(Fixtures.uniqueSlug("restore"));
        String id = Api.createdId(content);
        String v1Hash = Api.latest(id).path("contentHash");
        Api.save("editor", id, Api.etag(id), Fixtures.edited(content, "A worse intro.")).then().statusCode(200);

        Api.as("editor").header("If-Match", Api.etag(id)).body(Map.of("version", 1))
                .post(Api.ARTICLES + "/" + id + "/restore")
                .then().statusCode(200)
                .body("version", equalTo(3))
                .body("basedOn", equalTo(1))
                .body("contentHash", equalTo(v1Hash))
                .body("sections[0].body", equalTo("Eczema is common [@lee-2021]."));

        Api.as("editor").body(Map.of("version", 1)).post(Api.ARTICLES + "/" + id + "/restore")
                .then().statusCode(428);
        Api.as("editor").header("If-Match", Api.etag(id)).body(Map.of("version", 9))
                .post(Api.ARTICLES + "/" + id + "/restore")
                .then().statusCode(422).body("errors[0].field", equalTo("version"));
    }

    @Test
    void equalContentHashesEquallyAndDifferentContentDifferently() {
        Map<String, Object> content = Fixtures.article(Fixtures.uniqueSlug("hash-a"));
        Map<String, Object> sameContentOtherSlug = new java.util.LinkedHashMap<>(content);
        sameContentOtherSlug.put("slug", Fixtures.uniqueSlug("hash-b"));
        String first = Api.create(content).path("contentHash");
        String second = Api.create(sameContentOtherSlug).path("contentHash");
        assertEquals(first, second);
        Map<String, Object> different = Fixtures.edited(content, "Different words.");
        different.put("slug", Fixtures.uniqueSlug("hash-c"));
        assertNotEquals(first, Api.create(different).path("contentHash"));
    }

    @Test
    void listShowsArticlesNewestChangeFirstWithACursor() {
        String marker = Fixtures.uniqueSlug("listing");
        for (int i = 0; i < 3; i++) {
            Api.createdId(Fixtures.article(marker + "-n" + i));
        }
        Response firstPage = Api.as("editor").queryParam("q", marker).queryParam("limit", 2).get(Api.ARTICLES);
        firstPage.then().statusCode(200)
                .body("items.slug", contains(marker + "-n2", marker + "-n1"))
                .body("items[0].state", equalTo("DRAFT"))
                .body("nextCursor", notNullValue());
        Api.as("editor").queryParam("q", marker).queryParam("limit", 2)
                .queryParam("cursor", (String) firstPage.path("nextCursor")).get(Api.ARTICLES)
                .then().statusCode(200)
                .body("items.slug", contains(marker + "-n0"))
                .body("nextCursor", nullValue());
        Api.as("editor").queryParam("limit", 0).get(Api.ARTICLES).then().statusCode(400);
        Api.as("editor").queryParam("cursor", "!!").get(Api.ARTICLES).then().statusCode(400);
        Api.as("editor").filter(ApiContract.answerOnly()).queryParam("state", "LOST").get(Api.ARTICLES).then().statusCode(400);
        Api.as("editor").queryParam("state", "DRAFT").queryParam("q", marker).get(Api.ARTICLES)
                .then().statusCode(200).body("items", hasSize(3));
    }

    @Test
    void theReferenceArticleOfTheSpecificationRoundTrips() {
        String slug = Fixtures.uniqueSlug("reference");
        Map<String, Object> content = Fixtures.sampleArticle(slug);
        String id = Api.create(content).then().statusCode(201)
                .body("sections.size()", equalTo(20))
                .body("citations.size()", equalTo(8))
                // No form warning: every marker resolves and every source is cited. What is left is what
                // the clinical checks read in the text (docs/clinical-checks.md), which a save reports too.
                .body("warnings.message", everyItem(matchesPattern(
                        "(uncited-claim|claim-citation-mismatch|stale-source|reading-level) at characters \\d+–\\d+: .*")))
                .extract().path("id");
        List<Map<String, Object>> sections = Api.latest(id).path("sections");
        assertEquals(content.get("sections"), sections.stream()
                .map(section -> { Map<String, Object> copy = new java.util.HashMap<>(section); return copy; }).toList());
    }

    @Test
    void aClientSentReviewBlockIsNeverStored() {
        Map<String, Object> content = new java.util.LinkedHashMap<>(Fixtures.article(Fixtures.uniqueSlug("no-review")));
        content.put("review", Map.of("lastReviewedOn", "2026-01-01", "reviewedBy", Map.of("name", "Dr. Fake")));
        // The review block is no field a client sends: sent on purpose, outside the description.
        Api.createBadInput(content).then().statusCode(201).body("review", nullValue());
    }

    @Test
    void unknownArticleIs404AndMalformedIdIs404() {
        Api.latest("00000000-0000-0000-0000-000000000000").then().statusCode(404)
                .contentType("application/problem+json");
        Api.as("editor").filter(ApiContract.answerOnly()).get(Api.ARTICLES + "/not-a-uuid").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void savingCannotChangeTheSlug() {
        Map<String, Object> content = Fixtures.article(Fixtures.uniqueSlug("keep-slug"));
        String id = Api.createdId(content);
        Map<String, Object> renamed = new java.util.LinkedHashMap<>(content);
        renamed.put("slug", Fixtures.uniqueSlug("other-slug"));
        Api.save("editor", id, Api.etag(id), renamed).then().statusCode(422)
                .body("errors[0].field", equalTo("slug"));
        Api.as("editor").get(Api.ARTICLES + "/" + id + "/versions").then().body("$", hasSize(1));
    }

    @Test
    void warningsNameDanglingMarkersAndUncitedSources() {
        Map<String, Object> content = Fixtures.article(Fixtures.uniqueSlug("warnings"));
        content.put("sections", List.of(Fixtures.section("intro", "", null, "Cites [@missing-2020] only.")));
        Api.create(content).then().statusCode(201)
                .body("warnings.field", contains("sections[0].body", "citations[0]", "citations[1]"));
    }
}
