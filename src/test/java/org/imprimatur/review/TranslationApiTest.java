package org.imprimatur.review;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.imprimatur.support.Api;
import org.imprimatur.support.ApiContract;
import org.imprimatur.support.Database;
import org.imprimatur.support.Fixtures;
import org.imprimatur.support.Workflow;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** docs/translations.md through the API: making translations, what they render, and their review. */
@QuarkusTest
class TranslationApiTest {

    private static final String PASSWORD = "a translator's long password";

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A reviewer made by the admin who reads these languages. */
    static String reviewerReading(List<String> languages) {
        String username = unique("reads");
        Api.as("admin").body(Map.of("username", username, "displayName", "Dr " + username, "roles", List.of("medical-reviewer"),
                "password", PASSWORD, "credentials", "MD", "languages", languages)).post("/api/v1/accounts").then().statusCode(201);
        return username;
    }

    static RequestSpecification as(String username) {
        String token = RestAssured.given().contentType(ContentType.JSON).body(Map.of("username", username, "password", PASSWORD))
                .post("/api/v1/auth/token").then().statusCode(200).extract().path("access_token");
        return RestAssured.given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    static Response approve(String username, String id) {
        Response latest = Api.latest(id);
        return as(username).body(Map.<String, Object>of("version", latest.path("version"), "contentHash", latest.path("contentHash"),
                "scope", "full", "evidence", Workflow.allCurrent(latest))).post(Api.ARTICLES + "/" + id + "/approve");
    }

    static Response translate(String sourceId, String language, String slug) {
        Map<String, Object> body = new HashMap<>();
        body.put("language", language);
        body.put("slug", slug);
        return Api.as("editor").body(body).post(Api.ARTICLES + "/" + sourceId + "/translations");
    }

    static Response translateBadly(String username, String sourceId, Map<String, Object> body) {
        return Api.as(username).filter(ApiContract.answerOnly()).body(body).post(Api.ARTICLES + "/" + sourceId + "/translations");
    }

    static Response translations(String sourceId) {
        return Api.as("editor").get(Api.ARTICLES + "/" + sourceId + "/translations");
    }

    /** The source's content in Spanish, as a translator saves it. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> inSpanish(Map<String, Object> source, Integer translatedFrom) {
        Map<String, Object> content = new LinkedHashMap<>(source);
        content.remove("slug");
        content.remove("language");
        content.put("title", "El eccema y el intestino");
        List<Map<String, Object>> sections = new ArrayList<>();
        for (Map<String, Object> section : (List<Map<String, Object>>) source.get("sections")) {
            Map<String, Object> translated = new HashMap<>(section);
            translated.put("body", "Traducido: " + section.get("body"));
            sections.add(translated);
        }
        content.put("sections", sections);
        if (translatedFrom != null) {
            content.put("translatedFrom", translatedFrom);
        }
        return content;
    }

    private static long translationsOf(String sourceId) {
        return Database.queryLong(Database.owner(), "SELECT count(*) FROM articles WHERE translation_of = CAST(? AS uuid)", sourceId);
    }

    @Test
    void aTranslationIsANewDraftCopiedFromTheSourcesNewestVersion() {
        Map<String, Object> source = Fixtures.article(Fixtures.uniqueSlug("eczema"));
        String sourceId = Workflow.published(source);
        // The newest version is a draft beyond the live one: the copy is of what the editors have now.
        Api.save("editor", sourceId, Api.etag(sourceId), Fixtures.edited(source, "Eczema is very common [@lee-2021].")).then().statusCode(200);
        Response newest = Api.latest(sourceId);
        String slug = Fixtures.uniqueSlug("eccema");

        Response made = translate(sourceId, "es", slug);
        made.then().statusCode(201).header("Location", containsString("/api/v1/editorial/articles/"))
                .header("ETag", containsString("\"v1-"))
                .body("slug", equalTo(slug)).body("language", equalTo("es")).body("version", equalTo(1))
                .body("state", equalTo("DRAFT")).body("publishedVersion", nullValue())
                .body("sections.key", equalTo(List.of("intro", "diet")))
                .body("sections[0].body", equalTo("Eczema is very common [@lee-2021]."))
                .body("citations.key", equalTo(List.of("lee-2021", "kim-2022")))
                .body("translationOf.articleId", equalTo(sourceId))
                .body("translationOf.version", equalTo(2))
                .body("translationOf.contentHash", equalTo(newest.path("contentHash")))
                .body("changeNote", containsString("Translation into Spanish of version 2"));
        String id = made.path("id");
        Api.latest(id).then().body("translationOf.version", equalTo(2));
        Api.latest(sourceId).then().body("translationOf", nullValue());

        translations(sourceId).then().statusCode(200).body("", hasSize(1))
                .body("[0].id", equalTo(id)).body("[0].language", equalTo("es")).body("[0].status", equalTo("untranslated-draft"))
                .body("[0].translationOf", nullValue()).body("[0].latestTranslationOf.version", equalTo(2))
                .body("[0].sourceVersion", equalTo(1)).body("[0].changedSections", equalTo(List.of()));
        translations(id).then().statusCode(200).body("", hasSize(0));
    }

    @Test
    void badTranslationsAreRefusedAndNothingIsStored() {
        Map<String, Object> source = Fixtures.article(Fixtures.uniqueSlug("refusals"));
        String sourceId = Api.createdId(source);
        String taken = (String) source.get("slug");

        translateBadly("editor", sourceId, Map.of("slug", Fixtures.uniqueSlug("no-language"))).then().statusCode(422)
                .contentType("application/problem+json").body("errors.field", equalTo(List.of("language")));
        translateBadly("editor", sourceId, Map.of("language", "e$", "slug", Fixtures.uniqueSlug("bad-tag"))).then().statusCode(422)
                .body("errors.field", equalTo(List.of("language")))
                .body("errors[0].message", containsString("BCP 47"));
        translateBadly("editor", sourceId, Map.of("language", "EN", "slug", Fixtures.uniqueSlug("own"))).then().statusCode(422)
                .body("errors[0].message", containsString("the source is written in en"));
        translateBadly("editor", sourceId, Map.of("language", "es")).then().statusCode(422)
                .body("errors.field", equalTo(List.of("slug")));
        translateBadly("editor", sourceId, Map.of("language", "es", "slug", "Not A Slug")).then().statusCode(422)
                .body("errors.field", equalTo(List.of("slug")));
        translateBadly("editor", sourceId, Map.of("language", "es", "slug", taken)).then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("already taken"));
        translateBadly("reviewer", sourceId, Map.of("language", "es", "slug", Fixtures.uniqueSlug("reviewer"))).then().statusCode(403)
                .contentType("application/problem+json");
        translateBadly("editor", UUID.randomUUID().toString(), Map.of("language", "es", "slug", Fixtures.uniqueSlug("nowhere")))
                .then().statusCode(404).contentType("application/problem+json");
        assertEquals(0, translationsOf(sourceId));

        String id = translate(sourceId, "es", Fixtures.uniqueSlug("once")).then().statusCode(201).extract().path("id");
        translateBadly("editor", sourceId, Map.of("language", "ES", "slug", Fixtures.uniqueSlug("twice"))).then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("already has a translation into Spanish"));
        translateBadly("editor", id, Map.of("language", "fr", "slug", Fixtures.uniqueSlug("chain"))).then().statusCode(422)
                .body("errors[0].message", containsString("itself a translation"));
        assertEquals(1, translationsOf(sourceId));
        assertEquals(0, translationsOf(id));
        // A regional variant is another language.
        translate(sourceId, "es-MX", Fixtures.uniqueSlug("mexico")).then().statusCode(201);
    }

    @Test
    void aSaveMovesForwardOnlyAndALiveTranslationRendersPublishedSourceTextOnly() {
        Map<String, Object> source = Fixtures.article(Fixtures.uniqueSlug("forward"));
        String sourceId = Workflow.published(source);
        Api.save("editor", sourceId, Api.etag(sourceId), Fixtures.edited(source, "Draft two [@lee-2021].")).then().statusCode(200);
        Api.save("editor", sourceId, Api.etag(sourceId), Fixtures.edited(source, "Draft three [@lee-2021].")).then().statusCode(200);
        String id = translate(sourceId, "es", Fixtures.uniqueSlug("adelante")).then().statusCode(201).extract().path("id");
        Map<String, Object> spanish = inSpanish(source, null);

        // Absent, translatedFrom keeps what the newest version renders; the language stays Spanish.
        Api.save("editor", id, Api.etag(id), spanish).then().statusCode(200)
                .body("language", equalTo("es")).body("translationOf.version", equalTo(3));
        Api.saveBadInput("editor", id, Api.etag(id), inSpanish(source, 2)).then().statusCode(422)
                .contentType("application/problem+json").body("errors.field", equalTo(List.of("translatedFrom")))
                .body("errors[0].message", containsString("moves forward only"));
        Api.saveBadInput("editor", id, Api.etag(id), inSpanish(source, 4)).then().statusCode(422)
                .body("errors[0].message", containsString("the source has no version 4"));
        Map<String, Object> english = inSpanish(source, null);
        english.put("language", "en");
        Api.saveBadInput("editor", id, Api.etag(id), english).then().statusCode(422)
                .body("errors.field", equalTo(List.of("language")));
        Api.saveBadInput("editor", sourceId, Api.etag(sourceId), inSpanish(source, 1)).then().statusCode(422)
                .body("errors.field", equalTo(List.of("translatedFrom")));
        Map<String, Object> fresh = Fixtures.article(Fixtures.uniqueSlug("fresh"));
        fresh.put("translatedFrom", 1);
        Api.createBadInput(fresh).then().statusCode(422).body("errors.field", equalTo(List.of("translatedFrom")));
        Api.latest(id).then().body("version", equalTo(2));

        // The source publishes version 3 and the translation goes live; from then on it renders published source text only.
        Workflow.submit("editor", sourceId).then().statusCode(200);
        Workflow.approve("reviewer", sourceId).then().statusCode(200);
        Api.save("editor", sourceId, Api.etag(sourceId), Fixtures.edited(source, "Draft four [@lee-2021].")).then().statusCode(200);
        Api.save("editor", id, Api.etag(id), inSpanish(source, null)).then().statusCode(200);
        Workflow.submit("editor", id).then().statusCode(200);
        approve(reviewerReading(List.of("es")), id).then().statusCode(200).body("state", equalTo("PUBLISHED"));
        Api.saveBadInput("editor", id, Api.etag(id), inSpanish(source, 4)).then().statusCode(422)
                .body("errors[0].message", containsString("source version 4 was never published"));
        Api.latest(id).then().body("translationOf.version", equalTo(3));
    }

    @Test
    void aRestoreThatWouldTakeTheTranslationBackIsRefused() {
        Map<String, Object> source = Fixtures.article(Fixtures.uniqueSlug("restore"));
        String sourceId = Api.createdId(source);
        String id = translate(sourceId, "es", Fixtures.uniqueSlug("restaurar")).then().statusCode(201).extract().path("id");
        Api.save("editor", sourceId, Api.etag(sourceId), Fixtures.edited(source, "Second [@lee-2021].")).then().statusCode(200);
        Api.save("editor", id, Api.etag(id), inSpanish(source, 2)).then().statusCode(200).body("translationOf.version", equalTo(2));
        Api.as("editor").header("If-Match", Api.etag(id)).body(Map.of("version", 1))
                .post(Api.ARTICLES + "/" + id + "/restore").then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("version"))).body("errors[0].message", containsString("moves forward only"));
        Api.latest(id).then().body("version", equalTo(2));
        Api.as("editor").header("If-Match", Api.etag(id)).body(Map.of("version", 2))
                .post(Api.ARTICLES + "/" + id + "/restore").then().statusCode(200).body("translationOf.version", equalTo(2));
    }

    @Test
    void aTranslationNeedsAReviewerWhoReadsItsLanguageAndFourEyesByContent() {
        Map<String, Object> source = Fixtures.article(Fixtures.uniqueSlug("review"));
        String sourceId = Workflow.published(source);
        String slug = Fixtures.uniqueSlug("revision");
        Map<String, Object> body = Map.of("language", "es", "slug", slug);
        String id = Api.as(Api.EDITOR_REVIEWER).body(body).post(Api.ARTICLES + "/" + sourceId + "/translations")
                .then().statusCode(201).extract().path("id");
        Api.save(Api.EDITOR_REVIEWER, id, Api.etag(id), inSpanish(source, null)).then().statusCode(200);
        Workflow.submit(Api.EDITOR_REVIEWER, id).then().statusCode(200);

        // The English-only reviewer, told why in words.
        Workflow.approve("reviewer", id).then().statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("approving a Spanish translation needs a reviewer who reads Spanish"));
        // The translator reads Spanish but wrote the translation.
        Api.as("admin").body(Map.of("languages", List.of("en", "es"))).patch("/api/v1/accounts/" + Api.EDITOR_REVIEWER)
                .then().statusCode(200);
        Api.forgetToken(Api.EDITOR_REVIEWER);
        Workflow.approve(Api.EDITOR_REVIEWER, id).then().statusCode(403)
                .body("detail", containsString("you wrote part of this change"));
        Api.latest(id).then().body("state", equalTo("IN_REVIEW"));

        approve(reviewerReading(List.of("es")), id).then().statusCode(200).body("state", equalTo("PUBLISHED"));
        translations(sourceId).then().statusCode(200).body("[0].status", equalTo("current"))
                .body("[0].translationOf.version", equalTo(1)).body("[0].publishedVersion", equalTo(2));
        // The source's own review is untouched by its translation's.
        Api.latest(sourceId).then().body("state", equalTo("PUBLISHED")).body("version", equalTo(1));
    }

    @Test
    void langChoosesAmongTheSourceAndItsLiveTranslations() {
        Map<String, Object> source = Fixtures.article(Fixtures.uniqueSlug("choose"));
        String sourceSlug = (String) source.get("slug");
        String sourceId = Workflow.published(source);
        String slug = Fixtures.uniqueSlug("elegir");
        String id = translate(sourceId, "es", slug).then().statusCode(201).extract().path("id");
        translate(sourceId, "fr", Fixtures.uniqueSlug("choisir")).then().statusCode(201);
        // Not live yet: not served in Spanish.
        RestAssured.get("/api/v1/articles/" + sourceSlug + "?lang=es").then().statusCode(404).contentType("application/problem+json");
        Workflow.submit("editor", id).then().statusCode(200);
        approve(reviewerReading(List.of("es")), id).then().statusCode(200);

        RestAssured.get("/api/v1/articles/" + sourceSlug + "?lang=es").then().statusCode(200)
                .body("slug", equalTo(slug)).body("language", equalTo("es"));
        RestAssured.get("/api/v1/articles/" + sourceSlug + "?lang=es-MX").then().statusCode(200).body("slug", equalTo(slug));
        RestAssured.get("/api/v1/articles/" + slug + "?lang=EN").then().statusCode(200).body("slug", equalTo(sourceSlug));
        RestAssured.get("/api/v1/articles/" + slug + "?lang=es").then().statusCode(200).body("slug", equalTo(slug));
        RestAssured.get("/api/v1/articles/" + slug).then().statusCode(200).body("slug", equalTo(slug));
        RestAssured.get("/api/v1/articles/" + sourceSlug + "?lang=fr").then().statusCode(404).contentType("application/problem+json");
        RestAssured.get("/api/v1/articles/" + sourceSlug + "?lang=e$").then().statusCode(400).contentType("application/problem+json");
        RestAssured.get("/api/v1/articles/no-such-article-here?lang=es").then().statusCode(404);
    }

    @Test
    void theDatabaseRefusesTranslationsThatBreakTheRules() {
        Map<String, Object> source = Fixtures.article(Fixtures.uniqueSlug("database"));
        String sourceId = Api.createdId(source);
        Api.save("editor", sourceId, Api.etag(sourceId), Fixtures.edited(source, "Second [@lee-2021].")).then().statusCode(200);
        String id = translate(sourceId, "de", Fixtures.uniqueSlug("datenbank")).then().statusCode(201).extract().path("id");
        Api.save("editor", id, Api.etag(id), inSpanish(source, null)).then().statusCode(200);
        String plain = Api.createdId(Fixtures.article(Fixtures.uniqueSlug("plain")));
        String integrity = Database.INTEGRITY_CONSTRAINT_VIOLATION;

        Database.assertRefused(Database.owner(), integrity, "article " + id + " cannot change the source or language it translates",
                "UPDATE articles SET translation_language = 'fr' WHERE id = CAST(? AS uuid)", id);
        Database.assertRefused(Database.owner(), integrity, "article " + id + " cannot change the source or language it translates",
                "UPDATE articles SET translation_of = NULL, translation_language = NULL WHERE id = CAST(? AS uuid)", id);
        Database.assertRefused(Database.owner(), integrity, "article " + sourceId + " is written in en: a translation is into another language",
                insertTranslation(), sourceId, "EN");
        Database.assertRefused(Database.owner(), integrity, "article " + id + " is a translation and cannot be the source of another",
                insertTranslation(), id, "fr");
        Database.assertRefused(Database.owner(), "23505", "duplicate key value violates unique constraint \"articles_one_translation_per_language\"",
                insertTranslation(), sourceId, "DE");
        Database.assertRefused(Database.owner(), "23514",
                "new row for relation \"articles\" violates check constraint \"articles_translation_language_check\"",
                insertTranslation(), sourceId, "d e");

        // Versions: the next version of the translation, copied with one thing changed.
        Database.assertRefused(Database.owner(), integrity, "version 1 of the source has another content hash than " + "0".repeat(64),
                nextVersion("'translated_from_version', 1, 'translated_from_hash', repeat('0', 64)"), id, id);
        Database.assertRefused(Database.owner(), integrity, "version 3 of translation " + id + " goes back from source version 2 to 1",
                nextVersion("'translated_from_version', 1, 'translated_from_hash',"
                        + " (SELECT content_hash FROM article_versions WHERE article_id = CAST('" + sourceId + "' AS uuid) AND version_no = 1)"), id, id);
        Database.assertRefused(Database.owner(), integrity, "version 3 of translation " + id + " must name the version of its source "
                        + sourceId + " it translates",
                nextVersion("'translated_from_article', NULL, 'translated_from_version', NULL, 'translated_from_hash', NULL"), id, id);
        Database.assertRefused(Database.owner(), integrity, "translation " + id + " is in de, not en",
                nextVersion("'language', 'en'"), id, id);
        Database.assertRefused(Database.owner(), integrity, "article " + plain + " is no translation: its versions translate nothing",
                nextVersion("'translated_from_article', CAST('" + sourceId + "' AS uuid), 'translated_from_version', 1,"
                        + " 'translated_from_hash', (SELECT content_hash FROM article_versions WHERE article_id = CAST('" + sourceId
                        + "' AS uuid) AND version_no = 1)"), plain, plain);
        // The trigger runs before the row's checks: a source version without its hash names no source text.
        Database.assertRefused(Database.owner(), integrity, "version 2 of the source has another content hash than <NULL>",
                nextVersion("'translated_from_hash', NULL"), id, id);
        assertEquals(2, Database.queryLong(Database.owner(), "SELECT count(*) FROM article_versions WHERE article_id = CAST(? AS uuid)", id));
    }

    @Test
    void theDatabaseKeepsALiveTranslationToPublishedSourceVersions() {
        Map<String, Object> source = Fixtures.article(Fixtures.uniqueSlug("live-db"));
        String sourceId = Workflow.published(source);
        String id = translate(sourceId, "es", Fixtures.uniqueSlug("viva")).then().statusCode(201).extract().path("id");
        Workflow.submit("editor", id).then().statusCode(200);
        approve(reviewerReading(List.of("es")), id).then().statusCode(200);
        Api.save("editor", sourceId, Api.etag(sourceId), Fixtures.edited(source, "Unpublished [@lee-2021].")).then().statusCode(200);
        Database.assertRefused(Database.owner(), Database.INTEGRITY_CONSTRAINT_VIOLATION,
                "translation " + id + " has been live: it can only translate a published version of its source, not 2",
                nextVersion("'translated_from_version', 2, 'translated_from_hash',"
                        + " (SELECT content_hash FROM article_versions WHERE article_id = CAST('" + sourceId + "' AS uuid) AND version_no = 2)"), id, id);
    }

    /** Inserts a translation of the source (parameter 1) into a language (parameter 2), as a client of the database. */
    private static String insertTranslation() {
        return """
                INSERT INTO articles (id, slug, created_at, created_by, latest_version, state, changed_at, translation_of, translation_language)
                SELECT gen_random_uuid(), 'db-' || substr(md5(random()::text), 1, 10), now(), created_by, 1, 'DRAFT', now(),
                       CAST(? AS uuid), ? FROM articles LIMIT 1""";
    }

    /** The next version of an article (both parameters: its id), a copy of its newest with {@code changes} (jsonb pairs). */
    private static String nextVersion(String changes) {
        return """
                INSERT INTO article_versions SELECT * FROM jsonb_populate_record(NULL::article_versions,
                    (SELECT to_jsonb(v) || jsonb_build_object('id', gen_random_uuid(), 'version_no', v.version_no + 1, %s)
                     FROM article_versions v JOIN articles a ON a.id = v.article_id AND v.version_no = a.latest_version
                     WHERE a.id = CAST(? AS uuid) AND v.article_id = CAST(? AS uuid)))""".formatted(changes);
    }
}
