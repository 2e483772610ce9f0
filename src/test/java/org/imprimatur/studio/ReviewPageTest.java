package org.imprimatur.studio;

import org.imprimatur.support.StudioForms;
import io.quarkus.test.junit.QuarkusTest;
import org.imprimatur.support.Api;
import org.imprimatur.support.Fixtures;
import org.imprimatur.support.Workflow;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * docs/studio.md, "Review": sending back is decided by the workflow's rules alone; the page shows
 * their refusal in words and keeps what the reviewer typed.
 */
@QuarkusTest
class ReviewPageTest {

    private static String submitted() {
        String id = Api.createdId(Fixtures.article(Fixtures.uniqueSlug("review-page")));
        Workflow.submit("editor", id).then().statusCode(200);
        return id;
    }

    @Test
    void sendingBackWithoutAnyCommentIsTheRulesRefusalShownInWords() {
        String id = submitted();
        StudioForms.signedIn("reviewer2").formParams(Map.of("version", 1, "comment", "  "))
                .formParam("sectionCommentKey", List.of("intro", "diet")).formParam("sectionComment", List.of("", ""))
                .post("/studio/articles/" + id + "/request-changes").then().statusCode(422)
                .contentType(containsString("text/html"))
                .body(containsString("id=\"refusal\">At least one comment telling the editor what to change is required.</p>"));
        assertEquals("IN_REVIEW", Api.latest(id).path("state"));
    }

    @Test
    void aRefusedSendBackKeepsTheCommentsTyped() {
        String id = submitted();
        StudioForms.signedIn("reviewer2").formParams(Map.of("version", 7, "comment", "Cite the <2022> trial."))
                .formParam("sectionCommentKey", List.of("intro", "diet")).formParam("sectionComment", List.of("", "Which fibre?"))
                .post("/studio/articles/" + id + "/request-changes").then().statusCode(409)
                .body(containsString("The request must name version 1, which is under review."))
                .body(containsString("name=\"comment\" rows=\"4\" required>Cite the &lt;2022&gt; trial.</textarea>"))
                .body(containsString("<details open>"))
                .body(containsString("name=\"sectionComment\" rows=\"2\">Which fibre?</textarea>"))
                .body(containsString("name=\"sectionComment\" rows=\"2\"></textarea>"));
        assertEquals("IN_REVIEW", Api.latest(id).path("state"));
    }

    /** docs/releases.md: an article approved for a release says it waits for it, not a time it does not have. */
    @Test
    void anArticleApprovedForAReleaseSaysItWaitsForIt() {
        String id = submitted();
        String release = Api.as("editor").body(Map.of("title", "Studio release")).post("/api/v1/editorial/releases")
                .then().statusCode(201).extract().path("id");
        io.restassured.response.Response latest = Api.latest(id);
        Object version = latest.path("version");
        Object hash = latest.path("contentHash");
        Api.as("editor").body(Map.of("version", version, "contentHash", hash))
                .put("/api/v1/editorial/releases/" + release + "/items/" + id).then().statusCode(200);
        Api.as("reviewer").body(Map.of("version", version, "contentHash", hash, "scope", "full",
                "evidence", Workflow.allCurrent(latest), "release", release)).post(Api.ARTICLES + "/" + id + "/approve")
                .then().statusCode(200);
        StudioForms.signedIn("reviewer2").get("/studio/articles/" + id + "/review").then().statusCode(200)
                .body(containsString("id=\"awaits-release\">Approved, waiting for release " + release))
                .body(org.hamcrest.Matchers.not(containsString("goes live at")));
    }

    /** The rule asks for at least one comment; one on a single section is one, in the studio as in the API. */
    @Test
    void aCommentOnOneSectionIsEnoughToSendBack() {
        String id = submitted();
        StudioForms.signedIn("reviewer2").formParams(Map.of("version", 1, "comment", ""))
                .formParam("sectionCommentKey", List.of("intro", "diet")).formParam("sectionComment", List.of("", "Which fibre?"))
                .post("/studio/articles/" + id + "/request-changes").then().statusCode(303);
        assertEquals("CHANGES_REQUESTED", Api.latest(id).path("state"));
        StudioForms.signedIn("reviewer2").get("/studio/articles/" + id + "/review").then().statusCode(200)
                .body(containsString("<q>[diet] Which fibre?</q>"));
    }
}
