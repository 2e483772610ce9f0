package org.imprimatur.security;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.imprimatur.support.Api;
import org.imprimatur.support.ServiceClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * docs/security.md, "Sessions and tokens after a credential change": a password changed while a
 * sign-in is checking the old one (bcrypt takes tens of milliseconds) ends what that sign-in issues,
 * however long the check took. The sign-in is taken apart here so that the change falls between the
 * check and the issuing, and the clock moves on past whole seconds, as a slow check would.
 */
@QuarkusTest
class SignInRaceTest {

    private static final String OLD = "the password before the change";

    @Inject
    TokenService tokens;
    @Inject
    StudioSessions sessions;

    @AfterEach
    void putTheClockBack() {
        ServiceClock.reset();
    }

    @Test
    void whatASignInIssuesAfterAPasswordChangeMadeDuringItsCheckIsRefused() {
        String username = "race-" + UUID.randomUUID().toString().substring(0, 8);
        Api.as("admin").body(Map.of("username", username, "displayName", "Race Editor", "roles", List.of("editor"),
                "password", OLD)).post("/api/v1/accounts").then().statusCode(201);

        TokenService.Authenticated checked = tokens.authenticate(username, OLD).orElseThrow();
        ServiceClock.moveAhead(Duration.ofSeconds(2));
        Api.as("admin").body(Map.of("password", "the password after the change")).patch("/api/v1/accounts/" + username)
                .then().statusCode(200);
        ServiceClock.moveAhead(Duration.ofSeconds(2));
        String token = tokens.tokenFor(checked).accessToken();
        String session = sessions.start(checked);

        RestAssured.given().auth().oauth2(token).get(Api.ARTICLES).then().statusCode(401);
        RestAssured.given().redirects().follow(false).cookie(StudioSessions.COOKIE, session).get("/studio")
                .then().statusCode(303);
    }
}
