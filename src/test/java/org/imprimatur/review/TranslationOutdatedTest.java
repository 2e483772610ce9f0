package org.imprimatur.review;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.imprimatur.support.Api;
import org.imprimatur.support.Database;
import org.imprimatur.support.Fixtures;
import org.imprimatur.support.StudioForms;
import org.imprimatur.support.WebhookReceiver;
import org.imprimatur.support.Workflow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * docs/translations.md, "Status": the source changes and publishes, the live translation is
 * outdated with the changed sections and told so once, and the translator brings it up to date.
 */
@QuarkusTest
class TranslationOutdatedTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RELEASES = "/api/v1/editorial/releases";

    private WebhookReceiver receiver;
    private String webhookId;

    @BeforeEach
    void subscribe() throws Exception {
        receiver = new WebhookReceiver();
        webhookId = Api.as("admin").body(Map.of("url", receiver.url("/hook"),
                        "events", List.of("org.imprimatur.article.translation-outdated"), "description", "translation desk"))
                .post("/api/v1/webhooks").then().statusCode(201).extract().path("id");
    }

    @AfterEach
    void unsubscribe() {
        Api.as("admin").delete("/api/v1/webhooks/" + webhookId).then().statusCode(204);
        receiver.close();
    }

    private static long outdatedEvents(String id) {
        return Database.queryLong(Database.owner(),
                "SELECT count(*) FROM outbox_events WHERE type = 'translation-outdated' AND article_id = CAST(? AS uuid)", id);
    }

    @Test
    void aSourcePublicationOutdatesTheTranslationOnceAndTheTranslatorBringsItUpToDate() throws Exception {
        Map<String, Object> source = Fixtures.article(Fixtures.uniqueSlug("round-trip"));
        String sourceId = Workflow.published(source);
        String slug = Fixtures.uniqueSlug("ida-y-vuelta");
        String id = TranslationApiTest.translate(sourceId, "es", slug).then().statusCode(201).extract().path("id");
        Api.save("editor", id, Api.etag(id), TranslationApiTest.inSpanish(source, null)).then().statusCode(200);
        Workflow.submit("editor", id).then().statusCode(200);
        String spanishReviewer = TranslationApiTest.reviewerReading(List.of("es"));
        TranslationApiTest.approve(spanishReviewer, id).then().statusCode(200).body("state", equalTo("PUBLISHED"));
        TranslationApiTest.translations(sourceId).then().body("[0].status", equalTo("current"));
        RestAssured.get("/api/v1/articles/" + slug).then().statusCode(200).body("language", equalTo("es"))
                .body("translationStatus", equalTo("current")).body("translationOf.slug", equalTo(source.get("slug")))
                .body("translationOf.version", equalTo(1)).body("translationOf.sourceLiveVersion", equalTo(1));
        RestAssured.get("/api/v1/articles/" + source.get("slug")).then().statusCode(200)
                .body("$", not(hasKey("translationStatus"))).body("$", not(hasKey("translationOf")))
                .body("translations.language", equalTo(List.of("es"))).body("translations.slug", equalTo(List.of(slug)))
                .body("translations[0].url", endsWith("/api/v1/articles/" + slug));
        RestAssured.given().accept("application/ld+json").get("/api/v1/articles/" + slug).then().statusCode(200)
                .body("inLanguage", equalTo("es")).body("translationOfWork.url", endsWith("/api/v1/articles/" + source.get("slug")));
        RestAssured.given().accept("application/ld+json").get("/api/v1/articles/" + source.get("slug")).then().statusCode(200)
                .body("workTranslation.inLanguage", equalTo(List.of("es")))
                .body("workTranslation[0].url", endsWith("/api/v1/articles/" + slug));
        String feedBefore = RestAssured.get("/api/v1/changes?limit=100").then().statusCode(200).extract().path("next");

        // The source changes its diet section and publishes version 2.
        Map<String, Object> edited = Fixtures.edited(source, "Eczema is common [@lee-2021].");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> sections = (List<Map<String, Object>>) edited.get("sections");
        sections.get(1).put("body", "Fibre may feed gut bacteria [@lee-2021; @kim-2022].");
        Api.save("editor", sourceId, Api.etag(sourceId), edited).then().statusCode(200);
        Workflow.submit("editor", sourceId).then().statusCode(200);
        Workflow.approve("reviewer", sourceId).then().statusCode(200).body("publishedVersion", equalTo(2));

        TranslationApiTest.translations(sourceId).then().statusCode(200)
                .body("[0].status", equalTo("outdated")).body("[0].translationOf.version", equalTo(1))
                .body("[0].sourceVersion", equalTo(2)).body("[0].changedSections", equalTo(List.of("diet")));
        // Outdated stays live, and says so, on this replica's cache too.
        RestAssured.get("/api/v1/articles/" + slug).then().statusCode(200).body("version", equalTo(2))
                .body("translationStatus", equalTo("outdated"))
                .body("translationOf.version", equalTo(1)).body("translationOf.sourceLiveVersion", equalTo(2));
        WebhookReceiver.Received event = receiver.await(r -> r.body().contains(slug), Duration.ofSeconds(5));
        JsonNode cloudEvent = JSON.readTree(event.body());
        assertEquals("org.imprimatur.article.translation-outdated", cloudEvent.path("type").asText());
        assertEquals(slug, cloudEvent.path("subject").asText());
        JsonNode data = cloudEvent.path("data");
        assertEquals(id, data.path("articleId").asText());
        assertEquals(2, data.path("version").asInt());
        assertEquals("es", data.path("language").asText());
        assertEquals(1, data.path("translationOf").path("version").asInt());
        assertEquals(sourceId, data.path("source").path("articleId").asText());
        assertEquals(2, data.path("source").path("version").asInt());
        Response feed = RestAssured.get("/api/v1/changes?after=" + feedBefore + "&limit=100");
        feed.then().statusCode(200);
        List<Map<String, Object>> items = feed.path("items.findAll { it.slug == '" + slug + "' }");
        assertEquals(1, items.size(), items.toString());
        assertEquals("translation-outdated", items.get(0).get("type"));
        assertEquals(2, items.get(0).get("version"));

        // The desk shows it to editors, naming the versions; a reviewer's desk has no such list.
        StudioForms.signedIn("editor").get("/studio").then().statusCode(200)
                .body(containsString("Outdated translations"))
                .body(containsString("href=\"/studio/articles/" + id + "/edit\""))
                .body(containsString("translates version 1 of “Eczema and the gut”, which is live in version 2"));
        StudioForms.signedIn("reviewer").get("/studio").then().statusCode(200)
                .body(not(containsString("Outdated translations")));

        // A further source publication does not tell again: the translation was outdated already.
        Api.save("editor", sourceId, Api.etag(sourceId), Fixtures.edited(source, "Eczema is common, often [@lee-2021].")).then().statusCode(200);
        Workflow.submit("editor", sourceId).then().statusCode(200);
        Workflow.approve("reviewer", sourceId).then().statusCode(200);
        assertEquals(1, outdatedEvents(id));
        TranslationApiTest.translations(sourceId).then().body("[0].changedSections", equalTo(List.of("intro")));
        RestAssured.get("/api/v1/articles/" + slug).then().statusCode(200).body("translationStatus", equalTo("outdated"))
                .body("translationOf.sourceLiveVersion", equalTo(3));

        // The translator updates to the source's live version 3; once approved the translation is current.
        Api.save("editor", id, Api.etag(id), TranslationApiTest.inSpanish(source, 3)).then().statusCode(200)
                .body("translationOf.version", equalTo(3));
        TranslationApiTest.translations(sourceId).then().body("[0].status", equalTo("outdated"))
                .body("[0].latestTranslationOf.version", equalTo(3));
        Workflow.submit("editor", id).then().statusCode(200);
        TranslationApiTest.approve(spanishReviewer, id).then().statusCode(200);
        TranslationApiTest.translations(sourceId).then().body("[0].status", equalTo("current"))
                .body("[0].changedSections", equalTo(List.of()));
        StudioForms.signedIn("editor").get("/studio").then().statusCode(200)
                .body(not(containsString("href=\"/studio/articles/" + id + "/edit\"")));
        RestAssured.get("/api/v1/articles/" + slug).then().statusCode(200).body("translationStatus", equalTo("current"))
                .body("translationOf.version", equalTo(3)).body("translationOf.sourceLiveVersion", equalTo(3));

        // A retracted source leaves its translation live, saying so.
        Workflow.retract("reviewer", sourceId, "A dose was wrong").then().statusCode(200);
        RestAssured.get("/api/v1/articles/" + slug).then().statusCode(200).body("translationStatus", equalTo("source-retracted"))
                .body("translationOf.sourceLiveVersion", nullValue());
        TranslationApiTest.translations(sourceId).then().body("[0].status", equalTo("source-retracted"));
        assertEquals(1, outdatedEvents(id));
    }

    /** docs/releases.md and docs/translations.md: a source that goes live in a release outdates its translations the same way. */
    @Test
    void aSourcePublishedInAReleaseOutdatesItsLiveTranslation() {
        Map<String, Object> source = Fixtures.article(Fixtures.uniqueSlug("release-source"));
        String sourceId = Workflow.published(source);
        String slug = Fixtures.uniqueSlug("en-una-entrega");
        String id = TranslationApiTest.translate(sourceId, "es", slug).then().statusCode(201).extract().path("id");
        Api.save("editor", id, Api.etag(id), TranslationApiTest.inSpanish(source, null)).then().statusCode(200);
        Workflow.submit("editor", id).then().statusCode(200);
        TranslationApiTest.approve(TranslationApiTest.reviewerReading(List.of("es")), id).then().statusCode(200);
        RestAssured.get("/api/v1/articles/" + slug).then().statusCode(200).body("translationStatus", equalTo("current"));

        Api.save("editor", sourceId, Api.etag(sourceId), Fixtures.edited(source, "Eczema is common in children [@lee-2021]."))
                .then().statusCode(200);
        Workflow.submit("editor", sourceId).then().statusCode(200);
        String release = Api.as("editor").body(Map.of("title", "Guideline update")).post(RELEASES).then().statusCode(201)
                .extract().path("id");
        Response latest = Api.latest(sourceId);
        Api.as("editor").body(Map.of("version", latest.path("version"), "contentHash", latest.path("contentHash")))
                .put(RELEASES + "/" + release + "/items/" + sourceId).then().statusCode(200);
        Api.as("reviewer").body(Map.<String, Object>of("version", latest.path("version"), "contentHash", latest.path("contentHash"),
                "scope", "full", "evidence", Workflow.allCurrent(latest), "release", release))
                .post(Api.ARTICLES + "/" + sourceId + "/approve").then().statusCode(200);
        Api.as("reviewer").post(RELEASES + "/" + release + "/publish").then().statusCode(200);

        assertEquals(1, outdatedEvents(id));
        RestAssured.get("/api/v1/articles/" + slug).then().statusCode(200).body("translationStatus", equalTo("outdated"))
                .body("translationOf.version", equalTo(1)).body("translationOf.sourceLiveVersion", equalTo(2));
    }
}
