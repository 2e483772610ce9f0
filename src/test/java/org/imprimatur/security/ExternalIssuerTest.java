package org.imprimatur.security;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.smallrye.jwt.build.Jwt;
import org.imprimatur.support.Api;
import org.imprimatur.support.Fixtures;
import org.junit.jupiter.api.Test;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;

/** Tokens of an external OpenID Connect issuer are accepted, with roles from a configured claim. */
@QuarkusTest
@TestProfile(ExternalIssuerTest.WithExternalIssuer.class)
class ExternalIssuerTest {

    static final String ISSUER = "https://login.example.org/realms/health";
    static final KeyPair ISSUER_KEYS = generate();

    public static class WithExternalIssuer implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            String pem = "-----BEGIN PUBLIC KEY-----\n"
                    + Base64.getMimeEncoder().encodeToString(ISSUER_KEYS.getPublic().getEncoded())
                    + "\n-----END PUBLIC KEY-----";
            return Map.of("imprimatur.auth.oidc.issuer", ISSUER,
                    "imprimatur.auth.oidc.public-key", pem,
                    "imprimatur.auth.oidc.roles-claim", "realm_access.roles");
        }
    }

    @Test
    void anExternalEditorCanCreateAndIsNamedAsAuthor() {
        String token = external("ext-editor-1", "Grace External", List.of("editor", "offline_access"));
        RestAssured.given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Fixtures.article(Fixtures.uniqueSlug("external")))
                .post(Api.ARTICLES).then().statusCode(201)
                .body("author.name", equalTo("Grace External"));
    }

    @Test
    void externalRolesDecideAccessAndOurOwnTokensStillWork() {
        String reader = external("ext-reviewer-1", "Rae Reviewer", List.of("medical-reviewer"));
        RestAssured.given().auth().oauth2(reader).contentType(ContentType.JSON)
                .body(Fixtures.article(Fixtures.uniqueSlug("external-denied")))
                .post(Api.ARTICLES).then().statusCode(403);
        RestAssured.given().auth().oauth2(reader).get(Api.ARTICLES).then().statusCode(200);
        Api.as("editor").get(Api.ARTICLES).then().statusCode(200);
    }

    @Test
    void aTokenClaimingTheIssuerButSignedByAnotherKeyIs401() {
        KeyPair other = generate();
        String forged = Jwt.issuer(ISSUER).subject("intruder").claim("realm_access", Map.of("roles", List.of("admin")))
                .expiresIn(300).sign(other.getPrivate());
        RestAssured.given().auth().oauth2(forged).get(Api.ARTICLES).then().statusCode(401);
    }

    private static String external(String subject, String name, List<String> roles) {
        return Jwt.issuer(ISSUER).subject(subject).claim("preferred_username", subject).claim("name", name)
                .claim("realm_access", Map.of("roles", roles)).expiresIn(300).sign(ISSUER_KEYS.getPrivate());
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
