package org.imprimatur.review;

import io.quarkus.test.junit.QuarkusTest;
import org.imprimatur.support.Api;
import org.imprimatur.support.Fixtures;
import org.imprimatur.support.Workflow;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

@QuarkusTest
class ReviewDueTest {

    @Test
    void overdueListsPublishedArticlesWhoseReviewFallsDueWithinTheWindow() {
        Map<String, Object> monthly = Fixtures.article(Fixtures.uniqueSlug("monthly-review"));
        monthly.put("reviewIntervalMonths", 1);
        String id = Workflow.published(monthly);
        String due = LocalDate.now(ZoneOffset.UTC).plusMonths(1).toString();
        Api.latest(id).then().body("review.nextReviewDue", equalTo(due));

        Api.as("reviewer").get("/api/v1/editorial/overdue?withinDays=0").then().statusCode(200)
                .body("id", not(hasItem(id)));
        Api.as("reviewer").get("/api/v1/editorial/overdue?withinDays=31").then().statusCode(200)
                .body("id", hasItem(id))
                .body("find { it.id == '" + id + "' }.nextReviewDue", equalTo(due))
                .body("find { it.id == '" + id + "' }.reviewedBy.name", equalTo("Dr. Rowan Reviewer"));
        Api.as("reviewer").get("/api/v1/editorial/overdue?withinDays=-1").then().statusCode(400);
        Api.as("reviewer").get("/api/v1/editorial/overdue?withinDays=soon").then().statusCode(400);
    }

    @Test
    void theReviewQueueIsOldestSubmissionFirstAndLinksTheDiff() {
        String older = Api.createdId(Fixtures.article(Fixtures.uniqueSlug("queue-older")));
        String newer = Api.createdId(Fixtures.article(Fixtures.uniqueSlug("queue-newer")));
        Workflow.submit("editor", older).then().statusCode(200);
        Workflow.submit("editor", newer).then().statusCode(200);
        java.util.List<String> queue = Api.as("reviewer").get("/api/v1/editorial/review-queue").path("id");
        org.junit.jupiter.api.Assertions.assertTrue(queue.indexOf(older) < queue.indexOf(newer), queue.toString());
        Api.as("reviewer").get("/api/v1/editorial/review-queue").then()
                .body("find { it.id == '" + older + "' }.diff", equalTo(
                        "/api/v1/editorial/articles/" + older + "/diff?from=1&to=1"));
    }
}
