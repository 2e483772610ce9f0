package org.imprimatur.workflow;

import io.quarkus.test.junit.QuarkusTest;
import org.imprimatur.support.Api;
import jakarta.inject.Inject;
import org.imprimatur.support.Fixtures;
import org.imprimatur.support.ServiceClock;
import org.imprimatur.support.Workflow;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class WorkflowEndToEndTest {

    @Inject
    ScheduledPublishing scheduledPublishing;

    @Test
    void happyPathFromDraftToPublishedAndTheNextDraft() {
        Map<String, Object> content = Fixtures.article(Fixtures.uniqueSlug("happy"));
        String id = Api.createdId(content);

        Workflow.submit("editor", id).then().statusCode(200).body("state", equalTo("IN_REVIEW"));
        Api.save("editor", id, Api.etag(id), content).then().statusCode(409)
                .body("rule", equalTo("actionIsAllowedInCurrentState"));
        Api.as("editor").get("/api/v1/editorial/review-queue").then().statusCode(200)
                .body("id", hasItem(id));

        String today = LocalDate.now(ZoneOffset.UTC).toString();
        String dueDay = LocalDate.now(ZoneOffset.UTC).plusMonths(12).toString();
        Workflow.approve("reviewer", id).then().statusCode(200)
                .body("state", equalTo("PUBLISHED"))
                .body("publishedVersion", equalTo(1))
                .body("review.lastReviewedOn", equalTo(today))
                .body("review.nextReviewDue", equalTo(dueDay))
                .body("review.reviewedBy.name", equalTo("Dr. Rowan Reviewer"))
                .body("review.reviewedBy.credentials", equalTo("MD, FAAD"));
        Api.as("editor").get("/api/v1/editorial/review-queue").then().body("id", not(hasItem(id)));

        // Saving a published article starts the next draft; version 1 stays live.
        Api.save("editor", id, Api.etag(id), Fixtures.edited(content, "Updated intro [@lee-2021].")).then()
                .statusCode(200)
                .body("version", equalTo(2))
                .body("state", equalTo("DRAFT"))
                .body("publishedVersion", equalTo(1));
        Workflow.submit("editor", id).then().statusCode(200)
                .body("diffAgainstPublished", containsString("from=1&to=2"));
        Api.as("reviewer").get(Api.ARTICLES + "/" + id + "/diff?from=1&to=2").then().statusCode(200)
                .body("sections.find { it.key == 'intro' }.change", equalTo("changed"))
                .body("sections.find { it.key == 'diet' }.change", equalTo("unchanged"));
        Workflow.approve("reviewer", id).then().statusCode(200).body("publishedVersion", equalTo(2));

        Api.as("editor").get(Api.ARTICLES + "/" + id + "/audit").then().statusCode(200)
                .body("chainValid", equalTo(true))
                .body("events.action", contains("create", "submit", "approve", "save", "submit", "approve"))
                .body("events[2].toState", equalTo("PUBLISHED"));
    }

    @Test
    void sendBackPathWithCommentsOnASection() {
        Map<String, Object> content = Fixtures.article(Fixtures.uniqueSlug("send-back"));
        String id = Api.createdId(content);
        Workflow.submit("editor", id).then().statusCode(200);

        Workflow.requestChanges("reviewer", id, "no-such-section", "Fix it").then().statusCode(422)
                .body("rule", equalTo("commentsNameExistingSections"));
        Api.as("reviewer").body(Map.of("version", 1, "comments", java.util.List.of()))
                .post(Api.ARTICLES + "/" + id + "/request-changes").then().statusCode(422)
                .body("rule", equalTo("sendingBackNeedsAComment"));
        Workflow.requestChanges("reviewer", id, "diet", "Cite the 2022 trial for the fibre claim.").then()
                .statusCode(200).body("state", equalTo("CHANGES_REQUESTED"));

        Api.as("editor").get(Api.ARTICLES + "/" + id + "/versions/1").then().statusCode(200)
                .body("comments[0].sectionKey", equalTo("diet"))
                .body("comments[0].text", equalTo("Cite the 2022 trial for the fibre claim."))
                .body("comments[0].author.name", equalTo("Dr. Rowan Reviewer"));

        Api.save("editor", id, Api.etag(id), Fixtures.edited(content, "Revised [@kim-2022].")).then()
                .statusCode(200).body("state", equalTo("DRAFT")).body("version", equalTo(2));
        Workflow.submit("editor", id).then().statusCode(200);
        Workflow.approve("reviewer", id).then().statusCode(200).body("state", equalTo("PUBLISHED"));
    }

    @Test
    void approvalMustNameTheVersionAndHashUnderReview() {
        String id = Api.createdId(Fixtures.article(Fixtures.uniqueSlug("stale-approval")));
        Workflow.submit("editor", id).then().statusCode(200);
        String hash = Api.latest(id).path("contentHash");
        Workflow.approve("reviewer", id, 1, "0".repeat(64), null).then().statusCode(409)
                .contentType("application/problem+json")
                .body("rule", equalTo("approvalNamesTheVersionUnderReview"));
        Workflow.approve("reviewer", id, 2, hash, null).then().statusCode(409);
        Api.latest(id).then().body("state", equalTo("IN_REVIEW")).body("review", nullValue());
    }

    @Test
    void fourEyesRefusesAReviewerWhoEditedTheChange() {
        Map<String, Object> content = Fixtures.article(Fixtures.uniqueSlug("four-eyes"));
        String id = Api.as(Api.EDITOR_REVIEWER).body(content).post(Api.ARTICLES).then().statusCode(201).extract().path("id");
        Workflow.submit(Api.EDITOR_REVIEWER, id).then().statusCode(200);
        Workflow.approve(Api.EDITOR_REVIEWER, id).then().statusCode(403)
                .body("rule", equalTo("reviewerIsNotAnAuthor"));
        Workflow.approve("reviewer", id).then().statusCode(200);
    }

    /** docs/workflow.md, "Who": an admin manages the service and may write, but is no clinician. */
    @Test
    void anAdminTakesNoReviewersDecision() {
        Map<String, Object> content = Fixtures.article(Fixtures.uniqueSlug("admin-no-clinician"));
        String id = Api.createdId(content);
        Workflow.submit("editor", id).then().statusCode(200);
        Workflow.approve("admin", id).then().statusCode(403).contentType("application/problem+json")
                .body("rule", equalTo("actorHoldsARequiredRole"))
                .body("detail", containsString("medical-reviewer"));
        Workflow.requestChanges("admin", id, null, "Looks wrong").then().statusCode(403);
        Api.latest(id).then().body("state", equalTo("IN_REVIEW")).body("publishedVersion", nullValue());
        Workflow.approve("reviewer", id).then().statusCode(200);
        Workflow.reconfirm("admin", id).then().statusCode(403).body("rule", equalTo("actorHoldsARequiredRole"));
        Workflow.retract("admin", id, "I say so").then().statusCode(403).body("rule", equalTo("actorHoldsARequiredRole"));
        Api.latest(id).then().body("state", equalTo("PUBLISHED")).body("publishedVersion", equalTo(1));
    }

    @Test
    void aDanglingMarkerBlocksSubmission() {
        Map<String, Object> content = Fixtures.article(Fixtures.uniqueSlug("dangling"));
        content.put("sections", java.util.List.of(Fixtures.section("intro", "", null, "See [@nobody-1999].")));
        String id = Api.createdId(content);
        Workflow.submit("editor", id).then().statusCode(422).body("rule", equalTo("contentIsReadyForReview"));
        Api.latest(id).then().body("state", equalTo("DRAFT"));
    }

    @Test
    void retractTakesTheLiveVersionOffAndASaveStartsAgain() {
        Map<String, Object> content = Fixtures.article(Fixtures.uniqueSlug("retract"));
        String id = Workflow.published(content);
        Workflow.retract("editor", id, "Outdated").then().statusCode(403);
        Workflow.retract("reviewer", id, " ").then().statusCode(422).body("rule", equalTo("retractionGivesAReason"));
        Workflow.retract("reviewer", id, "New safety data contradicts the advice.").then().statusCode(200)
                .body("state", equalTo("RETRACTED"))
                .body("publishedVersion", nullValue())
                .body("retractionReason", equalTo("New safety data contradicts the advice."));
        Workflow.retract("reviewer2", id, "Again").then().statusCode(409);
        Api.save("editor", id, Api.etag(id), content).then().statusCode(200).body("state", equalTo("DRAFT"));
    }

    @Test
    void reconfirmAppendsANewReviewWithoutANewVersion() {
        String id = Api.as(Api.EDITOR_REVIEWER).body(Fixtures.article(Fixtures.uniqueSlug("reconfirm"))).post(Api.ARTICLES)
                .then().statusCode(201).extract().path("id");
        Workflow.submit("editor", id).then().statusCode(200);
        Workflow.approve("reviewer", id).then().statusCode(200);
        Workflow.reconfirm(Api.EDITOR_REVIEWER, id).then().statusCode(403).body("rule", equalTo("reviewerIsNotAnAuthor"));
        Workflow.reconfirm("reviewer2", id).then().statusCode(200)
                .body("version", equalTo(1))
                .body("review.reviewedBy.name", equalTo("Dr. Sam Second"));
        Api.as("editor").get(Api.ARTICLES + "/" + id + "/versions").then().body("size()", equalTo(1));
    }

    @Test
    void aReconfirmationNamingAStaleHashIs409() {
        Map<String, Object> content = Fixtures.article(Fixtures.uniqueSlug("reconfirm-stale"));
        String id = Workflow.published(content);
        Api.as("reviewer2").body(Map.of("version", 1, "contentHash", "0".repeat(64)))
                .post(Api.ARTICLES + "/" + id + "/reconfirm").then().statusCode(409)
                .contentType("application/problem+json")
                .body("rule", equalTo("reconfirmationNamesThePublishedVersion"));
        Api.as("reviewer2").body(Map.<String, Object>of("version", 2, "contentHash", Api.latest(id).<String>path("contentHash")))
                .post(Api.ARTICLES + "/" + id + "/reconfirm").then().statusCode(409);
        Api.as("editor").get(Api.ARTICLES + "/" + id + "/audit").then()
                .body("events.action", contains("create", "submit", "approve"));
    }

    /** docs/delivery.md: nothing unpublished reaches the public API, in any representation or at any instant. */
    @Test
    void draftsAndScheduledApprovalsAreInvisibleUntilLive() {
        String draft = Fixtures.uniqueSlug("invisible-draft");
        Api.createdId(Fixtures.article(draft));
        String scheduled = Fixtures.uniqueSlug("invisible-scheduled");
        String id = Api.createdId(Fixtures.article(scheduled));
        Workflow.submit("editor", id).then().statusCode(200);
        Map<String, Object> latest = Api.latest(id).as(Map.class);
        java.time.Instant publishAt = java.time.Instant.now().plusSeconds(3600);
        Workflow.approve("reviewer", id, latest.get("version"), latest.get("contentHash"), publishAt.toString())
                .then().statusCode(200).body("state", equalTo("APPROVED"));
        for (String slug : List.of(draft, scheduled)) {
            io.restassured.RestAssured.given().accept("application/ld+json").get("/api/v1/articles/" + slug)
                    .then().statusCode(404).contentType("application/problem+json");
            io.restassured.RestAssured.get("/api/v1/articles/" + slug).then().statusCode(404);
            for (java.time.Instant at : List.of(java.time.Instant.now(), publishAt.plusSeconds(60))) {
                io.restassured.RestAssured.get("/api/v1/articles/" + slug + "?at=" + at).then().statusCode(404);
            }
        }
        io.restassured.RestAssured.given().queryParam("limit", 100).get("/api/v1/articles").then().statusCode(200)
                .body("items.slug", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItems(draft)))
                .body("items.slug", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItems(scheduled)));
    }

    @Test
    void scheduledApprovalGoesLiveAtPublishAt() throws InterruptedException {
        String id = Api.createdId(Fixtures.article(Fixtures.uniqueSlug("scheduled")));
        Workflow.submit("editor", id).then().statusCode(200);
        java.time.Instant publishAt = java.time.Instant.now().plus(java.time.Duration.ofDays(2));
        Map<String, Object> latest = Api.latest(id).as(Map.class);
        Workflow.approve("reviewer", id, latest.get("version"), latest.get("contentHash"), publishAt.toString()).then()
                .statusCode(200)
                .body("state", equalTo("APPROVED"))
                .body("publishedVersion", nullValue());
        scheduledPublishing.publishDue();
        Api.latest(id).then().body("state", equalTo("APPROVED")); // not before its time
        try {
            ServiceClock.moveAhead(java.time.Duration.ofDays(2).plusMinutes(1));
            // The scheduler's tick is real time; the clock it asks is moved. Either it or this call takes it.
            scheduledPublishing.publishDue();
        } finally {
            ServiceClock.reset(); // before any request: tokens are checked against the service's clock
        }
        Api.latest(id).then().body("state", equalTo("PUBLISHED")).body("publishedVersion", equalTo(1));
        Api.as("editor").get(Api.ARTICLES + "/" + id + "/audit").then()
                .body("events.action", contains("create", "submit", "approve", "publish-scheduled"))
                .body("chainValid", equalTo(true));
    }

    @Test
    void withdrawCancelsAScheduledPublication() {
        String id = Api.createdId(Fixtures.article(Fixtures.uniqueSlug("cancel-schedule")));
        Workflow.submit("editor", id).then().statusCode(200);
        Map<String, Object> latest = Api.latest(id).as(Map.class);
        java.time.Instant publishAt = java.time.Instant.now().plus(java.time.Duration.ofDays(1));
        Workflow.approve("reviewer", id, latest.get("version"), latest.get("contentHash"), publishAt.toString())
                .then().statusCode(200);
        Workflow.withdraw("editor", id).then().statusCode(200).body("state", equalTo("DRAFT"));
        try {
            ServiceClock.moveAhead(java.time.Duration.ofDays(1).plusMinutes(1));
            scheduledPublishing.publishDue();
        } finally {
            ServiceClock.reset();
        }
        Api.latest(id).then().body("state", equalTo("DRAFT")).body("publishedVersion", nullValue());
    }
}
