package org.imprimatur.security;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.smallrye.jwt.build.Jwt;
import jakarta.inject.Inject;
import org.imprimatur.support.Api;
import org.imprimatur.support.ApiContract;
import org.imprimatur.support.Database;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.keys.HmacKey;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Every kind of bad token is 401 problem+json, also when it is signed with the service's real key
 * (docs/security.md, "Accounts and tokens").
 */
@QuarkusTest
class TokenRefusalsTest {

    @Inject
    SigningKeys signingKeys;
    @Inject
    AgroalDataSource dataSource;

    @Test
    void anExpiredTokenIs401() {
        String expired = Jwt.issuer("imprimatur").subject(idOf("editor")).groups(Set.of("editor"))
                .issuedAt(Instant.now().minusSeconds(3600)).expiresAt(Instant.now().minusSeconds(120))
                .jws().keyId(signingKeys.signingKey().id()).sign(signingKeys.signingKey().privateKey());
        assertRefused(expired);
    }

    @Test
    void anotherIssuerWithTheRealKeyIs401() {
        assertRefused(Jwt.issuer("someone-else").subject(idOf("editor")).groups(Set.of("editor")).expiresIn(300)
                .jws().keyId(signingKeys.signingKey().id()).sign(signingKeys.signingKey().privateKey()));
    }

    @Test
    void anUnsignedTokenIs401() {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        String header = base64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String claims = base64.encodeToString(("{\"iss\":\"imprimatur\",\"sub\":\"" + idOf("admin")
                + "\",\"groups\":[\"admin\"],\"exp\":" + (Instant.now().getEpochSecond() + 300) + "}")
                .getBytes(StandardCharsets.UTF_8));
        assertRefused(header + "." + claims + ".");
    }

    @Test
    void hs256SignedWithThePublicKeyIs401() throws Exception {
        // The classic confusion: the verifier's public key used as an HMAC secret.
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload("{\"iss\":\"imprimatur\",\"sub\":\"" + idOf("admin") + "\",\"groups\":[\"admin\"],\"exp\":"
                + (Instant.now().getEpochSecond() + 300) + "}");
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
        jws.setKeyIdHeaderValue(signingKeys.signingKey().id());
        jws.setKey(new HmacKey(signingKeys.signingKey().publicKey().getEncoded()));
        jws.setDoKeyValidation(false);
        assertRefused(jws.getCompactSerialization());
    }

    @Test
    void aTokenWithoutSubjectOrForNoAccountIs401() {
        assertRefused(Jwt.issuer("imprimatur").groups(Set.of("admin")).expiresIn(300)
                .jws().keyId(signingKeys.signingKey().id()).sign(signingKeys.signingKey().privateKey()));
        assertRefused(Jwt.issuer("imprimatur").subject(UUID.randomUUID().toString()).groups(Set.of("admin")).expiresIn(300)
                .jws().keyId(signingKeys.signingKey().id()).sign(signingKeys.signingKey().privateKey()));
    }

    @Test
    void aDisabledAccountCannotSignInAndItsTokenIsRefused() throws Exception {
        String username = Database.temporaryEditor(dataSource, "a long enough password");
        String token = RestAssured.given().contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", "a long enough password"))
                .post("/api/v1/auth/token").then().statusCode(200).extract().path("access_token");
        RestAssured.given().auth().oauth2(token).get(Api.ARTICLES).then().statusCode(200);

        Database.refusalOf(dataSource, "UPDATE accounts SET disabled = true WHERE username = ?", username);
        // Disabled behind this replica's back (as another replica would): refused within the refresh.
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5)).pollInterval(java.time.Duration.ofMillis(100))
                .until(() -> RestAssured.given().auth().oauth2(token).get(Api.ARTICLES).statusCode() == 401);
        assertRefused(token);
        RestAssured.given().contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", "a long enough password"))
                .post("/api/v1/auth/token").then().statusCode(401).contentType("application/problem+json");
    }

    /** Anonymous callers reach only the delivery API, health and OpenAPI (docs/security.md). */
    @Test
    void anonymousCallersGet401FromEveryEditorialRead() {
        String id = "00000000-0000-0000-0000-000000000001";
        for (String path : new String[]{Api.ARTICLES + "/" + id + "/audit", Api.ARTICLES + "/" + id + "/diff?from=1&to=2",
                Api.ARTICLES + "/" + id + "/versions", Api.ARTICLES + "/" + id + "/versions/1",
                "/api/v1/editorial/review-queue", "/api/v1/editorial/overdue"}) {
            RestAssured.given().filter(ApiContract.answerOnly()).get(path).then().statusCode(401).contentType("application/problem+json")
                    .header("WWW-Authenticate", "Bearer");
        }
    }

    private void assertRefused(String token) {
        RestAssured.given().auth().oauth2(token).get(Api.ARTICLES).then().statusCode(401)
                .contentType("application/problem+json");
    }

    private String idOf(String username) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT id FROM accounts WHERE username = ?")) {
            query.setString(1, username);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getString(1);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
