package org.imprimatur.infrastructure;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.imprimatur.support.Api;
import org.imprimatur.support.ApiContract;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.emptyOrNullString;

/**
 * docs/errors.md: every error is problem+json, also those the HTTP layer raises before any
 * resource runs.
 */
@QuarkusTest
class HttpErrorsTest {

    @Test
    void unknownApiPathIs404() {
        assertProblem(RestAssured.given().filter(ApiContract.notDescribed("the API has no such path; the test is of what any unknown path answers"))
                .get("/api/v1/nothing-here"), 404);
    }

    @Test
    void wrongMethodIs405() {
        assertProblem(RestAssured.given().filter(ApiContract.notDescribed(
                "the API has no DELETE on this path; the test is of what an unknown method answers")).delete("/api/v1/articles"), 405);
    }

    @Test
    void unacceptableMediaTypeIs406() {
        assertProblem(Api.as("editor").filter(ApiContract.answerOnly()).accept("text/html").get(Api.ARTICLES), 406);
    }

    @Test
    void oversizeBodyIs413() {
        assertProblem(Api.as("editor").filter(ApiContract.answerOnly()).body(new byte[3 * 1024 * 1024]).post(Api.ARTICLES), 413);
    }

    @Test
    void overLongRequestTargetIs414() {
        assertProblem(RestAssured.get("/api/v1/articles/" + "a".repeat(HeaderLimits.MAX_URI_LENGTH + 10)), 414);
    }

    @Test
    void unsupportedBodyTypeIs415() {
        assertProblem(Api.as("editor").filter(ApiContract.answerOnly()).contentType("text/plain").body("title: x").post(Api.ARTICLES), 415);
    }

    @Test
    void overLargeHeadersAre431() {
        assertProblem(RestAssured.given().header("X-Padding", "p".repeat(HeaderLimits.MAX_HEADER_BYTES + 10))
                .get("/api/v1/articles"), 431);
    }

    private static void assertProblem(Response response, int status) {
        response.then().statusCode(status)
                .contentType(Problem.MEDIA_TYPE)
                .body("status", equalTo(status))
                .body("type", not(emptyOrNullString()))
                .body("title", not(emptyOrNullString()))
                .body("detail", not(emptyOrNullString()));
    }
}
