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
 * PostgreSQL, with a thirty-second window (long enough for twenty bcrypt checks while another
 * integration test runs beside this one):
 * failures on either replica count for the same username and address on both, twenty failures
 * lock the client address, and the rightful user signs in once the window passed.
 */
class SignInThrottleIT {

    @Test
    void theCountIsSharedByReplicasAndEndsWithTheWindow() throws Exception {
        Map<String, String> shortWindow = Map.of("IMPRIMATUR_AUTH_THROTTLE_WINDOW", "PT30S");
        try (PackagedService services = PackagedService.onFreshDatabase()) {
            String first = services.startInstance("throttle-a", shortWindow);
            String second = services.startInstance("throttle-b", shortWindow);

            // Wrong guesses taking turns between the replicas, until one is held back: the replica
            // refusing has seen fewer than the three free failures itself, so it counted the other's.
            int failures = 0;
            int[] seenBy = new int[2];
            Response heldBack = null;
            int refuser = -1;
            for (int attempt = 0; attempt < 8 && heldBack == null; attempt++) {
                int replica = attempt % 2;
                Response answer = signIn(replica == 0 ? first : second, "editor", "wrong " + attempt);
                if (answer.statusCode() == 429) {
                    heldBack = answer;
                    refuser = replica;
                } else {
                    answer.then().statusCode(401);
                    failures++;
                    seenBy[replica]++;
                }
            }
            assertTrue(heldBack != null, "eight wrong guesses in a row were all evaluated");
            assertTrue(failures >= 3, failures + " failures");
            assertTrue(seenBy[refuser] < 3, "the refusing replica had itself seen " + seenBy[refuser] + " failures");
            heldBack.then().contentType("application/problem+json");
            assertTrue(Integer.parseInt(heldBack.header("Retry-After")) <= 10, heldBack.header("Retry-After"));

            // Twenty failures from one address lock it for every username.
            for (int attempt = 1; attempt <= 20 - failures; attempt++) {
                signIn(attempt % 2 == 0 ? first : second, "nobody-" + attempt, "guess").then().statusCode(401);
            }
            signIn(first, "reviewer", "demo").then().statusCode(429);

            // Once the window has passed, both sign in again (polled, at most forty seconds).
            int status = org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(100))
                    .until(() -> signIn(second, "editor", "demo").statusCode(), answer -> answer != 429);
            assertEquals(200, status);
            signIn(first, "reviewer", "demo").then().statusCode(200);
        }
    }

    private static Response signIn(String base, String username, String password) {
        return RestAssured.given().baseUri(base).contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", password)).post("/api/v1/auth/token");
    }
}
