package org.imprimatur.delivery;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.imprimatur.support.Api;
import org.imprimatur.support.Fixtures;
import org.imprimatur.support.Workflow;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** docs/delivery.md, "Change feed": publications and retractions in order, never a draft. */
@QuarkusTest
class ChangeFeedTest {

    @Test
    void theFeedShowsPublicationsAndRetractionsInOrderAndNothingElse() {
        String start = endOfFeed();
        String first = Fixtures.uniqueSlug("feed-first");
        String second = Fixtures.uniqueSlug("feed-second");
        String draft = Fixtures.uniqueSlug("feed-draft");
        Map<String, Object> content = Fixtures.article(first);
        String firstId = Workflow.published(content);
        Workflow.published(Fixtures.article(second));
        Api.createdId(Fixtures.article(draft));
        Api.save("editor", firstId, Api.etag(firstId), Fixtures.edited(content, "Second text [@lee-2021].")).then().statusCode(200);
        Workflow.submit("editor", firstId).then().statusCode(200);
        Workflow.approve("reviewer", firstId).then().statusCode(200);
        Workflow.retract("reviewer", firstId, "Withdrawn for review").then().statusCode(200);

        List<String> seen = new ArrayList<>();
        String cursor = start;
        while (true) {
            Response page = RestAssured.given().queryParam("after", cursor).queryParam("limit", 2).get("/api/v1/changes");
            page.then().statusCode(200).header("Cache-Control", equalTo("public, max-age=60, stale-while-revalidate=300"));
            List<Map<String, Object>> items = page.path("items");
            if (items.isEmpty()) {
                assertEquals(cursor, page.path("next"), "an empty page keeps the cursor");
                break;
            }
            items.forEach(item -> seen.add(item.get("type") + " " + item.get("slug") + " v" + item.get("version")
                    + " " + item.get("href")));
            cursor = page.path("next");
        }
        assertEquals(List.of(
                "published " + first + " v1 /api/v1/articles/" + first,
                "published " + second + " v1 /api/v1/articles/" + second,
                "published " + first + " v2 /api/v1/articles/" + first,
                "retracted " + first + " v2 /api/v1/articles/" + first), seen);
    }

    @Test
    void badCursorsAndLimitsAre400AndAnUnchangedPageIs304() {
        RestAssured.given().queryParam("after", "not-a-cursor").get("/api/v1/changes").then().statusCode(400)
                .contentType("application/problem+json");
        RestAssured.given().queryParam("limit", 0).get("/api/v1/changes").then().statusCode(400);
        RestAssured.given().queryParam("limit", 101).get("/api/v1/changes").then().statusCode(400);
        String etag = RestAssured.given().queryParam("limit", 1).get("/api/v1/changes").then().statusCode(200)
                .extract().header("ETag");
        RestAssured.given().queryParam("limit", 1).header("If-None-Match", etag).get("/api/v1/changes")
                .then().statusCode(304);
    }

    private static String endOfFeed() {
        String cursor = null;
        while (true) {
            var request = RestAssured.given().queryParam("limit", 100);
            if (cursor != null) {
                request.queryParam("after", cursor);
            }
            Response page = request.get("/api/v1/changes");
            List<?> items = page.path("items");
            String next = page.path("next");
            if (items.isEmpty()) {
                return next;
            }
            cursor = next;
        }
    }
}
