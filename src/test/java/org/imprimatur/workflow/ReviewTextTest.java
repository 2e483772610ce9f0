package org.imprimatur.workflow;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.imprimatur.support.Api;
import org.imprimatur.support.Database;
import org.imprimatur.support.Fixtures;
import org.imprimatur.support.Workflow;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * docs/security.md, "Control characters": review comments and retraction reasons may hold tabs and
 * line breaks, no other control character; a refused one changes nothing.
 */
@QuarkusTest
class ReviewTextTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aReviewCommentWithABellIsRefusedAgainstItsTextAndTheArticleStaysInReview() {
        String id = Api.createdId(Fixtures.article(Fixtures.uniqueSlug("bell-comment")));
        Workflow.submit("editor", id).then().statusCode(200);
        Workflow.requestChanges("reviewer", id, "intro", "Cite the trial\u0007 here.").then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("comments[0].text"))
                .body("errors[0].message", containsString("U+0007"));
        Api.latest(id).then().body("state", equalTo("IN_REVIEW"));
        assertEquals(0, comments(id));
    }

    @Test
    void aReviewCommentKeepsItsTabsAndLineBreaks() {
        String id = Api.createdId(Fixtures.article(Fixtures.uniqueSlug("multiline-comment")));
        Workflow.submit("editor", id).then().statusCode(200);
        Workflow.requestChanges("reviewer", id, "intro", "Two things:\r\n\t1. cite the trial\n\t2. d\u00e9j\u00e0 vu")
                .then().statusCode(200).body("state", equalTo("CHANGES_REQUESTED"));
        assertEquals(1, comments(id));
    }

    @Test
    void aRetractionReasonWithAnEscapeIsRefusedAndTheArticleStaysLive() {
        String id = Workflow.published(Fixtures.article(Fixtures.uniqueSlug("escape-reason")));
        Workflow.retract("reviewer", id, "Outdated\u001B[2J advice").then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("reason"));
        Api.latest(id).then().body("state", equalTo("PUBLISHED"));
        Workflow.retract("reviewer", id, "New safety data:\n\tsee the 2026 guideline.").then().statusCode(200)
                .body("state", equalTo("RETRACTED"));
    }

    private long comments(String id) {
        return Database.queryLong(dataSource, "SELECT count(*) FROM review_comments WHERE article_id = ?", UUID.fromString(id));
    }
}
