package org.imprimatur.accounts;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.imprimatur.security.CredentialChanges;
import org.imprimatur.support.Api;
import org.imprimatur.support.ServiceClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docs/security.md, "Sessions and tokens after a credential change": a password change or reset,
 * a disabling or a removed role ends the account's other studio sessions and refuses the tokens
 * issued before it; studio sessions also end at their absolute lifetime (docs/studio.md).
 */
@QuarkusTest
class CredentialChangeTest {

    private static final String ARTICLES = "/api/v1/editorial/articles";

    @AfterEach
    void putTheClockBack() {
        ServiceClock.reset();
    }

    @Test
    void changingOnesOwnPasswordEndsOtherSessionsAndEarlierTokensButNotTheChangingPage() {
        String username = account(List.of("editor"), "first password 1");
        String oldToken = token(username, "first password 1");
        String otherBrowser = studioSession(username, "first password 1");
        String thisBrowser = studioSession(username, "first password 1");
        assertSignedIn(otherBrowser);

        String csrf = csrf(thisBrowser);
        Response changed = RestAssured.given().redirects().follow(false).cookie("imprimatur_session", thisBrowser)
                .cookie("csrf-token", csrf)
                .formParams(Map.of("csrf-token", csrf, "currentPassword", "first password 1", "newPassword", "second password 2"))
                .post("/studio/password");
        changed.then().statusCode(200).body(containsString("Your password was changed."));
        String renewed = changed.cookie("imprimatur_session");
        assertNotNull(renewed, "the changing page's browser got no new session");

        assertSignedIn(renewed);
        assertSignedOut(otherBrowser);
        assertSignedOut(thisBrowser);
        given().auth().oauth2(oldToken).get(ARTICLES).then().statusCode(401);
        // Issued in the same second as the change, or later: it works.
        given().auth().oauth2(token(username, "second password 2")).get(ARTICLES).then().statusCode(200);
    }

    @Test
    void theApisOwnPasswordChangeEndsTheCallersTokenToo() {
        String username = account(List.of("editor"), "first password 1");
        String oldToken = token(username, "first password 1");
        String session = studioSession(username, "first password 1");
        given().auth().oauth2(oldToken).contentType("application/json")
                .body(Map.of("currentPassword", "first password 1", "newPassword", "second password 2"))
                .post("/api/v1/accounts/me/password").then().statusCode(204);
        given().auth().oauth2(oldToken).get(ARTICLES).then().statusCode(401);
        assertSignedOut(session);
        given().auth().oauth2(token(username, "second password 2")).get(ARTICLES).then().statusCode(200);
    }

    @Test
    void removingARoleEndsTheAccountsTokensAndSessions() {
        String username = account(List.of("editor", "medical-reviewer"), "a long password");
        String oldToken = token(username, "a long password");
        String session = studioSession(username, "a long password");
        given().auth().oauth2(oldToken).get("/api/v1/editorial/review-queue").then().statusCode(200);

        Api.as("admin").body(Map.of("roles", List.of("editor"))).patch("/api/v1/accounts/" + username).then().statusCode(200);

        // Its old token can no longer act at all, not even as the editor it still is.
        given().auth().oauth2(oldToken).get("/api/v1/editorial/review-queue").then().statusCode(401);
        given().auth().oauth2(oldToken).get(ARTICLES).then().statusCode(401);
        assertSignedOut(session);
        given().auth().oauth2(token(username, "a long password")).get(ARTICLES).then().statusCode(200);
    }

    @Test
    void addingARoleEndsNothing() {
        String username = account(List.of("editor"), "a long password");
        String token = token(username, "a long password");
        String session = studioSession(username, "a long password");
        Api.as("admin").body(Map.of("roles", List.of("editor", "medical-reviewer"))).patch("/api/v1/accounts/" + username)
                .then().statusCode(200);
        given().auth().oauth2(token).get(ARTICLES).then().statusCode(200);
        assertSignedIn(session);
    }

    @Test
    void disablingAndAPasswordResetEndEverythingOfTheAccount() {
        String username = account(List.of("editor"), "a long password");
        String beforeDisabling = token(username, "a long password");
        String session = studioSession(username, "a long password");
        Api.as("admin").body(Map.of("disabled", true)).patch("/api/v1/accounts/" + username).then().statusCode(200);
        Api.as("admin").body(Map.of("disabled", false)).patch("/api/v1/accounts/" + username).then().statusCode(200);
        given().auth().oauth2(beforeDisabling).get(ARTICLES).then().statusCode(401);
        assertSignedOut(session);

        String beforeReset = token(username, "a long password");
        String sessionBeforeReset = studioSession(username, "a long password");
        given().auth().oauth2(beforeReset).get(ARTICLES).then().statusCode(200);
        Api.as("admin").body(Map.of("password", "a new long password")).patch("/api/v1/accounts/" + username)
                .then().statusCode(200);
        given().auth().oauth2(beforeReset).get(ARTICLES).then().statusCode(401);
        assertSignedOut(sessionBeforeReset);
        given().auth().oauth2(token(username, "a new long password")).get(ARTICLES).then().statusCode(200);
    }

    /** However busy, a session ends 12 hours after its sign-in (IMPRIMATUR_STUDIO_ABSOLUTE_LIFETIME). */
    @Test
    void aBusySessionEndsAtItsAbsoluteLifetime() {
        String username = account(List.of("editor"), "a long password");
        String session = studioSession(username, "a long password");
        // A request every 25 minutes keeps it from the 30-minute idle timeout for 11 h 40 min.
        for (int step = 1; step <= 28; step++) {
            ServiceClock.moveAhead(Duration.ofMinutes(25));
            assertSignedIn(session);
        }
        ServiceClock.moveAhead(Duration.ofMinutes(25));
        assertSignedOut(session);
        assertSignedIn(studioSession(username, "a long password"));
    }

    /** iat counts whole seconds: a token of the change's own second may predate it. */
    @Test
    void aTokenOfTheSecondOfTheChangeIsRefusedAndTheNextSecondsAccepted() {
        Instant change = Instant.parse("2026-12-01T10:00:00.250Z");
        long second = change.getEpochSecond();
        assertTrue(CredentialChanges.issuedBefore(second - 1, change));
        assertTrue(CredentialChanges.issuedBefore(second, change));
        assertFalse(CredentialChanges.issuedBefore(second + 1, change));
        assertTrue(CredentialChanges.issuedBefore(null, change));
        assertEquals(second + 1, CredentialChanges.firstAcceptedSecond(change));
    }

    private static String account(List<String> roles, String password) {
        String username = "cred-" + UUID.randomUUID().toString().substring(0, 8);
        Api.as("admin").body(Map.of("username", username, "displayName", "Dr. " + username, "roles", roles,
                "password", password)).post("/api/v1/accounts").then().statusCode(201);
        return username;
    }

    private static String token(String username, String password) {
        return given().contentType("application/json").body(Map.of("username", username, "password", password))
                .post("/api/v1/auth/token").then().statusCode(200).extract().path("access_token");
    }

    private static String csrf(String session) {
        return RestAssured.given().redirects().follow(false).cookie("imprimatur_session", session).get("/studio")
                .then().statusCode(200).extract().cookie("csrf-token");
    }

    private static String studioSession(String username, String password) {
        String csrf = RestAssured.given().get("/studio/sign-in").then().statusCode(200).extract().cookie("csrf-token");
        return RestAssured.given().redirects().follow(false).cookie("csrf-token", csrf)
                .formParams(Map.of("csrf-token", csrf, "username", username, "password", password))
                .post("/studio/sign-in").then().statusCode(303).extract().cookie("imprimatur_session");
    }

    private static void assertSignedIn(String session) {
        RestAssured.given().redirects().follow(false).cookie("imprimatur_session", session).get("/studio")
                .then().statusCode(200);
    }

    private static void assertSignedOut(String session) {
        RestAssured.given().redirects().follow(false).cookie("imprimatur_session", session).get("/studio")
                .then().statusCode(303).header("Location", containsString("/studio/sign-in"));
    }
}
