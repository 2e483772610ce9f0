package org.imprimatur.security;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.smallrye.jwt.build.Jwt;
import org.imprimatur.support.Api;
import org.imprimatur.support.Database;
import org.imprimatur.support.Fixtures;
import org.imprimatur.support.NonDefaultSettings;
import org.junit.jupiter.api.Test;

import java.security.KeyPair;
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
@TestProfile(NonDefaultSettings.class)
class ExternalIssuerTest {

    static final String ISSUER = NonDefaultSettings.ISSUER;
    static final String AUDIENCE = NonDefaultSettings.AUDIENCE;
    static final KeyPair ISSUER_KEYS = NonDefaultSettings.ISSUER_KEYS;

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

    /** docs/workflow.md, "Who": roles the identity provider gives or takes are account events naming it. */
    @Test
    void rolesTheProviderChangesAreRecordedAsAccountEvents() {
        String subject = "ext-promoted-" + java.util.UUID.randomUUID();
        for (List<String> roles : List.of(List.of("cms-editors"), List.of("cms-editors"), List.of("cms-editors", "clinicians"))) {
            RestAssured.given().auth().oauth2(external(subject, "Pat Promoted", roles)).contentType(ContentType.JSON)
                    .body(Fixtures.article(Fixtures.uniqueSlug("external-roles"))).post(Api.ARTICLES).then().statusCode(201);
        }
        String events = """
                SELECT count(*) FROM account_events e JOIN accounts a ON a.id = e.account_id
                WHERE a.external_subject = ? AND e.action = 'changed' AND e.actor_id IS NULL AND e.changes ->> 'source' = ?""";
        // The first sign-in gave it its roles, the second changed nothing, the third granted the reviewer's.
        assertEquals(2, Database.queryLong(dataSource, events, subject, ISSUER));
        assertEquals(1, Database.queryLong(dataSource, events
                + " AND e.changes -> 'roles' -> 'to' @> '[\"medical-reviewer\"]'::jsonb", subject, ISSUER));
    }

    @Test
    void aTokenClaimingTheIssuerButSignedByAnotherKeyIs401() {
        KeyPair other = NonDefaultSettings.newKeyPair();
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

    /**
     * Finding 9: an account recorded by name (before subjects were kept, or built in) is never
     * adopted by a token whose username claim names it; the token's new identity gets a new account.
     */
    @Test
    void aUsernameClaimNamingAnExistingAccountNeverAdoptsIt() {
        String login = "carol-" + System.nanoTime();
        String legacyId = java.util.UUID.randomUUID().toString();
        Database.queryLong(dataSource, """
                WITH made AS (INSERT INTO accounts (id, username, display_name, roles, external_issuer)
                              VALUES (CAST(? AS uuid), ?, 'Carol Legacy', '{editor}', ?) RETURNING 1)
                SELECT count(*) FROM made""", legacyId, login + "@" + ISSUER, ISSUER);
        String builtInName = "dana-" + System.nanoTime() + "@" + ISSUER;
        String builtInId = java.util.UUID.randomUUID().toString();
        Database.queryLong(dataSource, """
                WITH made AS (INSERT INTO accounts (id, username, display_name, roles, password_hash)
                              VALUES (CAST(? AS uuid), ?, 'Dana Built-in', '{editor}', 'not a hash') RETURNING 1)
                SELECT count(*) FROM made""", builtInId, builtInName);

        String mallory = "sub-mallory-" + System.nanoTime();
        String asCarol = idOfAuthor(tokenAs(mallory, login, "Mallory"));
        assertNotEquals(legacyId, asCarol);
        assertEquals(mallory + "@" + ISSUER, usernameOf(asCarol));
        assertEquals(0, Database.queryLong(dataSource,
                "SELECT count(*) FROM accounts WHERE id = CAST(? AS uuid) AND external_subject IS NOT NULL", legacyId));

        String eve = "sub-eve-" + System.nanoTime();
        String asDana = idOfAuthor(tokenAs(eve, builtInName.substring(0, builtInName.indexOf('@')), "Eve"));
        assertNotEquals(builtInId, asDana);
        assertEquals(eve + "@" + ISSUER, usernameOf(asDana));
        assertEquals(1, Database.queryLong(dataSource, """
                SELECT count(*) FROM accounts WHERE id = CAST(? AS uuid) AND password_hash = 'not a hash'
                AND external_issuer IS NULL AND display_name = 'Dana Built-in'""", builtInId));
    }

    /** The name and e-mail claims pass the accounts API's checks, or the token is refused and nothing recorded. */
    @Test
    void invalidNameOrEmailClaimsAreRefusedWith401AndNothingIsRecorded() {
        String tooLong = "sub-long-name-" + System.nanoTime();
        refusedNaming(claims(tooLong).claim("name", "N".repeat(201)), "name");
        String badMail = "sub-bad-mail-" + System.nanoTime();
        refusedNaming(claims(badMail).claim("name", "Bad Mail").claim("email", "not an address"), "email");
        String notText = "sub-not-text-" + System.nanoTime();
        refusedNaming(claims(notText).claim("name", Map.of("first", "Ob", "last", "Ject")), "name");
        for (String subject : List.of(tooLong, badMail, notText)) {
            assertEquals(0, Database.queryLong(dataSource, "SELECT count(*) FROM accounts WHERE external_subject = ?", subject));
        }
        // A valid e-mail is recorded.
        String fine = "sub-fine-" + System.nanoTime();
        idOfAuthor(claims(fine).claim("name", "Fine Name").claim("email", "fine@example.org").sign(ISSUER_KEYS.getPrivate()));
        assertEquals(1, Database.queryLong(dataSource,
                "SELECT count(*) FROM accounts WHERE external_subject = ? AND email = 'fine@example.org'", fine));
    }

    /** A username claim that would make too long a name falls back to the subject, rather than failing. */
    @Test
    void anUnfitUsernameClaimNamesTheAccountByItsSubject() {
        String subject = "sub-long-login-" + System.nanoTime();
        String id = idOfAuthor(tokenAs(subject, "l".repeat(250), "Lo Ng"));
        assertEquals(subject + "@" + ISSUER, usernameOf(id));
    }

    private static void refusedNaming(io.smallrye.jwt.build.JwtClaimsBuilder claims, String claim) {
        RestAssured.given().auth().oauth2(claims.sign(ISSUER_KEYS.getPrivate())).contentType(ContentType.JSON)
                .body(Fixtures.article(Fixtures.uniqueSlug("external-refused")))
                .post(Api.ARTICLES).then().statusCode(401).contentType("application/problem+json")
                .body("type", org.hamcrest.Matchers.endsWith("invalid-identity-claims"))
                .body("errors[0].field", equalTo(claim))
                .body("detail", org.hamcrest.Matchers.containsString(claim));
    }

    private static io.smallrye.jwt.build.JwtClaimsBuilder claims(String subject) {
        return Jwt.issuer(ISSUER).audience(AUDIENCE).subject(subject).claim("login", subject)
                .claim("realm_access", Map.of("roles", List.of("cms-editors"))).expiresIn(300);
    }

    private String usernameOf(String id) {
        return Database.queryString(dataSource, "SELECT username FROM accounts WHERE id = CAST(? AS uuid)", id);
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
}
