package org.imprimatur.importing;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.imprimatur.support.Api;
import org.imprimatur.support.Database;
import org.imprimatur.support.Fixtures;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** POST /api/v1/editorial/import (docs/operations.md, "Importing a library"). */
@QuarkusTest
class ImportApiTest {

    private static final String IMPORT = "/api/v1/editorial/import";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    AgroalDataSource dataSource;

    @Test
    @SuppressWarnings("unchecked")
    void goodLinesGoInAndEachBadLineIsReportedWithItsFieldsAndStoresNothing() throws Exception {
        String first = Fixtures.uniqueSlug("import-good");
        String second = Fixtures.uniqueSlug("import-good");
        String noTitle = Fixtures.uniqueSlug("import-bad");
        String badHistory = Fixtures.uniqueSlug("import-bad");
        Map<String, Object> untitled = Fixtures.article(noTitle);
        untitled.remove("title");
        Map<String, Object> withBadHistory = Fixtures.article(badHistory);
        Map<String, Object> earlier = Fixtures.article(null);
        earlier.remove("slug");
        ((List<Map<String, Object>>) earlier.get("sections")).get(1).put("aspect", "horoscope");
        withBadHistory.put("history", List.of(Map.of("version", 1, "content", earlier)));
        String body = String.join("\n", line(Fixtures.article(first)), line(untitled), "{not json", "",
                line(withBadHistory), line(Fixtures.article(second))) + "\n";

        Response report = importAs("admin", body);
        report.then().statusCode(200)
                .body("imported", equalTo(2)).body("versions", equalTo(2)).body("unchanged", equalTo(0))
                .body("failed", equalTo(3)).body("unlistedFailures", equalTo(0))
                .body("failures.line", contains(2, 3, 5))
                .body("failures[0].slug", equalTo(noTitle))
                .body("failures[0].errors.field", contains("title"))
                .body("failures[1].slug", nullValue())
                .body("failures[1].errors[0].field", equalTo("$"))
                .body("failures[2].errors.field", contains("history[0].content.sections[1].aspect"));
        assertEquals(0, countOf(noTitle));
        assertEquals(0, countOf(badHistory));
        assertEquals(1, countOf(first));
        assertEquals(1, countOf(second));
        // Imported without a live version: a draft, version 1.
        assertEquals("DRAFT 1", Database.queryString(dataSource,
                "SELECT state || ' ' || latest_version FROM articles WHERE slug = ?", first));
    }

    @Test
    void theSameFileTwiceChangesNothingTheSecondTime() throws Exception {
        String body = line(publishedWithHistory(Fixtures.uniqueSlug("import-twice"))) + "\n"
                + line(Fixtures.article(Fixtures.uniqueSlug("import-twice"))) + "\n";
        importAs("admin", body).then().statusCode(200).body("imported", equalTo(2)).body("versions", equalTo(3));
        long events = Database.queryLong(dataSource, "SELECT count(*) FROM audit_events");
        importAs("admin", body).then().statusCode(200)
                .body("imported", equalTo(0)).body("unchanged", equalTo(2)).body("failed", equalTo(0));
        assertEquals(events, Database.queryLong(dataSource, "SELECT count(*) FROM audit_events"));
    }

    @Test
    void aSlugStoredWithOtherContentIsAFailedLineAndIsNotOverwritten() throws Exception {
        String slug = Fixtures.uniqueSlug("import-taken");
        String id = Api.createdId(Fixtures.article(slug));
        Map<String, Object> other = Fixtures.edited(Fixtures.article(slug), "Another intro [@lee-2021].");
        importAs("admin", line(other)).then().statusCode(200)
                .body("imported", equalTo(0)).body("failed", equalTo(1))
                .body("failures[0].line", equalTo(1))
                .body("failures[0].errors[0].field", equalTo("slug"))
                .body("failures[0].errors[0].message", startsWith("exists with different content"));
        Api.latest(id).then().body("version", equalTo(1)).body("sections[0].body", equalTo("Eczema is common [@lee-2021]."));
    }

    @Test
    void aPublishedHistoryIsLiveWithItsImportedApprovalAndAnAuditChainThatStartsWithImported() throws Exception {
        String slug = Fixtures.uniqueSlug("import-live");
        String text = line(publishedWithHistory(slug));
        importAs("admin", text).then().statusCode(200).body("imported", equalTo(1)).body("versions", equalTo(2));

        io.restassured.RestAssured.given().get("/api/v1/articles/" + slug).then().statusCode(200)
                .body("version", equalTo(2))
                .body("sections[0].body", equalTo("Second draft [@lee-2021]."))
                .body("review.reviewedBy.name", equalTo("Dr B. Reviewer"))
                .body("review.reviewedBy.credentials", equalTo("MD, FRCP"))
                .body("review.lastReviewedOn", equalTo("2025-03-05"))
                .body("review.nextReviewDue", equalTo("2026-03-05"));
        // Provenance names the old system's authors and reviewer, never the admin who imported the file.
        io.restassured.RestAssured.given().get("/api/v1/articles/" + slug + "/provenance").then().statusCode(200)
                .body("sections[0].firstWritten.version", equalTo(2))
                .body("sections[0].firstWritten.author", equalTo("Dr C. Editor"))
                .body("sections[1].firstWritten.version", equalTo(1))
                .body("sections[1].firstWritten.author", equalTo("Dr A. Name"))
                .body("sections[0].fullReview.reviewer.name", equalTo("Dr B. Reviewer"));
        String id = Database.queryString(dataSource, "SELECT id::text FROM articles WHERE slug = ?", slug);
        assertEquals("true null APPROVAL", Database.queryString(dataSource,
                "SELECT imported || ' ' || coalesce(reviewer_id::text, 'null') || ' ' || kind FROM review_records"
                        + " WHERE article_id = ?::uuid", id));
        assertEquals("Dr A. Name", Database.queryString(dataSource,
                "SELECT imported_author FROM article_versions WHERE article_id = ?::uuid AND version_no = 1", id));
        Api.as("editor").get(Api.ARTICLES + "/" + id).then().statusCode(200)
                .body("state", equalTo("PUBLISHED")).body("publishedVersion", equalTo(2))
                .body("review.reviewedBy.id", nullValue());
        String sha256 = org.imprimatur.infrastructure.CanonicalJson.sha256Hex(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Api.as("editor").get(Api.ARTICLES + "/" + id + "/audit").then().statusCode(200)
                .body("chainValid", equalTo(true))
                .body("events.action", contains("imported"))
                .body("events[0].toState", equalTo("PUBLISHED"))
                .body("events[0].actor.name", equalTo(Database.queryString(dataSource,
                        "SELECT display_name FROM accounts WHERE username = 'admin'")))
                .body("events[0].comment", equalTo("Imported; SHA-256 of the source line: " + sha256));
    }

    @Test
    void onlyAnAdminMayImport() throws Exception {
        String slug = Fixtures.uniqueSlug("import-editor");
        Response refused = Api.as("editor").contentType("application/x-ndjson").body(line(Fixtures.article(slug)).getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post(IMPORT);
        refused.then().statusCode(403).contentType("application/problem+json");
        assertEquals(0, countOf(slug));
    }

    @Test
    void aLivePublishedVersionNeedsItsApproval() throws Exception {
        String slug = Fixtures.uniqueSlug("import-unapproved");
        Map<String, Object> article = Fixtures.article(slug);
        article.put("publishedVersion", 1);
        importAs("admin", line(article)).then().statusCode(200).body("failed", equalTo(1))
                .body("failures[0].errors.field", hasItem("approval"));
        assertEquals(0, countOf(slug));
    }

    private static Map<String, Object> publishedWithHistory(String slug) {
        Map<String, Object> first = Fixtures.article(null);
        first.remove("slug");
        Map<String, Object> article = new LinkedHashMap<>(Fixtures.edited(Fixtures.article(slug), "Second draft [@lee-2021]."));
        article.put("author", "Dr C. Editor");
        article.put("savedAt", "2025-03-02T10:00:00Z");
        article.put("history", List.of(Map.of("version", 1, "author", "Dr A. Name", "savedAt", "2025-02-01T09:00:00Z",
                "content", first)));
        article.put("publishedVersion", 2);
        article.put("approval", Map.of("reviewer", "Dr B. Reviewer", "credentials", "MD, FRCP",
                "approvedAt", "2025-03-05T12:00:00Z"));
        return article;
    }

    private long countOf(String slug) {
        return Database.queryLong(dataSource, "SELECT count(*) FROM articles WHERE slug = ?", slug);
    }

    private static Response importAs(String username, String body) {
        return Api.as(username).contentType("application/x-ndjson").body(body.getBytes(java.nio.charset.StandardCharsets.UTF_8)).post(IMPORT);
    }

    private static String line(Map<String, Object> article) throws Exception {
        return JSON.writeValueAsString(article);
    }
}
