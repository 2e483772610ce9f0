package org.imprimatur.infrastructure;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.imprimatur.support.ApiContract;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** docs/errors.md: a request's id is echoed, written in its problem documents and in its log lines. */
@QuarkusTest
class RequestIdsTest {

    @Test
    void aCallersRequestIdIsEchoedAndNamedInTheProblem() {
        RestAssured.given().header("X-Request-Id", "front-end-42").get("/api/v1/articles/no-such-article")
                .then().statusCode(404).header("X-Request-Id", "front-end-42").body("requestId", equalTo("front-end-42"));
        RestAssured.given().header("X-Request-Id", "front-end-43").get("/api/v1/articles")
                .then().statusCode(200).header("X-Request-Id", "front-end-43");
    }

    @Test
    void withoutOneOrWithAnUnusableOneTheServiceMakesItsOwn() {
        for (Response response : List.of(RestAssured.get("/api/v1/articles/no-such-article"),
                RestAssured.given().header("X-Request-Id", "two words").get("/api/v1/articles/no-such-article"),
                RestAssured.given().header("X-Request-Id", "x".repeat(500)).get("/api/v1/articles/no-such-article"))) {
            String id = response.header("X-Request-Id");
            assertTrue(id.matches("[0-9a-f-]{36}"), id);
            assertEquals(id, response.path("requestId"));
        }
    }

    @Test
    void refusalsBeforeAnyResourceRunsCarryItToo() {
        RestAssured.given().header("X-Request-Id", "long-uri-1")
                .get("/api/v1/articles/" + "a".repeat(HeaderLimits.MAX_URI_LENGTH + 1))
                .then().statusCode(414).header("X-Request-Id", "long-uri-1").body("requestId", equalTo("long-uri-1"));
        RestAssured.given().filter(ApiContract.answerOnly()).header("X-Request-Id", "big-body-1").contentType(ContentType.JSON)
                .body(new byte[3 * 1024 * 1024]).post("/api/v1/auth/token")
                .then().statusCode(413).body("requestId", equalTo("big-body-1"));
    }

    @Test
    void theRequestsLogLinesCarryItsId() {
        List<String> ids = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                // Read as the line is written, on the thread that writes it, as a log handler does.
                if (record instanceof ExtLogRecord extended) {
                    ids.add(String.valueOf(extended.getMdc("requestId")));
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger("org.imprimatur.security");
        logger.addHandler(capture);
        try {
            RestAssured.given().header("X-Request-Id", "sign-in-7").contentType(ContentType.JSON)
                    .body(Map.of("username", "editor", "password", "not the password"))
                    .post("/api/v1/auth/token").then().statusCode(401);
        } finally {
            logger.removeHandler(capture);
        }
        assertNotEquals(List.of(), ids, "the failed sign-in was not logged");
        assertTrue(ids.stream().allMatch("sign-in-7"::equals), ids.toString());
    }
}
