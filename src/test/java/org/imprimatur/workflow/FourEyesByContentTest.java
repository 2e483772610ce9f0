package org.imprimatur.workflow;

import io.quarkus.test.junit.QuarkusTest;
import org.imprimatur.support.Api;
import org.imprimatur.support.Database;
import org.imprimatur.support.Fixtures;
import org.imprimatur.support.Workflow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * Four-eyes by content (docs/workflow.md): the approver must not have written any text that goes
 * live, whoever pressed Save and however the text came back.
 */
@QuarkusTest
class FourEyesByContentTest {

    @Test
    void restoringTheApproversOwnUnreviewedTextDoesNotLetThemApproveIt() {
        Map<String, Object> content = Fixtures.article(Fixtures.uniqueSlug("restore-bypass"));
        // The editor-reviewer writes v1, which never goes live.
        String id = Api.as(Api.EDITOR_REVIEWER).body(content).post(Api.ARTICLES).then().statusCode(201).extract().path("id");
        // The editor rewrites it as v2; a reviewer approves v2, which goes live.
        Api.save("editor", id, Api.etag(id), Fixtures.edited(content, "The editor's own text [@lee-2021].")).then().statusCode(200);
        Workflow.submit("editor", id).then().statusCode(200);
        Workflow.approve("reviewer", id).then().statusCode(200);
        // The editor restores v1 as v3 and submits it: the editor-reviewer's text, which no one else reviewed.
        Api.as("editor").header("If-Match", Api.etag(id)).body(Map.of("version", 1))
                .post(Api.ARTICLES + "/" + id + "/restore").then().statusCode(200).body("version", equalTo(3));
        Workflow.submit("editor", id).then().statusCode(200);

        Workflow.approve(Api.EDITOR_REVIEWER, id).then().statusCode(403)
                .contentType("application/problem+json")
                .body("rule", equalTo("reviewerIsNotAnAuthor"))
                .body("detail", containsString("you wrote part of this change"));
        Api.latest(id).then().body("state", equalTo("IN_REVIEW")).body("publishedVersion", equalTo(2));
        Workflow.approve("reviewer2", id).then().statusCode(200).body("publishedVersion", equalTo(3));
    }

    @Test
    void textWrittenLongBeforeStillCountsForItsAuthorUntilItIsLive() {
        Map<String, Object> content = Fixtures.article(Fixtures.uniqueSlug("old-text"));
        // The editor-reviewer writes v1; the editor edits one section in v2, keeping the editor-reviewer's other one.
        String id = Api.as(Api.EDITOR_REVIEWER).body(content).post(Api.ARTICLES).then().statusCode(201).extract().path("id");
        Api.save("editor", id, Api.etag(id), Fixtures.edited(content, "Edited intro [@lee-2021].")).then().statusCode(200);
        Workflow.submit("editor", id).then().statusCode(200);
        // Nothing is live yet, so all of v2 is the change; part of it is the editor-reviewer's.
        Workflow.approve(Api.EDITOR_REVIEWER, id).then().statusCode(403).body("rule", equalTo("reviewerIsNotAnAuthor"));
        Workflow.approve("reviewer", id).then().statusCode(200);
    }

    @Test
    void unchangedTextTheApproverOnceWroteDoesNotBlockThem() {
        Map<String, Object> content = Fixtures.article(Fixtures.uniqueSlug("reviewed-text"));
        // The editor-reviewer's v1 is reviewed by someone else and goes live.
        String id = Api.as(Api.EDITOR_REVIEWER).body(content).post(Api.ARTICLES).then().statusCode(201).extract().path("id");
        Workflow.submit("editor", id).then().statusCode(200);
        Workflow.approve("reviewer", id).then().statusCode(200);
        // The editor changes the intro; the editor-reviewer's other section goes live again unchanged.
        Api.save("editor", id, Api.etag(id), Fixtures.edited(content, "A clearer intro [@lee-2021].")).then().statusCode(200);
        Workflow.submit("editor", id).then().statusCode(200);
        Workflow.approve(Api.EDITOR_REVIEWER, id).then().statusCode(200).body("publishedVersion", equalTo(2));
    }

    @Test
    void aStoredVersionIsSealed() {
        UUID articleId = UUID.fromString(Api.createdId(Fixtures.article(Fixtures.uniqueSlug("sealed"))));
        String version = "(SELECT id FROM article_versions WHERE article_id = ?)";
        // As the owner, so that the trigger answers and not the service role's missing privileges.
        String versionId = Database.queryString(Database.owner(), "SELECT id FROM article_versions WHERE article_id = ?", articleId);
        for (String sql : List.of(
                    "INSERT INTO version_sections (version_id, ordinal, key, heading, body, origin_version) SELECT "
                            + version + ", 50, 'slipped-in', '', 'Unreviewed advice.', 1",
                    "INSERT INTO version_tags (version_id, ordinal, tag) SELECT " + version + ", 19, 'slipped-in'",
                    "INSERT INTO version_citations (version_id, ordinal, key, kind, title, authors, url, origin_version) SELECT "
                            + version + ", 50, 'slipped-in', 'other', 'Nobody', '{}', 'https://example.org', 1")) {
            String table = sql.substring("INSERT INTO ".length(), sql.indexOf(' ', "INSERT INTO ".length()));
            Database.assertRefused(Database.owner(), Database.INTEGRITY_CONSTRAINT_VIOLATION,
                    "version " + versionId + " is sealed: " + table + " rows are written only with the version itself",
                    sql, articleId);
        }
        Api.as("editor").get(Api.ARTICLES + "/" + articleId).then().body("sections.size()", equalTo(2));
    }

    /**
     * docs/workflow.md: a removal, a reorder and a new review interval are writing, attributed to the
     * version that made them and carried through restores. R (editor and reviewer) makes the change
     * in v2; the editor restores v1, which goes live; the editor restores v2; R may not approve it.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"removes the diet section", "puts diet before intro", "sets the review interval to 36 months"})
    void changesThatLeaveNoTextBehindCountForTheReviewerWhoMadeThem(String change) {
        Map<String, Object> content = Fixtures.article(Fixtures.uniqueSlug("structure"));
        String id = Api.createdId(content);
        Workflow.submit("editor", id).then().statusCode(200);
        Workflow.approve("reviewer", id).then().statusCode(200).body("publishedVersion", equalTo(1));

        Map<String, Object> changed = new java.util.LinkedHashMap<>(content);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> sections = new java.util.ArrayList<>((List<Map<String, Object>>) content.get("sections"));
        switch (change) {
            case "removes the diet section" -> {
                sections.remove(1);
                changed.put("citations", List.of(((List<?>) content.get("citations")).get(0)));
            }
            case "puts diet before intro" -> java.util.Collections.reverse(sections);
            default -> changed.put("reviewIntervalMonths", 36);
        }
        changed.put("sections", sections);
        Api.save(Api.EDITOR_REVIEWER, id, Api.etag(id), changed).then().statusCode(200).body("version", equalTo(2));
        restore(id, 1, 3);
        Workflow.submit("editor", id).then().statusCode(200);
        Workflow.approve("reviewer2", id).then().statusCode(200).body("publishedVersion", equalTo(3));
        restore(id, 2, 4);
        Workflow.submit("editor", id).then().statusCode(200);

        Workflow.approve(Api.EDITOR_REVIEWER, id).then().statusCode(403).body("rule", equalTo("reviewerIsNotAnAuthor"));
        Api.latest(id).then().body("state", equalTo("IN_REVIEW")).body("publishedVersion", equalTo(3));
        Workflow.approve("reviewer", id).then().statusCode(200).body("publishedVersion", equalTo(4));
    }

    private static void restore(String id, int version, int expectedNew) {
        Api.as("editor").header("If-Match", Api.etag(id)).body(Map.of("version", version))
                .post(Api.ARTICLES + "/" + id + "/restore").then().statusCode(200).body("version", equalTo(expectedNew));
    }
}
