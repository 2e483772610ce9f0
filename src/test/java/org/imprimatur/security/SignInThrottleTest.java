package org.imprimatur.security;

import org.imprimatur.support.Database;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** docs/security.md, "Sign-in throttling": five failures lock a username, a correct password included. */
@QuarkusTest
class SignInThrottleTest {

    @Inject
    AgroalDataSource dataSource;

    @TestHTTPResource(value = "/", management = true)
    URL management;

    @Test
    void fiveFailuresLockTheUsernameEvenForTheRightPassword() {
        String username = org.imprimatur.support.Database.temporaryEditor(dataSource, "the right password");
        for (int attempt = 1; attempt <= 5; attempt++) {
            signIn(username, "a wrong guess " + attempt).then().statusCode(401);
        }
        Response locked = signIn(username, "the right password");
        locked.then().statusCode(429).contentType("application/problem+json")
                .body("type", containsString("too-many-attempts"));
        long retryAfter = Long.parseLong(locked.header("Retry-After"));
        assertTrue(retryAfter > 800 && retryAfter <= 900, "Retry-After " + retryAfter);
        // Another account is not affected.
        signIn("editor", "demo").then().statusCode(200);
    }

    @Test
    void unknownUsernamesAreThrottledAlikeAndEverythingIsCounted() {
        String username = "nobody-" + System.nanoTime();
        for (int attempt = 1; attempt <= 5; attempt++) {
            signIn(username, "guess").then().statusCode(401);
        }
        signIn(username, "guess").then().statusCode(429).header("Retry-After", org.hamcrest.Matchers.notNullValue());
        String metrics = RestAssured.given().baseUri("http://localhost:" + management.getPort()).get("/q/metrics").asString();
        assertTrue(metrics.contains("imprimatur_sign_in_failures_total"), "failures are not counted");
        assertTrue(metrics.contains("imprimatur_sign_in_lockouts_total"), "lock-outs are not counted");
    }

    private static Response signIn(String username, String password) {
        return RestAssured.given().contentType(ContentType.JSON).body(Map.of("username", username, "password", password))
                .post("/api/v1/auth/token");
    }

}
