package org.imprimatur.security;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.imprimatur.support.Api;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import java.util.Map;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** docs/security.md, "Rotating the signing key" (the test profile activates new keys at once). */
@QuarkusTest
class SigningKeyRotationTest {

    @Test
    void aRotatedKeySignsNewTokensAndTheOldOneStillVerifiesItsOwn() {
        String before = token("editor");
        String oldKey = keyIdOf(before);

        Api.as("editor").post("/api/v1/auth/signing-keys/rotate").then().statusCode(403);
        String newKey = Api.as("admin").post("/api/v1/auth/signing-keys/rotate").then().statusCode(200)
                .extract().path("keyId");
        assertNotEquals(oldKey, newKey);

        String after = token("editor");
        assertTrue(keyIdOf(after).equals(newKey), "new tokens are signed by the new key");
        RestAssured.given().auth().oauth2(before).get(Api.ARTICLES).then().statusCode(200);
        RestAssured.given().auth().oauth2(after).get(Api.ARTICLES).then().statusCode(200);
        RestAssured.get("/api/v1/auth/jwks").then().statusCode(200)
                .body("keys.kid", hasItems(oldKey, newKey))
                .body("keys.kty", hasItem("RSA"));
        RestAssured.get("/api/v1/auth/jwks").then().body("keys[0]", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("d")));
    }

    @Test
    void aRetiredKeyVerifiesUntilItsLastTokensHaveExpired() {
        Instant retired = Instant.parse("2026-11-26T12:00:00Z");
        SigningKeys.StoredKey key = new SigningKeys.StoredKey("k", null, null, retired.minusSeconds(3600), retired);
        Duration lifetime = Duration.ofHours(1);
        assertTrue(key.verifiesAt(retired.plusSeconds(3599), lifetime));
        assertFalse(key.verifiesAt(retired.plusSeconds(3600), lifetime));
        assertFalse(key.signsAt(retired));
        assertTrue(key.signsAt(retired.minusSeconds(1)));
    }

    private static String token(String username) {
        return RestAssured.given().contentType(ContentType.JSON).body(Map.of("username", username, "password", "demo"))
                .post("/api/v1/auth/token").then().statusCode(200).extract().path("access_token");
    }

    private static String keyIdOf(String token) {
        String header = new String(Base64.getUrlDecoder().decode(token.split("\\.")[0]), StandardCharsets.UTF_8);
        return header.replaceAll(".*\"kid\":\"([^\"]+)\".*", "$1");
    }

}
