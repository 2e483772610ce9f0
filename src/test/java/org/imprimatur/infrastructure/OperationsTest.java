package org.imprimatur.infrastructure;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.imprimatur.support.ApiContract;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class OperationsTest {

    @io.quarkus.test.common.http.TestHTTPResource(value = "/", management = true)
    java.net.URL management;

    @Test
    void healthChecksReportTheDatabaseOnTheManagementInterface() {
        RestAssured.given().baseUri("http://localhost:" + management.getPort()).get("/q/health/live").then().statusCode(200)
                .body("status", equalTo("UP"));
        RestAssured.given().baseUri("http://localhost:" + management.getPort()).get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", org.hamcrest.Matchers.hasItem(containsString("Database")));
    }

    /** docs/operations.md: metrics and health are not on the API's port. */
    @Test
    void openApiAndSwaggerAreServedAndMetricsOnlyOnTheManagementInterface() {
        RestAssured.get("/q/openapi?format=json").then().statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/editorial/articles/{id}"));
        RestAssured.get("/q/swagger-ui/").then().statusCode(200);
        RestAssured.get("/q/metrics").then().statusCode(404);
        RestAssured.get("/q/health/ready").then().statusCode(404);
        RestAssured.given().baseUri("http://localhost:" + management.getPort()).get("/q/metrics").then().statusCode(200)
                .body(containsString("http_server_requests"));
    }

    @Test
    void unknownPathsAnswerProblemJson() {
        RestAssured.given().filter(ApiContract.notDescribed("the API has no such path; the test is of what any unknown path answers"))
                .get("/api/v1/nothing-here").then().statusCode(404);
    }

    /** docs/security.md: every answer, from every layer, carries the hardening headers. */
    @Test
    void everyAnswerCarriesTheHardeningHeaders() {
        String slug = org.imprimatur.support.Fixtures.uniqueSlug("headers");
        org.imprimatur.support.Workflow.published(org.imprimatur.support.Fixtures.article(slug));
        RestAssured.get("/api/v1/articles/" + slug).then().statusCode(200);
        String etag = RestAssured.get("/api/v1/articles/" + slug).then().statusCode(200).extract().header("ETag");
        java.util.List<io.restassured.response.Response> answers = java.util.List.of(
                RestAssured.get("/api/v1/articles/" + slug),                                     // cached fast path
                RestAssured.given().header("If-None-Match", etag).get("/api/v1/articles/" + slug), // 304
                RestAssured.get("/api/v1/articles/no-such-article"),                             // 404 problem
                RestAssured.get("/api/v1/articles"),                                             // list
                RestAssured.given().filter(ApiContract.answerOnly()).get("/api/v1/editorial/articles"),          // 401
                RestAssured.get("/q/swagger-ui/"),                                               // HTML
                RestAssured.get("/q/openapi"));
        for (io.restassured.response.Response answer : answers) {
            answer.then().header("X-Content-Type-Options", equalTo("nosniff"))
                    .header("Referrer-Policy", equalTo("no-referrer"))
                    .header("X-Frame-Options", equalTo("DENY"))
                    .header("Content-Security-Policy", containsString("frame-ancestors 'none'"));
        }
    }
}
