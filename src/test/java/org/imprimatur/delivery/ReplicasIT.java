package org.imprimatur.delivery;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.imprimatur.support.Fixtures;
import org.imprimatur.support.PackagedService;
import org.imprimatur.support.Workflow;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two packaged services on one PostgreSQL: what one publishes or retracts, the other serves
 * within a second, also after its listening connection was cut; an account one disables, the
 * other refuses within seconds.
 */
class ReplicasIT {

    private static PackagedService services;
    private static String first;
    private static String second;

    @BeforeAll
    static void startTwoReplicas() throws Exception {
        services = PackagedService.onFreshDatabase();
        first = services.startInstance("replica-first");
        second = services.startInstance("replica-second");
        // The first rendition a JVM renders loads and compiles the Markdown and JSON code; do that
        // before anything is timed, so the timings below measure how publications propagate.
        String warmUp = Fixtures.uniqueSlug("warm-up");
        publishOn(first, warmUp);
        millisUntil(second, warmUp, 200);
    }

    @AfterAll
    static void stopEverything() throws Exception {
        services.close();
    }

    @Test
    void aPublishOnOneReplicaIsServedByTheOtherWithinASecond() throws Exception {
        String slug = Fixtures.uniqueSlug("replicated");
        get(second, slug).then().statusCode(404); // the other replica now holds "missing" in its cache

        String id = publishOn(first, slug);
        long visibleAfter = millisUntil(second, slug, 200);
        System.out.printf("Publish on one replica served by the other after %d ms%n", visibleAfter);
        assertTrue(visibleAfter < 1000, "the second replica served the publish after " + visibleAfter + " ms");

        services.as(first, "reviewer").body(Map.of("reason", "Superseded"))
                .post("/api/v1/editorial/articles/" + id + "/retract").then().statusCode(200);
        long goneAfter = millisUntil(second, slug, 410);
        System.out.printf("Retraction on one replica served by the other after %d ms%n", goneAfter);
        assertTrue(goneAfter < 1000, "the second replica served the retraction after " + goneAfter + " ms");
    }

    @Test
    void aReplicaThatLostItsListeningConnectionCatchesUp() throws Exception {
        String slug = Fixtures.uniqueSlug("reconnect");
        get(second, slug).then().statusCode(404);
        try (Connection admin = services.connect(); Statement statement = admin.createStatement()) {
            statement.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = '"
                    + PublicationListener.APPLICATION_NAME + "'");
        }
        publishOn(first, slug);
        long visibleAfter = millisUntil(second, slug, 200);
        assertTrue(visibleAfter < 3000, "served after " + visibleAfter + " ms");
    }

    /** docs/security.md, "Accounts": a disabled account is refused everywhere within 5 s. */
    @Test
    void anAccountDisabledOnOneReplicaIsRefusedByTheOtherWithinFiveSeconds() throws Exception {
        String username = "replicated-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        String token = editorSignedInOnTheSecond(username);
        String session = studioSession(second, username, "a long password");
        RestAssured.given().baseUri(second).redirects().follow(false).cookie("imprimatur_session", session)
                .get("/studio").then().statusCode(200);

        services.as(first, "admin").body(Map.of("disabled", true)).patch("/api/v1/accounts/" + username)
                .then().statusCode(200);
        long start = System.nanoTime();
        // Studio sessions are read from the database on every request: refused at once.
        RestAssured.given().baseUri(second).redirects().follow(false).cookie("imprimatur_session", session)
                .get("/studio").then().statusCode(303);
        long refusedAfter = millisUntilRefusedOnTheSecond(token, start);
        System.out.printf("A token of an account disabled on one replica was refused by the other after %d ms%n", refusedAfter);
        assertTrue(refusedAfter >= 0, "the second replica still accepted the disabled account's token after 5 s");
    }

    /**
     * docs/security.md, "Sessions and tokens after a credential change": a password reset on one
     * replica refuses the account's earlier tokens on the other within 5 s, and ends its studio
     * sessions there at once; a token issued with the new password works on both.
     */
    @Test
    void aPasswordResetOnOneReplicaRefusesEarlierTokensOnTheOtherWithinFiveSeconds() throws Exception {
        String username = "reset-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        String token = editorSignedInOnTheSecond(username);
        String session = studioSession(second, username, "a long password");

        services.as(first, "admin").body(Map.of("password", "another long password")).patch("/api/v1/accounts/" + username)
                .then().statusCode(200);
        long start = System.nanoTime();
        RestAssured.given().baseUri(second).redirects().follow(false).cookie("imprimatur_session", session)
                .get("/studio").then().statusCode(303);
        long refusedAfter = millisUntilRefusedOnTheSecond(token, start);
        System.out.printf("A token issued before a password reset on one replica was refused by the other after %d ms%n",
                refusedAfter);
        assertTrue(refusedAfter >= 0, "the second replica still accepted the token of before the reset after 5 s");
        String renewed = RestAssured.given().baseUri(second).contentType("application/json")
                .body(Map.of("username", username, "password", "another long password")).post("/api/v1/auth/token")
                .then().statusCode(200).extract().path("access_token");
        RestAssured.given().baseUri(first).auth().oauth2(renewed).get("/api/v1/editorial/articles").then().statusCode(200);
        RestAssured.given().baseUri(second).auth().oauth2(renewed).get("/api/v1/editorial/articles").then().statusCode(200);
    }

    /** A new editor account made on the first replica, and its token from the second, which works there. */
    private static String editorSignedInOnTheSecond(String username) {
        services.as(first, "admin").body(Map.of("username", username, "displayName", "Replicated Editor",
                "roles", java.util.List.of("editor"), "password", "a long password")).post("/api/v1/accounts")
                .then().statusCode(201);
        String token = RestAssured.given().baseUri(second).contentType("application/json")
                .body(Map.of("username", username, "password", "a long password")).post("/api/v1/auth/token")
                .then().statusCode(200).extract().path("access_token");
        RestAssured.given().baseUri(second).auth().oauth2(token).get("/api/v1/editorial/articles").then().statusCode(200);
        return token;
    }

    /** Milliseconds from {@code start} until the second replica refuses the token, or -1 if it still accepts it after 5 s. */
    private static long millisUntilRefusedOnTheSecond(String token, long start) throws InterruptedException {
        try {
            Awaitility.await().atMost(Duration.ofSeconds(5).minusNanos(System.nanoTime() - start))
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> RestAssured.given().baseUri(second).auth().oauth2(token).get("/api/v1/editorial/articles")
                            .statusCode() == 401);
            return Duration.ofNanos(System.nanoTime() - start).toMillis();
        } catch (ConditionTimeoutException stillAccepted) {
            return -1;
        }
    }

    /** Signs in to the studio as a browser would: the form's CSRF cookie, then the session cookie. */
    private static String studioSession(String base, String username, String password) {
        String csrf = RestAssured.given().baseUri(base).get("/studio/sign-in").then().log().ifValidationFails().statusCode(200)
                .extract().cookie("csrf-token");
        return RestAssured.given().baseUri(base).redirects().follow(false).cookie("csrf-token", csrf)
                .formParams(Map.of("csrf-token", csrf, "username", username, "password", password))
                .post("/studio/sign-in").then().statusCode(303).extract().cookie("imprimatur_session");
    }

    private static String publishOn(String base, String slug) {
        String id = services.as(base, "editor").body(Fixtures.article(slug)).post("/api/v1/editorial/articles")
                .then().statusCode(201).extract().path("id");
        services.as(base, "editor").post("/api/v1/editorial/articles/" + id + "/submit").then().statusCode(200);
        Response latest = services.as(base, "editor").get("/api/v1/editorial/articles/" + id);
        Object version = latest.path("version");
        Object hash = latest.path("contentHash");
        services.as(base, "reviewer").body(Map.of("version", version, "contentHash", hash,
                        "evidence", Workflow.allCurrent(latest)))
                .post("/api/v1/editorial/articles/" + id + "/approve").then().statusCode(200);
        return id;
    }

    private static long millisUntil(String base, String slug, int status) throws InterruptedException {
        long start = System.nanoTime();
        try {
            Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(10))
                    .until(() -> get(base, slug).statusCode() == status);
        } catch (ConditionTimeoutException never) {
            throw new AssertionError(base + " never answered " + status + " for " + slug);
        }
        return Duration.ofNanos(System.nanoTime() - start).toMillis();
    }

    private static Response get(String base, String slug) {
        return RestAssured.given().baseUri(base).get("/api/v1/articles/" + slug);
    }
}
