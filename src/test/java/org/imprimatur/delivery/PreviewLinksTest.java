package org.imprimatur.delivery;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.imprimatur.support.Api;
import org.imprimatur.support.ApiContract;
import org.imprimatur.support.ServiceClock;
import org.imprimatur.support.Fixtures;
import org.imprimatur.support.Workflow;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** docs/integration.md, "Previews": one version for anyone with the link, until it expires or is revoked. */
@QuarkusTest
class PreviewLinksTest {

    @Test
    void aPreviewLinkServesItsVersionInTheDeliveryShapeWithoutAnAccount() {
        String slug = Fixtures.uniqueSlug("preview");
        Map<String, Object> content = Fixtures.article(slug);
        String id = Workflow.published(content);
        Api.save("editor", id, Api.etag(id), Fixtures.edited(content, "A draft sentence nobody has approved [@lee-2021]."))
                .then().statusCode(200);

        Response issued = Api.as("editor").body(Map.of()).post(Api.ARTICLES + "/" + id + "/versions/2/preview-links");
        issued.then().statusCode(201).body("version", equalTo(2)).body("url", containsString("/api/v1/preview/"));
        String path = path(issued.path("url"));

        Response preview = RestAssured.get(path);
        preview.then().statusCode(200).contentType("application/json")
                .header("Cache-Control", equalTo("private, no-store"))
                .header("X-Robots-Tag", containsString("noindex"))
                .body("slug", equalTo(slug)).body("version", equalTo(2))
                .body("sections.html", org.hamcrest.Matchers.hasItem(containsString("A draft sentence nobody has approved")));
        Response live = RestAssured.get("/api/v1/articles/" + slug);
        assertEquals(live.jsonPath().getMap("").keySet(), preview.jsonPath().getMap("").keySet(), "the delivery API's shape");
        live.then().body("version", equalTo(1));
        RestAssured.given().accept("application/ld+json").get(path).then().statusCode(200)
                .contentType("application/ld+json").body("'@type'", equalTo("MedicalWebPage"));
        assertEquals(1, (int) RestAssured.get("/api/v1/articles/" + slug).path("version"), "a preview changes nothing public");
    }

    @Test
    void anAlteredExpiredOrRevokedLinkIs404() {
        String id = Api.createdId(Fixtures.article(Fixtures.uniqueSlug("preview-gone")));
        Response issued = Api.as("editor").body(Map.of("expiresInHours", 1))
                .post(Api.ARTICLES + "/" + id + "/versions/1/preview-links");
        issued.then().statusCode(201);
        String path = path(issued.path("url"));
        RestAssured.get(path).then().statusCode(200);

        String token = path.substring(path.lastIndexOf('/') + 1);
        String[] parts = token.split("\\.");
        byte[] payload = Base64.getUrlDecoder().decode(parts[0]);
        payload[payload.length - 1] ^= 0x01; // one second more life
        String altered = Base64.getUrlEncoder().withoutPadding().encodeToString(payload) + "." + parts[1];
        assertNotEquals(token, altered);
        RestAssured.get("/api/v1/preview/" + altered).then().statusCode(404).contentType("application/problem+json")
                .header("Cache-Control", equalTo("private, no-store"));
        RestAssured.get("/api/v1/preview/" + token.substring(0, token.length() - 2)).then().statusCode(404);
        RestAssured.get("/api/v1/preview/garbage").then().statusCode(404);

        ServiceClock.moveAhead(Duration.ofMinutes(59));
        try {
            RestAssured.get(path).then().statusCode(200);
            ServiceClock.moveAhead(Duration.ofMinutes(1));
            RestAssured.get(path).then().statusCode(404);
        } finally {
            ServiceClock.reset();
        }

        Response second = Api.as("editor").body(Map.of()).post(Api.ARTICLES + "/" + id + "/versions/1/preview-links");
        String secondPath = path(second.path("url"));
        RestAssured.get(secondPath).then().statusCode(200);
        Api.as("reviewer").delete(Api.ARTICLES + "/" + id + "/preview-links/" + second.path("id")).then().statusCode(204);
        RestAssured.get(secondPath).then().statusCode(404);
        Api.as("editor").get(Api.ARTICLES + "/" + id + "/preview-links").then().statusCode(200)
                .body("$", hasSize(2)).body("[0].usable", equalTo(false))
                .body("[0].revokedAt", org.hamcrest.Matchers.notNullValue())
                .body("[1].usable", equalTo(true)).body("[1].createdBy", equalTo("Erin Editor"));
    }

    @Test
    void badRequestsForLinksAreRefused() {
        String id = Api.createdId(Fixtures.article(Fixtures.uniqueSlug("preview-bad")));
        Api.as("editor").body(Map.of("expiresInHours", 0)).post(Api.ARTICLES + "/" + id + "/versions/1/preview-links")
                .then().statusCode(422).contentType("application/problem+json");
        Api.as("editor").body(Map.of("expiresInHours", 721)).post(Api.ARTICLES + "/" + id + "/versions/1/preview-links")
                .then().statusCode(422);
        Api.as("editor").body(Map.of()).post(Api.ARTICLES + "/" + id + "/versions/9/preview-links").then().statusCode(404);
        Api.as("editor").body(Map.of()).post(Api.ARTICLES + "/" + java.util.UUID.randomUUID() + "/versions/1/preview-links")
                .then().statusCode(404);
        RestAssured.given().filter(ApiContract.answerOnly()).contentType("application/json").body(Map.of())
                .post(Api.ARTICLES + "/" + id + "/versions/1/preview-links").then().statusCode(401);
        Api.as("editor").delete(Api.ARTICLES + "/" + id + "/preview-links/" + java.util.UUID.randomUUID()).then().statusCode(404);
        Api.as("editor").get(Api.ARTICLES + "/" + id + "/preview-links").then().statusCode(200).body("$", hasSize(0));
    }

    private static String path(String url) {
        return url.substring(url.indexOf("/api/v1/preview/"));
    }
}
