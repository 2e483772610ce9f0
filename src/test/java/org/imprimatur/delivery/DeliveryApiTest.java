package org.imprimatur.delivery;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.imprimatur.support.Api;
import org.imprimatur.support.ApiContract;
import org.imprimatur.support.Fixtures;
import org.imprimatur.support.Workflow;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

@QuarkusTest
class DeliveryApiTest {

    private static final String DELIVERY = "/api/v1/articles/";

    @Test
    void thePublishedVersionIsServedWithCachingHeaders() {
        String slug = Fixtures.uniqueSlug("deliver");
        Workflow.published(Fixtures.article(slug));

        Response response = RestAssured.get(DELIVERY + slug);
        response.then().statusCode(200)
                .contentType("application/json")
                .header("ETag", startsWith("\""))
                .header("Last-Modified", notNullValue())
                .header("Cache-Control", equalTo("public, max-age=60, stale-while-revalidate=300"))
                .header("Vary", equalTo("Accept"))
                .body("slug", equalTo(slug))
                .body("version", equalTo(1))
                .body("publishedAt", notNullValue())
                .body("sections[0].html", containsString("<a href=\"#ref-lee-2021\">1</a>"))
                .body("sections[1].body", equalTo("Fibre feeds gut bacteria [@lee-2021; @kim-2022]."))
                .body("citations.key", hasItem("kim-2022"))
                .body("review.reviewedBy.name", equalTo("Dr. Rowan Reviewer"))
                .body("review.reviewedBy.credentials", equalTo("MD, FAAD"))
                .body("review.reviewedBy", not(hasKey("id")))
                .body("$", not(hasKey("id")))
                .body("$", not(hasKey("author")))
                .body("audience", equalTo("patients"))
                .body("disclosures", equalTo(""))
                .body("authorCredentials", equalTo(""));

        RestAssured.given().header("If-None-Match", response.header("ETag")).get(DELIVERY + slug)
                .then().statusCode(304).body(emptyString()).header("ETag", equalTo(response.header("ETag")));
        RestAssured.given().header("If-None-Match", "\"something-else\"").get(DELIVERY + slug).then().statusCode(200);
        // now cached: the fast path negotiates like the resource does
        RestAssured.given().filter(ApiContract.answerOnly()).accept("text/html").get(DELIVERY + slug).then().statusCode(406)
                .contentType("application/problem+json");
        RestAssured.given().accept("application/json, application/ld+json;q=0.5").get(DELIVERY + slug).then()
                .statusCode(200).contentType("application/json");
    }

    @Test
    void jsonLdIsASchemaOrgMedicalWebPage() {
        String slug = Fixtures.uniqueSlug("json-ld");
        Map<String, Object> content = Fixtures.article(slug);
        Workflow.published(content);
        Response jsonLd = RestAssured.given().accept("application/ld+json").get(DELIVERY + slug);
        jsonLd.then().statusCode(200)
                .contentType("application/ld+json")
                .body("'@context'", equalTo("https://schema.org"))
                .body("'@type'", equalTo("MedicalWebPage"))
                .body("name", equalTo("Eczema and the gut"))
                .body("description", notNullValue())
                .body("lastReviewed", notNullValue())
                .body("dateModified", notNullValue())
                .body("reviewedBy.'@type'", equalTo("Person"))
                .body("reviewedBy.name", equalTo("Dr. Rowan Reviewer"))
                .body("reviewedBy.honorificSuffix", equalTo("MD, FAAD"))
                .body("audience.'@type'", equalTo("MedicalAudience"))
                .body("audience.audienceType", equalTo("Patient"))
                .body("publisher.'@type'", equalTo("Organization"))
                .body("publisher.name", equalTo("Skin Health Trust"))
                .body("publisher.url", equalTo("https://www.skin-health.example/"))
                .body("$", not(hasKey("funding")))
                .body("citation[0].'@type'", equalTo("ScholarlyArticle"))
                .body("citation[0].identifier[0].propertyID", equalTo("DOI"))
                .body("citation[0].url", equalTo("https://doi.org/10.1000/lee.2021"))
                .body("hasPart.'@type'", everyItem(equalTo("WebPageElement")))
                .body("hasPart[0].hasHealthAspect", equalTo("https://schema.org/OverviewHealthAspect"))
                .body("hasPart[1].hasHealthAspect", equalTo("https://schema.org/SelfCareHealthAspect"))
                .body("hasPart[1].text", startsWith("Fibre feeds gut bacteria"));
        assertNotEquals(jsonLd.header("ETag"), RestAssured.get(DELIVERY + slug).header("ETag"));
    }

    /** docs/delivery.md, "Audience and disclosures": what the reviewer approved reaches readers in both forms. */
    @Test
    void audienceDisclosuresAndAuthorCredentialsReachJsonAndJsonLd() {
        String slug = Fixtures.uniqueSlug("disclosed");
        Map<String, Object> content = Fixtures.article(slug);
        content.put("audience", "clinicians");
        content.put("disclosures", "Funded by the Skin Health Trust. The author has received speaker fees from Acme Pharma.");
        content.put("authorCredentials", "MRCGP");
        Workflow.published(content);
        RestAssured.given().accept("application/json").get(DELIVERY + slug).then().statusCode(200)
                .body("audience", equalTo("clinicians"))
                .body("disclosures", equalTo(content.get("disclosures")))
                .body("authorCredentials", equalTo("MRCGP"));
        RestAssured.given().accept("application/ld+json").get(DELIVERY + slug).then().statusCode(200)
                .body("audience.audienceType", equalTo("Clinician"))
                .body("funding.'@type'", equalTo("Grant"))
                .body("funding.description", equalTo(content.get("disclosures")))
                .body("lastReviewed", equalTo(java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString()));
    }

    @Test
    void draftsReviewsAndUnknownSlugsAre404AndRetractedIs410() {
        String draft = Fixtures.uniqueSlug("draft-only");
        String id = Api.createdId(Fixtures.article(draft));
        RestAssured.get(DELIVERY + draft).then().statusCode(404).contentType("application/problem+json");
        Workflow.submit("editor", id).then().statusCode(200);
        RestAssured.get(DELIVERY + draft).then().statusCode(404);
        RestAssured.get(DELIVERY + "no-such-article").then().statusCode(404);

        Workflow.approve("reviewer", id).then().statusCode(200);
        RestAssured.get(DELIVERY + draft).then().statusCode(200);
        Workflow.retract("reviewer", id, "Contradicted by new evidence").then().statusCode(200);
        RestAssured.get(DELIVERY + draft).then().statusCode(410)
                .contentType("application/problem+json")
                .body("detail", containsString("Contradicted by new evidence"));
    }

    @Test
    void aReaderSeesAPublishOrRetractionAsSoonAsItsResponseArrives() {
        // The delivery cache already holds the 404 and then the live version when the change
        // commits; the next read must not wait for the replica-wide announcement.
        for (int round = 0; round < 15; round++) {
            String slug = Fixtures.uniqueSlug("read-after-publish");
            String id = Api.createdId(Fixtures.article(slug));
            Workflow.submit("editor", id).then().statusCode(200);
            RestAssured.get(DELIVERY + slug).then().statusCode(404);
            Workflow.approve("reviewer", id).then().statusCode(200);
            RestAssured.get(DELIVERY + slug).then().statusCode(200).body("version", equalTo(1));
            Workflow.retract("reviewer", id, "Superseded").then().statusCode(200);
            RestAssured.get(DELIVERY + slug).then().statusCode(410);
        }
    }

    @Test
    void aNewDraftDoesNotChangeWhatReadersSee() {
        String slug = Fixtures.uniqueSlug("draft-hidden");
        Map<String, Object> content = Fixtures.article(slug);
        String id = Workflow.published(content);
        Api.save("editor", id, Api.etag(id), Fixtures.edited(content, "Unreviewed claim [@lee-2021].")).then().statusCode(200);
        Workflow.submit("editor", id).then().statusCode(200);
        RestAssured.get(DELIVERY + slug).then().statusCode(200)
                .body("version", equalTo(1))
                .body("sections[0].body", equalTo("Eczema is common [@lee-2021]."));
        Workflow.approve("reviewer", id).then().statusCode(200);
        RestAssured.get(DELIVERY + slug).then().statusCode(200)
                .body("version", equalTo(2))
                .body("sections[0].body", equalTo("Unreviewed claim [@lee-2021]."));
    }

    @Test
    void atFindsTheVersionLiveAtAnInstantAcrossPublishes() throws InterruptedException {
        String slug = Fixtures.uniqueSlug("history");
        Map<String, Object> content = Fixtures.article(slug);
        Instant beforeAnything = Instant.now();
        clockPasses(beforeAnything, 20);
        String id = Workflow.published(content);
        Instant duringV1 = pause();
        publishNext(id, content, "Second text [@lee-2021].");
        Instant duringV2 = pause();
        publishNext(id, content, "Third text [@lee-2021].");
        Instant duringV3 = pause();

        atVersion(slug, beforeAnything).then().statusCode(404).contentType("application/problem+json");
        atVersion(slug, duringV1).then().statusCode(200).body("version", equalTo(1));
        atVersion(slug, duringV2).then().statusCode(200).body("version", equalTo(2))
                .body("sections[0].body", equalTo("Second text [@lee-2021]."));
        atVersion(slug, duringV3).then().statusCode(200).body("version", equalTo(4));
        RestAssured.given().filter(ApiContract.answerOnly()).get(DELIVERY + slug + "?at=last-tuesday").then().statusCode(400)
                .contentType("application/problem+json");
        RestAssured.given().filter(ApiContract.answerOnly()).get(DELIVERY + slug + "?at=2026-01-31").then().statusCode(400);
        RestAssured.given().filter(ApiContract.answerOnly()).queryParam("at", "+99999-01-01T00:00:00Z").get(DELIVERY + slug).then().statusCode(400);
    }

    /** docs/delivery.md: a retraction wins over ?at= on the public API; staff keep the history. */
    @Test
    void aRetractionWinsOverAt() throws InterruptedException {
        String slug = Fixtures.uniqueSlug("retracted-history");
        Map<String, Object> content = Fixtures.article(slug);
        String id = Workflow.published(content);
        Instant duringV1 = pause();
        publishNext(id, content, "Second text [@lee-2021].");
        Instant duringV2 = pause();
        Workflow.retract("reviewer", id, "Dosage advice was wrong").then().statusCode(200);
        Instant afterRetraction = pause();

        for (Instant instant : List.of(duringV1, duringV2, afterRetraction)) {
            atVersion(slug, instant).then().statusCode(410).contentType("application/problem+json")
                    .body("detail", containsString("Dosage advice was wrong"));
        }
        Api.as("editor").get(Api.ARTICLES + "/" + id + "/versions/2").then().statusCode(200)
                .body("sections[0].body", equalTo("Second text [@lee-2021]."));

        // Published again: the retracted version stays withdrawn at every instant, the one replaced
        // in the ordinary way stays readable.
        publishNext(id, content, "Corrected text [@lee-2021].");
        atVersion(slug, duringV2).then().statusCode(410).body("detail", containsString("later retracted"));
        atVersion(slug, duringV1).then().statusCode(200).body("version", equalTo(1));
        RestAssured.get(DELIVERY + slug).then().statusCode(200).body("version", equalTo(3));
    }

    /** docs/delivery.md, "Caching": no query can make another query's cached page answer for it. */
    @Test
    void noQueryValueCanPoisonTheCachedListPages() {
        String slug = Fixtures.uniqueSlug("unpoisoned");
        Workflow.published(Fixtures.article(slug));

        RestAssured.given().queryParam("tag", "null").get("/api/v1/articles").then().statusCode(200)
                .body("items", org.hamcrest.Matchers.empty());
        RestAssured.given().urlEncodingEnabled(false).get("/api/v1/articles?tag=nul%6C").then().statusCode(200)
                .body("items", org.hamcrest.Matchers.empty());
        RestAssured.given().queryParam("q", "null").get("/api/v1/articles").then().statusCode(200);
        RestAssured.given().queryParam("limit", "null").get("/api/v1/articles").then().statusCode(400);
        RestAssured.given().queryParam("cursor", "null").get("/api/v1/articles").then().statusCode(400);
        // An empty parameter is no filter at all.
        RestAssured.given().urlEncodingEnabled(false).get("/api/v1/articles?tag=").then().statusCode(200)
                .body("items.slug", hasItem(slug));
        RestAssured.given().urlEncodingEnabled(false).get("/api/v1/articles?q=").then().statusCode(200)
                .body("items.slug", hasItem(slug));

        // The plain list, whose key all of the above once collided with, still shows the article.
        RestAssured.get("/api/v1/articles").then().statusCode(200).body("items.slug", hasItem(slug));
        RestAssured.given().queryParam("limit", "20").get("/api/v1/articles").then().statusCode(200)
                .body("items.slug", hasItem(slug));
    }

    @Test
    void listAndSearchShowOnlyPublishedArticles() {
        String marker = "zymoglyph" + System.nanoTime();
        String published = Fixtures.uniqueSlug("listed");
        Map<String, Object> content = Fixtures.article(published);
        content.put("title", "Eczema " + marker);
        content.put("tags", List.of("eczema", "tag-" + marker.substring(0, 12)));
        Workflow.published(content);
        Map<String, Object> draft = Fixtures.article(Fixtures.uniqueSlug("unlisted"));
        draft.put("title", "Eczema draft " + marker);
        Api.createdId(draft);

        RestAssured.get("/api/v1/articles?q=" + marker).then().statusCode(200)
                .body("items.slug", equalTo(List.of(published)));
        RestAssured.get("/api/v1/articles?tag=tag-" + marker.substring(0, 12)).then().statusCode(200)
                .body("items.slug", equalTo(List.of(published)));
        RestAssured.get("/api/v1/articles?limit=1").then().statusCode(200)
                .body("items.size()", equalTo(1)).body("nextCursor", notNullValue());
        List<List<String>> badParameters = List.of(List.of("limit", "0"), List.of("limit", "101"), List.of("limit", "x"),
                List.of("cursor", "@@@"), List.of("q", "   "), List.of("q", "x".repeat(201)), List.of("tag", " "));
        for (List<String> bad : badParameters) {
            Response refused = RestAssured.given().queryParam(bad.get(0), bad.get(1)).get("/api/v1/articles");
            assertEquals(400, refused.statusCode(), bad.toString());
            assertEquals("application/problem+json", refused.contentType());
        }
    }

    @Test
    void pagesFollowEachOtherWithoutRepeats() {
        String tag = "pager-" + (System.nanoTime() % 1_000_000);
        for (int i = 0; i < 5; i++) {
            Map<String, Object> content = Fixtures.article(Fixtures.uniqueSlug("page"));
            content.put("tags", List.of(tag));
            Workflow.published(content);
        }
        Response first = RestAssured.get("/api/v1/articles?limit=2&tag=" + tag);
        Response second = RestAssured.get("/api/v1/articles?limit=2&tag=" + tag + "&cursor=" + first.path("nextCursor"));
        Response third = RestAssured.get("/api/v1/articles?limit=2&tag=" + tag + "&cursor=" + second.path("nextCursor"));
        List<String> all = new java.util.ArrayList<>();
        all.addAll(first.path("items.slug"));
        all.addAll(second.path("items.slug"));
        all.addAll(third.path("items.slug"));
        assertEquals(5, all.size());
        assertEquals(5, all.stream().distinct().count());
        third.then().body("nextCursor", equalTo(null));
    }

    private static Response atVersion(String slug, Instant instant) {
        return RestAssured.get(DELIVERY + slug + "?at=" + instant);
    }

    private static void publishNext(String id, Map<String, Object> content, String intro) {
        Api.save("editor", id, Api.etag(id), Fixtures.edited(content, intro)).then().statusCode(200);
        if (intro.startsWith("Third")) {
            // a version that never went live between two that did
            Api.save("editor", id, Api.etag(id), Fixtures.edited(content, intro)).then().statusCode(200);
        }
        Workflow.submit("editor", id).then().statusCode(200);
        Workflow.approve("reviewer", id).then().statusCode(200);
    }

    /** An instant with at least 30 ms of nothing on either side, so that no publication shares it. */
    private static Instant pause() {
        clockPasses(Instant.now(), 30);
        Instant instant = Instant.now();
        clockPasses(instant, 30);
        return instant;
    }

    /** Returns once the wall clock is {@code millis} past {@code from} (bounded polling, no sleep). */
    private static void clockPasses(Instant from, long millis) {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(1)).pollInterval(java.time.Duration.ofMillis(5))
                .until(() -> Instant.now().isAfter(from.plusMillis(millis)));
    }
}
