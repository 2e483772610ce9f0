package org.imprimatur.workflow;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.imprimatur.support.Api;
import org.imprimatur.support.ApiContract;
import org.imprimatur.support.Database;
import org.imprimatur.support.Fixtures;
import org.imprimatur.support.ServiceClock;
import org.imprimatur.support.Workflow;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** docs/releases.md through the API: filling, approving for, publishing and reverting a release. */
@QuarkusTest
class ReleasesApiTest {

    static final String RELEASES = "/api/v1/editorial/releases";

    @Inject
    AgroalDataSource dataSource;

    static String release(String title) {
        return Api.as("editor").body(Map.of("title", title)).post(RELEASES).then().statusCode(201)
                .header("Location", containsString(RELEASES + "/"))
                .body("state", equalTo("OPEN"))
                .extract().path("id");
    }

    static Response putItem(String release, String articleId) {
        Response latest = Api.latest(articleId);
        return Api.as("editor").body(Map.of("version", latest.path("version"), "contentHash", latest.path("contentHash")))
                .put(RELEASES + "/" + release + "/items/" + articleId);
    }

    static Response approveFor(String reviewer, String release, String articleId) {
        Response latest = Api.latest(articleId);
        Map<String, Object> body = new HashMap<>();
        body.put("version", latest.path("version"));
        body.put("contentHash", latest.path("contentHash"));
        body.put("scope", "full");
        body.put("evidence", Workflow.allCurrent(latest));
        body.put("release", release);
        return Api.as(reviewer).body(body).post(Api.ARTICLES + "/" + articleId + "/approve");
    }

    static String submitted(String slug) {
        String id = Api.createdId(Fixtures.article(slug));
        Workflow.submit("editor", id).then().statusCode(200);
        return id;
    }

    /** A published article with a new version submitted: version 1 live, version 2 under review. */
    static String publishedWithSubmittedEdit(String slug) {
        Map<String, Object> content = Fixtures.article(slug);
        String id = Workflow.published(content);
        Api.save("editor", id, Api.etag(id), Fixtures.edited(content, "Eczema is very common [@lee-2021].")).then().statusCode(200);
        Workflow.submit("editor", id).then().statusCode(200);
        return id;
    }

    static int publicVersion(String slug) {
        return RestAssured.given().accept("application/json").get("/api/v1/articles/" + slug).then().statusCode(200)
                .extract().path("version");
    }

    @Test
    void anApprovalForAReleaseWaitsForItAndThePublicationMakesEveryItemLiveTogether() {
        String slugA = Fixtures.uniqueSlug("release-new");
        String slugB = Fixtures.uniqueSlug("release-edit");
        String newArticle = submitted(slugA);
        String edited = publishedWithSubmittedEdit(slugB);
        String release = release("Eczema guideline 2027");
        putItem(release, newArticle).then().statusCode(200).body("items", hasSize(1));
        putItem(release, edited).then().statusCode(200).body("items", hasSize(2))
                .body("items.approval", containsInAnyOrder("not-approved", "not-approved"))
                .body("ready", equalTo(false));

        approveFor("reviewer", release, newArticle).then().statusCode(200)
                .body("state", equalTo("APPROVED"))
                .body("awaitsRelease", equalTo(release))
                .body("publishedVersion", nullValue())
                .body("publishAt", nullValue());
        // Nothing goes live before the release does.
        RestAssured.given().get("/api/v1/articles/" + slugA).then().statusCode(404);

        // One item not approved: 409 naming it, and nothing published.
        long feedBefore = Database.count(dataSource, "change_feed");
        Api.as("reviewer").filter(ApiContract.answerOnly()).post(RELEASES + "/" + release + "/publish").then().statusCode(409)
                .body("rule", equalTo("everyItemIsReady"))
                .body("errors", hasSize(1))
                .body("errors[0].field", equalTo("items." + edited))
                .body("errors[0].message", startsWith(slugB + ": version 2"));
        RestAssured.given().get("/api/v1/articles/" + slugA).then().statusCode(404);
        assertEquals(1, publicVersion(slugB));
        assertEquals(feedBefore, Database.count(dataSource, "change_feed"));

        approveFor("reviewer", release, edited).then().statusCode(200).body("state", equalTo("APPROVED"));
        Api.as("editor").get(RELEASES + "/" + release).then().statusCode(200)
                .body("ready", equalTo(true))
                .body("items.approval", containsInAnyOrder("approved", "approved"))
                .body("items.approvedBy", everyItem(notNullValue()));
        assertEquals(1, publicVersion(slugB));

        long outboxBefore = Database.count(dataSource, "outbox_events");
        Api.as("admin").post(RELEASES + "/" + release + "/publish").then().statusCode(200)
                .body("state", equalTo("PUBLISHED"))
                .body("publishedAt", notNullValue())
                .body("items.approval", containsInAnyOrder("released", "released"))
                .body("items.find { it.articleId == '" + edited + "' }.previousVersion", equalTo(1))
                .body("items.find { it.articleId == '" + newArticle + "' }.previousVersion", nullValue());
        assertEquals(1, publicVersion(slugA));
        assertEquals(2, publicVersion(slugB));
        Api.latest(edited).then().body("state", equalTo("PUBLISHED")).body("publishedVersion", equalTo(2))
                .body("awaitsRelease", nullValue())
                .body("review.version", equalTo(2));

        // One audit event per article, naming the release.
        for (String id : List.of(newArticle, edited)) {
            Api.as("editor").get(Api.ARTICLES + "/" + id + "/audit").then().statusCode(200)
                    .body("chainValid", equalTo(true))
                    .body("events.findAll { it.action == 'publish-release' }", hasSize(1))
                    .body("events.find { it.action == 'publish-release' }.comment",
                            equalTo("Went live with the release \"Eczema guideline 2027\" (" + release + ")"));
        }
        // Outbox: published for each article, then one release-published; the change feed in the same commit.
        assertEquals(outboxBefore + 3, Database.count(dataSource, "outbox_events"));
        assertEquals("published,published,release-published", Database.queryString(dataSource, """
                SELECT string_agg(type, ',' ORDER BY id) FROM (SELECT id, type FROM outbox_events ORDER BY id DESC LIMIT 3) e"""));
        assertEquals(2, Database.queryLong(dataSource, """
                SELECT count(*) FROM outbox_events WHERE type = 'published' AND data->>'releaseId' = ?""", release));
        String releaseFeed = """
                FROM change_feed WHERE article_id IN (?::uuid, ?::uuid) AND type = 'published'
                  AND occurred_at = (SELECT published_at FROM releases WHERE id = ?::uuid)""";
        assertEquals(2, Database.queryLong(dataSource, "SELECT count(*) " + releaseFeed, newArticle, edited, release));
        // Written by one transaction: one commit.
        assertEquals(1, Database.queryLong(dataSource, "SELECT count(DISTINCT xmin::text) " + releaseFeed, newArticle, edited, release));

        // Published once: a second publication is refused.
        Api.as("reviewer").filter(ApiContract.answerOnly()).post(RELEASES + "/" + release + "/publish").then().statusCode(409)
                .body("rule", equalTo("releaseIsOpen"));
    }

    @Test
    void aRevertMakesThePreviousVersionsLiveAgainAndTakesNewArticlesOff() {
        String slugA = Fixtures.uniqueSlug("revert-new");
        String slugB = Fixtures.uniqueSlug("revert-edit");
        String newArticle = submitted(slugA);
        String edited = publishedWithSubmittedEdit(slugB);
        String release = release("Revert me");
        putItem(release, newArticle).then().statusCode(200);
        putItem(release, edited).then().statusCode(200);
        approveFor("reviewer", release, newArticle).then().statusCode(200);
        approveFor("reviewer", release, edited).then().statusCode(200);

        Api.as("reviewer").filter(ApiContract.answerOnly()).post(RELEASES + "/" + release + "/revert").then().statusCode(409)
                .body("rule", equalTo("releaseIsLive"));
        Api.as("reviewer").post(RELEASES + "/" + release + "/publish").then().statusCode(200);
        Api.as("editor").filter(ApiContract.answerOnly()).post(RELEASES + "/" + release + "/revert").then().statusCode(403)
                .body("rule", equalTo("actorHoldsARequiredRole"));

        Api.as("reviewer").post(RELEASES + "/" + release + "/revert").then().statusCode(200)
                .body("state", equalTo("REVERTED"))
                .body("revertedAt", notNullValue());
        assertEquals(1, publicVersion(slugB));
        RestAssured.given().get("/api/v1/articles/" + slugA).then().statusCode(410)
                .body("detail", containsString("Revert me"));
        Api.latest(edited).then().body("state", equalTo("DRAFT")).body("publishedVersion", equalTo(1));
        Api.latest(newArticle).then().body("state", equalTo("RETRACTED")).body("publishedVersion", nullValue());
        Api.as("editor").get(Api.ARTICLES + "/" + edited + "/audit").then()
                .body("events.find { it.action == 'revert-release' }.comment", containsString("version 1 is live again"))
                .body("chainValid", equalTo(true));
        assertEquals(1, Database.queryLong(dataSource,
                "SELECT count(*) FROM outbox_events WHERE type = 'release-reverted' AND data->>'releaseId' = ?", release));
        Api.as("reviewer").filter(ApiContract.answerOnly()).post(RELEASES + "/" + release + "/revert").then().statusCode(409)
                .body("rule", equalTo("releaseIsLive"));
    }

    @Test
    void savingAfterTheApprovalTakesTheItemOutOfTheReadySet() {
        String slug = Fixtures.uniqueSlug("release-saved");
        Map<String, Object> content = Fixtures.article(slug);
        String id = Api.createdId(content);
        Workflow.submit("editor", id).then().statusCode(200);
        String release = release("Saved after approval");
        putItem(release, id).then().statusCode(200);
        approveFor("reviewer", release, id).then().statusCode(200);

        Api.save("editor", id, Api.etag(id), Fixtures.edited(content, "Eczema is rather common [@lee-2021].")).then().statusCode(200)
                .body("state", equalTo("DRAFT"))
                .body("awaitsRelease", nullValue());
        Api.as("editor").get(RELEASES + "/" + release).then().statusCode(200)
                .body("ready", equalTo(false))
                .body("items[0].approval", equalTo("newer-version-saved"))
                .body("items[0].blocker", startsWith("version 2 was saved after the item's version 1"));
        Api.as("admin").filter(ApiContract.answerOnly()).post(RELEASES + "/" + release + "/publish").then().statusCode(409)
                .body("errors[0].field", equalTo("items." + id));
        RestAssured.given().get("/api/v1/articles/" + slug).then().statusCode(404);

        // Put the new version in and approve it for the release again: ready.
        Workflow.submit("editor", id).then().statusCode(200);
        putItem(release, id).then().statusCode(200).body("items[0].version", equalTo(2));
        approveFor("reviewer", release, id).then().statusCode(200);
        Api.as("editor").get(RELEASES + "/" + release).then().body("ready", equalTo(true));

        // Withdrawn, the approval no longer counts.
        Workflow.withdraw("editor", id).then().statusCode(200).body("state", equalTo("DRAFT"));
        Api.as("editor").get(RELEASES + "/" + release).then().body("items[0].approval", equalTo("withdrawn"));
    }

    @Test
    void approvingForAReleaseKeepsEveryUsualRule() {
        String id = submitted(Fixtures.uniqueSlug("release-rules"));
        String release = release("Rules");
        // Not an item yet.
        approveFor("reviewer", release, id).then().statusCode(409).body("rule", equalTo("approvalNamesTheReleaseItem"));
        putItem(release, id).then().statusCode(200);
        // An unknown release, a release with a time of its own, an editor, a stale hash: each refused, nothing stored.
        approveFor("reviewer", UUID.randomUUID().toString(), id).then().statusCode(422)
                .body("errors[0].field", equalTo("release"));
        Response latest = Api.latest(id);
        Map<String, Object> timed = new HashMap<>(Map.of("version", latest.path("version"), "contentHash", latest.path("contentHash"),
                "scope", "full", "evidence", Workflow.allCurrent(latest), "release", release,
                "publishAt", Instant.now().plus(Duration.ofDays(1)).toString()));
        Api.as("reviewer").body(timed).post(Api.ARTICLES + "/" + id + "/approve").then().statusCode(422)
                .body("rule", equalTo("approvalIsForAReleaseOrATime"))
                .body("errors[0].field", equalTo("publishAt"));
        approveFor("editor", release, id).then().statusCode(403).body("rule", equalTo("actorHoldsARequiredRole"));
        Map<String, Object> stale = new HashMap<>(timed);
        stale.remove("publishAt");
        stale.put("contentHash", "0".repeat(64));
        Api.as("reviewer").body(stale).post(Api.ARTICLES + "/" + id + "/approve").then().statusCode(409)
                .body("rule", equalTo("approvalNamesTheVersionUnderReview"));
        Map<String, Object> noEvidence = new HashMap<>(stale);
        noEvidence.put("contentHash", latest.path("contentHash"));
        noEvidence.remove("evidence");
        Api.as("reviewer").body(noEvidence).post(Api.ARTICLES + "/" + id + "/approve").then().statusCode(422)
                .body("rule", equalTo("evidenceConfirmsEveryCitation"));
        assertEquals(0, Database.queryLong(dataSource, "SELECT count(*) FROM review_records WHERE article_id = ?::uuid", id));
        Api.latest(id).then().body("state", equalTo("IN_REVIEW"));

        // Four-eyes: the author of the change cannot approve it for a release either.
        String own = Api.as(Api.EDITOR_REVIEWER).body(Fixtures.article(Fixtures.uniqueSlug("release-own"))).post(Api.ARTICLES)
                .then().statusCode(201).extract().path("id");
        Workflow.submit(Api.EDITOR_REVIEWER, own).then().statusCode(200);
        putItem(release, own).then().statusCode(200);
        approveFor(Api.EDITOR_REVIEWER, release, own).then().statusCode(403).body("rule", equalTo("reviewerIsNotAnAuthor"));
    }

    @Test
    void badRequestsAreRefusedAndStoreNothing() {
        long releases = Database.count(dataSource, "releases");
        Api.as("editor").filter(ApiContract.answerOnly()).body(Map.of("title", " ")).post(RELEASES).then().statusCode(422)
                .contentType("application/problem+json").body("errors[0].field", equalTo("title"));
        Api.as("editor").filter(ApiContract.answerOnly()).body(Map.of()).post(RELEASES).then().statusCode(422);
        Api.as("editor").filter(ApiContract.answerOnly()).body(Map.of("title", "x".repeat(201))).post(RELEASES).then().statusCode(422);
        Api.as("editor").filter(ApiContract.answerOnly()).body(Map.of("title", "Bell")).post(RELEASES).then().statusCode(422);
        Api.as("editor").filter(ApiContract.answerOnly()).body(Map.of("title", "Past", "publishAt", "2020-01-01T00:00:00Z"))
                .post(RELEASES).then().statusCode(422).body("errors[0].field", equalTo("publishAt"));
        Api.as("editor").filter(ApiContract.answerOnly()).body(Map.of("title", "Odd", "colour", "red")).post(RELEASES)
                .then().statusCode(400).contentType("application/problem+json");
        Api.as("editor").filter(ApiContract.answerOnly()).body(Map.of("title", "Odd", "publishAt", "tomorrow")).post(RELEASES)
                .then().statusCode(400);
        Api.as("reviewer").filter(ApiContract.answerOnly()).body(Map.of("title", "Not mine")).post(RELEASES).then().statusCode(403)
                .body("rule", equalTo("actorHoldsARequiredRole"));
        RestAssured.given().filter(ApiContract.answerOnly()).contentType("application/json").body(Map.of("title", "Anonymous"))
                .post(RELEASES).then().statusCode(401);
        assertEquals(releases, Database.count(dataSource, "releases"));

        String release = release("Bad items");
        String id = submitted(Fixtures.uniqueSlug("release-bad-items"));
        String hash = Api.latest(id).path("contentHash");
        String items = RELEASES + "/" + release + "/items/";
        Api.as("editor").filter(ApiContract.answerOnly()).body(Map.of("version", 1)).put(items + id).then().statusCode(422)
                .body("errors[0].field", equalTo("contentHash"));
        Api.as("editor").filter(ApiContract.answerOnly()).body(Map.of("version", 7, "contentHash", hash)).put(items + id).then()
                .statusCode(422).body("errors[0].field", equalTo("version"));
        Api.as("editor").filter(ApiContract.answerOnly()).body(Map.of("version", 1, "contentHash", "0".repeat(64))).put(items + id)
                .then().statusCode(409).body("rule", equalTo("itemNamesTheVersionAndHash"));
        Api.as("editor").filter(ApiContract.answerOnly()).body(Map.of("version", 1, "contentHash", hash))
                .put(items + UUID.randomUUID()).then().statusCode(404);
        Api.as("editor").filter(ApiContract.answerOnly()).body(Map.of("version", 1, "contentHash", hash))
                .put(RELEASES + "/" + UUID.randomUUID() + "/items/" + id).then().statusCode(404);
        Api.as("reviewer").filter(ApiContract.answerOnly()).body(Map.of("version", 1, "contentHash", hash)).put(items + id)
                .then().statusCode(403);
        Api.as("editor").filter(ApiContract.answerOnly()).delete(items + id).then().statusCode(404);
        Api.as("admin").filter(ApiContract.answerOnly()).post(RELEASES + "/" + release + "/publish").then().statusCode(409)
                .body("errors[0].field", equalTo("items"));
        assertEquals(0, Database.queryLong(dataSource, "SELECT count(*) FROM release_items WHERE release_id = ?::uuid", release));
        Api.as("editor").filter(ApiContract.answerOnly()).get(RELEASES + "/" + UUID.randomUUID()).then().statusCode(404);
        Api.as("editor").filter(ApiContract.answerOnly()).get(RELEASES + "?limit=0").then().statusCode(400);

        // An article waiting for the release keeps its item until the approval is withdrawn.
        putItem(release, id).then().statusCode(200);
        approveFor("reviewer", release, id).then().statusCode(200);
        Api.as("editor").filter(ApiContract.answerOnly()).delete(items + id).then().statusCode(409)
                .body("rule", equalTo("itemIsNotAwaitingTheRelease"));
        Workflow.withdraw("editor", id).then().statusCode(200);
        Api.as("editor").delete(items + id).then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void theListShowsNewestFirstWithACursor() {
        String older = release("Listed first");
        String newer = release("Listed second");
        Response page = Api.as("reviewer").get(RELEASES + "?limit=1");
        page.then().statusCode(200).body("items", hasSize(1)).body("items[0].id", equalTo(newer))
                .body("nextCursor", notNullValue());
        Api.as("reviewer").get(RELEASES + "?limit=1&cursor=" + page.path("nextCursor")).then().statusCode(200)
                .body("items[0].id", equalTo(older));
    }

    @Test
    void aScheduledReleaseGoesLiveOnceAtItsTime() {
        String slug = Fixtures.uniqueSlug("release-scheduled");
        String id = submitted(slug);
        String release = Api.as("editor").body(Map.of("title", "At nine", "publishAt", Instant.now().plus(Duration.ofHours(1)).toString()))
                .post(RELEASES).then().statusCode(201).body("publishAt", notNullValue()).extract().path("id");
        putItem(release, id).then().statusCode(200);
        approveFor("reviewer", release, id).then().statusCode(200);
        RestAssured.given().get("/api/v1/articles/" + slug).then().statusCode(404);
        try {
            ServiceClock.moveAhead(Duration.ofHours(2));
            await().atMost(Duration.ofSeconds(10)).until(() ->
                    RestAssured.given().get("/api/v1/articles/" + slug).statusCode() == 200);
        } finally {
            ServiceClock.reset();
        }
        Api.as("editor").get(RELEASES + "/" + release).then().body("state", equalTo("PUBLISHED")).body("publishAt", nullValue());
        Api.as("editor").get(Api.ARTICLES + "/" + id + "/audit").then()
                .body("events.findAll { it.action == 'publish-release' }", hasSize(1))
                .body("events.find { it.action == 'publish-release' }.actor.name", equalTo("Imprimatur scheduler"));
    }

    @Test
    void aScheduledReleaseThatIsNotReadyPublishesNothingAndSaysWhy() {
        String slug = Fixtures.uniqueSlug("release-missed");
        String id = submitted(slug);
        String release = Api.as("editor").body(Map.of("title", "Missed", "publishAt", Instant.now().plus(Duration.ofHours(1)).toString()))
                .post(RELEASES).then().statusCode(201).extract().path("id");
        putItem(release, id).then().statusCode(200);
        try {
            ServiceClock.moveAhead(Duration.ofHours(2));
            // Two hours on, the editor's kept token has expired: read the release with one of that time.
            Api.forgetToken("editor");
            await().atMost(Duration.ofSeconds(10)).until(() ->
                    Api.as("editor").get(RELEASES + "/" + release).path("scheduleMissed") != null);
        } finally {
            ServiceClock.reset();
            Api.forgetToken("editor");
        }
        Api.as("editor").get(RELEASES + "/" + release).then().body("state", equalTo("OPEN")).body("publishAt", nullValue())
                .body("scheduleMissed", containsString(slug + ": version 1 with the item's content hash is not approved"));
        RestAssured.given().get("/api/v1/articles/" + slug).then().statusCode(404);
    }

    @Test
    void theDatabaseRefusesWhatWouldBreakARelease() {
        String slug = Fixtures.uniqueSlug("release-db");
        String id = submitted(slug);
        String release = release("Database");
        putItem(release, id).then().statusCode(200);
        approveFor("reviewer", release, id).then().statusCode(200);
        Api.as("reviewer").post(RELEASES + "/" + release + "/publish").then().statusCode(200);
        String other = release("Other");

        Database.assertRefused(dataSource, Database.INTEGRITY_CONSTRAINT_VIOLATION,
                "release " + release + " may only move from OPEN to PUBLISHED to REVERTED",
                "UPDATE releases SET state = 'OPEN', published_at = NULL WHERE id = ?::uuid", release);
        // The service may not delete a release; not even the owner can.
        Database.assertPermissionDenied(dataSource, "releases", "DELETE FROM releases WHERE id = ?::uuid", other);
        Database.assertRefused(Database.owner(), Database.INTEGRITY_CONSTRAINT_VIOLATION, "a release is never deleted",
                "DELETE FROM releases WHERE id = ?::uuid", other);
        Database.assertRefused(dataSource, Database.INTEGRITY_CONSTRAINT_VIOLATION,
                "the items of release " + release + " can change only while it is open",
                "DELETE FROM release_items WHERE release_id = ?::uuid", release);
        Database.assertRefused(dataSource, Database.INTEGRITY_CONSTRAINT_VIOLATION,
                "the items of release " + release + " can change only while it is open",
                "UPDATE release_items SET version_no = version_no WHERE release_id = ?::uuid", release);
        Database.assertRefused(dataSource, "23514",
                "new row for relation \"releases\" violates check constraint \"releases_published_at_when_live\"",
                "UPDATE releases SET state = 'PUBLISHED' WHERE id = ?::uuid", other);
        // An item's hash must be its version's; an article waits only for an open release it belongs to.
        String second = submitted(Fixtures.uniqueSlug("release-db-hash"));
        Database.assertRefused(dataSource, "23503",
                "insert or update on table \"release_items\" violates foreign key constraint \"release_items_article_id_version_no_content_hash_fkey\"",
                "INSERT INTO release_items (release_id, article_id, version_no, content_hash, added_by, added_at) "
                        + "SELECT ?::uuid, ?::uuid, 1, repeat('0', 64), created_by, now() FROM articles WHERE id = ?::uuid",
                other, second, second);
        Database.assertRefused(dataSource, Database.INTEGRITY_CONSTRAINT_VIOLATION,
                "article " + second + " can wait only for an open release it belongs to",
                "UPDATE articles SET state = 'APPROVED', submitted_at = NULL, awaits_release = ?::uuid WHERE id = ?::uuid",
                other, second);
        Database.assertRefused(dataSource, "23514",
                "new row for relation \"articles\" violates check constraint \"articles_approved_waits_for_a_time_or_a_release\"",
                "UPDATE articles SET state = 'APPROVED' WHERE id = ?::uuid", second);
        // The item of an article approved for a release stays as it is.
        String waiting = submitted(Fixtures.uniqueSlug("release-db-waiting"));
        putItem(other, waiting).then().statusCode(200);
        approveFor("reviewer", other, waiting).then().statusCode(200);
        String stays = "article " + waiting + " is approved for release " + other + ": its item stays until the approval is withdrawn";
        Database.assertRefused(dataSource, Database.INTEGRITY_CONSTRAINT_VIOLATION, stays,
                "DELETE FROM release_items WHERE release_id = ?::uuid AND article_id = ?::uuid", other, waiting);
        Database.assertRefused(dataSource, Database.INTEGRITY_CONSTRAINT_VIOLATION, stays,
                "UPDATE release_items SET content_hash = repeat('0', 64) WHERE release_id = ?::uuid AND article_id = ?::uuid",
                other, waiting);
        Database.assertRefused(dataSource, "23514",
                "new row for relation \"outbox_events\" violates check constraint \"outbox_events_release_events_name_no_article\"",
                "INSERT INTO outbox_events (event_id, type, occurred_at, data) VALUES (gen_random_uuid(), 'published', now(), '{}')");
    }
}
