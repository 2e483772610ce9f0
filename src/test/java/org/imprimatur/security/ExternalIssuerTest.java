package org.imprimatur.security;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.smallrye.jwt.build.Jwt;
import org.imprimatur.support.Api;
import org.imprimatur.support.Database;
import org.imprimatur.support.Fixtures;
import org.junit.jupiter.api.Test;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * Tokens of an external OpenID Connect issuer are accepted when made for this service, with roles
 * mapped explicitly and accounts keyed on the issuer's subject (docs/security.md).
 */
@QuarkusTest
@TestProfile(ExternalIssuerTest.WithExternalIssuer.class)
class ExternalIssuerTest {

    static final String ISSUER = "https://login.example.org/realms/health";
    static final String AUDIENCE = "imprimatur";
    static final KeyPair ISSUER_KEYS = generate();

    public static class WithExternalIssuer implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            String pem = "-----BEGIN PUBLIC KEY-----\n"
                    + Base64.getMimeEncoder().encodeToString(ISSUER_KEYS.getPublic().getEncoded())
                    + "\n-----END PUBLIC KEY-----";
            return Map.of("imprimatur.auth.oidc.issuer", ISSUER,
                    "imprimatur.auth.oidc.public-key", pem,
                    "imprimatur.auth.oidc.roles-claim", "realm_access.roles",
                    "imprimatur.auth.oidc.audience", AUDIENCE,
                    "imprimatur.auth.oidc.username-claim", "login",
                    "imprimatur.auth.oidc.role-mapping", "cms-editors=editor, clinicians=medical-reviewer");
        }
    }

    @Test
    void anExternalEditorCanCreateAndIsNamedAsAuthor() {
        String token = external("ext-editor-1", "Grace External", List.of("cms-editors", "offline_access"));
        RestAssured.given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Fixtures.article(Fixtures.uniqueSlug("external")))
                .post(Api.ARTICLES).then().statusCode(201)
                .body("author.name", equalTo("Grace External"));
    }

    @Test
    void externalRolesDecideAccessAndOurOwnTokensStillWork() {
        String reader = external("ext-reviewer-1", "Rae Reviewer", List.of("clinicians"));
        RestAssured.given().auth().oauth2(reader).contentType(ContentType.JSON)
                .body(Fixtures.article(Fixtures.uniqueSlug("external-denied")))
                .post(Api.ARTICLES).then().statusCode(403);
        RestAssured.given().auth().oauth2(reader).get(Api.ARTICLES).then().statusCode(200);
        Api.as("editor").get(Api.ARTICLES).then().statusCode(200);
    }

    @Test
    void aTokenClaimingTheIssuerButSignedByAnotherKeyIs401() {
        KeyPair other = generate();
        String forged = Jwt.issuer(ISSUER).audience(AUDIENCE).subject("intruder").claim("realm_access", Map.of("roles", List.of("admin")))
                .expiresIn(300).sign(other.getPrivate());
        RestAssured.given().auth().oauth2(forged).get(Api.ARTICLES).then().statusCode(401);
    }

    @Test
    void rolesTheMappingDoesNotNameGiveNoRight() {
        // "admin" and "editor" in the issuer's realm mean nothing here unless mapped.
        String token = external("ext-unmapped", "Una Mapped", List.of("admin", "editor", "medical-reviewer"));
        RestAssured.given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Fixtures.article(Fixtures.uniqueSlug("external-unmapped")))
                .post(Api.ARTICLES).then().statusCode(403);
        RestAssured.given().auth().oauth2(token).get("/api/v1/editorial/review-queue").then().statusCode(403);
    }

    @Test
    void aTokenMadeForAnotherAudienceOrForNoneIs401() {
        RestAssured.given().auth().oauth2(token("ext-aud", "other-app", List.of("cms-editors")))
                .get(Api.ARTICLES).then().statusCode(401);
        RestAssured.given().auth().oauth2(Jwt.issuer(ISSUER).subject("ext-aud").claim("login", "ext-aud")
                        .claim("realm_access", Map.of("roles", List.of("cms-editors"))).expiresIn(300)
                        .sign(ISSUER_KEYS.getPrivate()))
                .get(Api.ARTICLES).then().statusCode(401);
    }

    @Test
    void anExternalAccountIsItsSubjectNotItsName() {
        String subject = "sub-" + System.nanoTime();
        String login = "alice-" + System.nanoTime();
        String first = idOfAuthor(tokenAs(subject, login, "Alice Original"));
        assertEquals(1, Database.queryLong(dataSource, "SELECT count(*) FROM accounts WHERE username = ?", login + "@" + ISSUER));
        // Renamed at the identity provider: still the same account.
        assertEquals(first, idOfAuthor(tokenAs(subject, login + "-renamed", "Alice Renamed")));
        // Someone else now holding the old name: a different account, not a merge into Alice's history.
        String other = idOfAuthor(tokenAs("sub-other-" + System.nanoTime(), login, "Mallory"));
        assertNotEquals(first, other);
    }

    @jakarta.inject.Inject
    io.agroal.api.AgroalDataSource dataSource;

    private static String idOfAuthor(String token) {
        return RestAssured.given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Fixtures.article(Fixtures.uniqueSlug("external-identity")))
                .post(Api.ARTICLES).then().statusCode(201).extract().path("author.id");
    }

    private static String tokenAs(String subject, String login, String name) {
        return Jwt.issuer(ISSUER).audience(AUDIENCE).subject(subject).claim("login", login).claim("name", name)
                .claim("realm_access", Map.of("roles", List.of("cms-editors"))).expiresIn(300).sign(ISSUER_KEYS.getPrivate());
    }

    private static String token(String subject, String audience, List<String> roles) {
        return Jwt.issuer(ISSUER).audience(audience).subject(subject).claim("login", subject)
                .claim("realm_access", Map.of("roles", roles)).expiresIn(300).sign(ISSUER_KEYS.getPrivate());
    }

    private static String external(String subject, String name, List<String> roles) {
        return Jwt.issuer(ISSUER).audience(AUDIENCE).subject(subject).claim("login", subject).claim("name", name)
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
