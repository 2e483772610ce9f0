package org.imprimatur.delivery;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.imprimatur.support.Api;
import org.imprimatur.support.Fixtures;
import org.imprimatur.support.Workflow;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** docs/delivery.md, "Provenance": where each section of a live article comes from. */
@QuarkusTest
class ProvenanceApiTest {

    private static final String DIET = "Fibre feeds gut bacteria [@lee-2021; @kim-2022].";

    @Test
    void eachSectionNamesTheVersionAndAuthorThatFirstWroteItsTextTheApprovalAndTheLastFullReview() throws Exception {
        Map<String, Object> content = Fixtures.article(Fixtures.uniqueSlug("provenance"));
        String slug = (String) content.get("slug");
        String id = Workflow.published(content); // v1 by the editor, a full review by the reviewer
        Instant whileV1WasLive = Instant.now();
        Api.save(Api.EDITOR_REVIEWER, id, Api.etag(id), Fixtures.edited(content, "Eczema is very common [@lee-2021].")).then()
                .statusCode(200);
        Api.save("editor", id, Api.etag(id), Fixtures.edited(content, "Eczema is common in children [@lee-2021].")).then()
                .statusCode(200);
        Workflow.submit("editor", id).then().statusCode(200);
        Workflow.approveWith("reviewer", id, Map.of("scope", "change")).then().statusCode(200).body("publishedVersion", equalTo(3));

        String path = "/api/v1/articles/" + slug + "/provenance";
        var answer = RestAssured.given().get(path).then().statusCode(200)
                .header("ETag", notNullValue())
                .header("Cache-Control", notNullValue())
                .header("Last-Modified", notNullValue())
                .body("version", equalTo(3))
                .body("sections.key", equalTo(List.of("intro", "diet")))
                .body("sections[1].sha256", equalTo(sha256(DIET)))
                .body("sections[1].firstWritten.version", equalTo(1))
                .body("sections[1].firstWritten.author", equalTo("Erin Editor"))
                .body("sections[1].fullReview.version", equalTo(1))
                .body("sections[1].fullReview.reviewer.name", equalTo("Dr. Rowan Reviewer"))
                .body("sections[1].sources.key", equalTo(List.of("lee-2021", "kim-2022")))
                .body("sections[1].sources[0].link", equalTo("https://doi.org/10.1000/lee.2021"))
                .body("sections[0].sha256", equalTo(sha256("Eczema is common in children [@lee-2021].")))
                .body("sections[0].firstWritten.version", equalTo(3))
                .body("sections[0].firstWritten.author", equalTo("Erin Editor"))
                .body("sections[0].fullReview", nullValue())
                .body("sections[0].approval.clinician.name", equalTo("Dr. Rowan Reviewer"))
                .body("sections[0].approval.clinician.credentials", equalTo("MD, FAAD"))
                .body("sections[0].approval.scope", equalTo("change"))
                .body("sections[0].approval.approvedAt", notNullValue())
                .extract();

        RestAssured.given().header("If-None-Match", answer.header("ETag")).get(path).then().statusCode(304);

        RestAssured.given().queryParam("at", whileV1WasLive.toString()).get(path).then().statusCode(200)
                .body("version", equalTo(1))
                .body("sections[0].firstWritten.version", equalTo(1))
                .body("sections[0].fullReview.version", equalTo(1))
                .body("sections[0].approval.scope", equalTo("full"));
    }

    @Test
    void anUnknownOrUnpublishedSlugIs404AsTheArticleIs() {
        RestAssured.given().get("/api/v1/articles/no-such-article-here/provenance").then().statusCode(404)
                .contentType("application/problem+json");
        Map<String, Object> content = Fixtures.article(Fixtures.uniqueSlug("draft-provenance"));
        Api.createdId(content);
        RestAssured.given().get("/api/v1/articles/" + content.get("slug") + "/provenance").then().statusCode(404);
        RestAssured.given().queryParam("at", "1990-01-01T00:00:00Z").get("/api/v1/articles/" + content.get("slug")
                + "/provenance").then().statusCode(404);
    }

    @Test
    void aPublicationDropsTheCachedProvenance() {
        Map<String, Object> content = Fixtures.article(Fixtures.uniqueSlug("provenance-fresh"));
        String id = Workflow.published(content);
        String path = "/api/v1/articles/" + content.get("slug") + "/provenance";
        RestAssured.given().get(path).then().statusCode(200).body("version", equalTo(1));
        Api.save("editor", id, Api.etag(id), Fixtures.edited(content, "Eczema is very common [@lee-2021].")).then().statusCode(200);
        Workflow.submit("editor", id).then().statusCode(200);
        Workflow.approveWith("reviewer", id, Map.of()).then().statusCode(200);
        RestAssured.given().get(path).then().statusCode(200).body("version", equalTo(2))
                .body("sections[0].firstWritten.version", equalTo(2));
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
