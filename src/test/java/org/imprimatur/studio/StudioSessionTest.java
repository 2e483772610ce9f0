package org.imprimatur.studio;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.imprimatur.support.Database;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Studio sessions over plain HTTP (docs/studio.md, "Signing in and sessions"). */
@QuarkusTest
class StudioSessionTest {

    private static String csrfCookie() {
        return RestAssured.given().get("/studio/sign-in").then().statusCode(200).extract().cookie("csrf-token");
    }

    private static Response signIn(String username, String password, Map<String, String> headers) {
        String csrf = csrfCookie();
        return RestAssured.given().redirects().follow(false).headers(headers).cookie("csrf-token", csrf)
                .formParams(Map.of("csrf-token", csrf, "username", username, "password", password))
                .post("/studio/sign-in");
    }

    /** docs/studio.md: a refusal on a studio page is a page in words; the API's stays a problem document. */
    @Test
    void aStudioRefusalIsAPageAndTheApisAProblemDocument() {
        String session = signIn("editor", "demo", Map.of()).then().statusCode(303).extract().cookie("imprimatur_session");
        String missing = java.util.UUID.randomUUID().toString();
        RestAssured.given().redirects().follow(false).cookie("imprimatur_session", session)
                .get("/studio/articles/" + missing + "/history").then().statusCode(404).contentType("text/html")
                .body(org.hamcrest.Matchers.containsString("There is no article " + missing));
        RestAssured.given().redirects().follow(false).cookie("imprimatur_session", session)
                .get("/studio/webhooks").then().statusCode(403).contentType("text/html");
        org.imprimatur.support.Api.as("editor").get("/api/v1/editorial/articles/" + missing).then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void aSessionEndsAfterItsIdleTimeout() {
        String username = Database.temporaryEditor(Database.owner(), "a long password");
        String session = signIn(username, "a long password", Map.of()).then().statusCode(303)
                .extract().cookie("imprimatur_session");
        RestAssured.given().redirects().follow(false).cookie("imprimatur_session", session).get("/studio").then().statusCode(200);
        long aged = Database.queryLong(Database.owner(), """
                WITH aged AS (UPDATE studio_sessions SET last_seen_at = now() - interval '31 minutes'
                              WHERE account_id = (SELECT id FROM accounts WHERE username = ?) RETURNING 1)
                SELECT count(*) FROM aged""", username);
        assertEquals(1, aged);
        RestAssured.given().redirects().follow(false).cookie("imprimatur_session", session).get("/studio/articles")
                .then().statusCode(303).header("Location", containsString("/studio/sign-in?next=%2Fstudio%2Farticles"));
    }

    @Test
    void theCookieIsSecureBehindAnHttpsProxyOnly() {
        io.restassured.http.Cookie plain = signIn("editor", "demo", Map.of()).then().statusCode(303)
                .extract().detailedCookie("imprimatur_session");
        assertTrue(plain.isHttpOnly());
        assertFalse(plain.isSecured(), "a cookie marked Secure would not come back over plain HTTP");
        io.restassured.http.Cookie proxied = signIn("editor", "demo", Map.of("X-Forwarded-Proto", "https")).then()
                .statusCode(303).extract().detailedCookie("imprimatur_session");
        assertTrue(proxied.isSecured());
        assertTrue(proxied.isHttpOnly());
    }

    @Test
    void wrongPasswordsAreThrottledLikeTheTokenEndpoint() {
        String username = "nobody-" + UUID.randomUUID().toString().substring(0, 8);
        // Three failures from one address, then it backs off (docs/security.md, "Sign-in throttling"): the
        // wait starts at a second and doubles, so on a slow machine an attempt or two may come after it.
        for (int attempt = 0; attempt < 3; attempt++) {
            signIn(username, "wrong", Map.of()).then().statusCode(401).body(containsString("The username or password is wrong."));
        }
        Response refused = signIn(username, "wrong", Map.of());
        for (int attempt = 0; attempt < 4 && refused.statusCode() == 401; attempt++) {
            refused = signIn(username, "wrong", Map.of());
        }
        refused.then().statusCode(429).body(containsString("Too many failed attempts"));
        RestAssured.given().contentType("application/json").body(Map.of("username", username, "password", "wrong"))
                .post("/api/v1/auth/token").then().statusCode(429);
    }

    @Test
    void signingInReturnsOnlyToAStudioPage() {
        String csrf = csrfCookie();
        for (String next : new String[] {"https://evil.example/", "//evil.example/studio", "/api/v1/accounts", "/studio/../api",
                "/studio/%2e%2e/api"}) {
            RestAssured.given().redirects().follow(false).cookie("csrf-token", csrf)
                    .formParams(Map.of("csrf-token", csrf, "username", "editor", "password", "demo", "next", next))
                    .post("/studio/sign-in").then().statusCode(303).header("Location", endsWith("/studio"));
        }
        RestAssured.given().redirects().follow(false).cookie("csrf-token", csrf)
                .formParams(Map.of("csrf-token", csrf, "username", "editor", "password", "demo", "next", "/studio/articles?q=gut"))
                .post("/studio/sign-in").then().statusCode(303).header("Location", endsWith("/studio/articles?q=gut"));
    }
}
