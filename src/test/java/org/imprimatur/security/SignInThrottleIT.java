package org.imprimatur.security;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.imprimatur.support.PackagedService;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docs/security.md, "Sign-in throttling", across two replicas of the packaged service on one
 * PostgreSQL, with a four-second window: failures on one replica make the same username and
 * address back off on the other, twenty failures lock the client address, and the rightful user
 * signs in once the window passed.
 */
class SignInThrottleIT {

    @Test
    void theCountIsSharedByReplicasAndEndsWithTheWindow() throws Exception {
        Map<String, String> shortWindow = Map.of("IMPRIMATUR_AUTH_THROTTLE_WINDOW", "PT4S");
        try (PackagedService services = PackagedService.onFreshDatabase()) {
            String first = services.startInstance("throttle-a", shortWindow);
            String second = services.startInstance("throttle-b", shortWindow);

            for (int attempt = 1; attempt <= 3; attempt++) {
                signIn(first, "editor", "wrong " + attempt).then().statusCode(401);
            }
            Response backingOff = signIn(second, "editor", "demo");
            backingOff.then().statusCode(429).contentType("application/problem+json");
            assertTrue(Integer.parseInt(backingOff.header("Retry-After")) <= 4, backingOff.header("Retry-After"));

            // Twenty failures from one address lock it for every username.
            for (int attempt = 1; attempt <= 17; attempt++) {
                signIn(attempt % 2 == 0 ? first : second, "nobody-" + attempt, "guess").then().statusCode(401);
            }
            signIn(first, "reviewer", "demo").then().statusCode(429);

            // Once the window has passed, both sign in again (polled, at most ten seconds).
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            int status = 0;
            while (System.nanoTime() < deadline && (status = signIn(second, "editor", "demo").statusCode()) == 429) {
                Thread.sleep(100); // between polls, not instead of one
            }
            assertEquals(200, status);
            signIn(first, "reviewer", "demo").then().statusCode(200);
        }
    }

    private static Response signIn(String base, String username, String password) {
        return RestAssured.given().baseUri(base).contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", password)).post("/api/v1/auth/token");
    }
}
