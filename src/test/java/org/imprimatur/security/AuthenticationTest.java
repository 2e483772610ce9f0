package org.imprimatur.security;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.smallrye.jwt.build.Jwt;
import org.imprimatur.support.Api;
import org.imprimatur.support.ApiContract;
import org.imprimatur.support.Fixtures;
import org.junit.jupiter.api.Test;

import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.util.Map;
import java.util.Set;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
class AuthenticationTest {

    @Test
    void theTokenEndpointIssuesABearerTokenForTheRightPassword() {
        RestAssured.given().contentType(ContentType.JSON).body(Map.of("username", "editor", "password", "demo"))
                .post("/api/v1/auth/token")
                .then().statusCode(200)
                .body("access_token", notNullValue())
                .body("token_type", equalTo("Bearer"))
                .body("expires_in", greaterThan(0));
    }

    @Test
    void aWrongPasswordOrUnknownAccountIs401() {
        RestAssured.given().contentType(ContentType.JSON).body(Map.of("username", "editor", "password", "guess"))
                .post("/api/v1/auth/token").then().statusCode(401).contentType("application/problem+json");
        RestAssured.given().contentType(ContentType.JSON).body(Map.of("username", "nobody", "password", "demo"))
                .post("/api/v1/auth/token").then().statusCode(401);
        RestAssured.given().contentType(ContentType.JSON).body(Map.of("username", "editor"))
                .post("/api/v1/auth/token").then().statusCode(422);
    }

    @Test
    void theEditorialApiNeedsAToken() {
        RestAssured.given().filter(ApiContract.answerOnly()).get(Api.ARTICLES).then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer");
        RestAssured.given().filter(ApiContract.answerOnly()).contentType(ContentType.JSON).body(Fixtures.article(Fixtures.uniqueSlug("anon")))
                .post(Api.ARTICLES).then().statusCode(401);
    }

    @Test
    void aTokenSignedByAnotherKeyIs401() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        PrivateKey foreignKey = generator.generateKeyPair().getPrivate();
        String forged = Jwt.issuer("imprimatur").subject("00000000-0000-0000-0000-000000000001").upn("admin")
                .groups(Set.of("admin")).expiresIn(600).sign(foreignKey);
        RestAssured.given().auth().oauth2(forged).get(Api.ARTICLES).then().statusCode(401)
                .contentType("application/problem+json");
        RestAssured.given().auth().oauth2("not.a.jwt").get(Api.ARTICLES).then().statusCode(401);
    }

    @Test
    void aValidTokenWithoutTheRightRoleIs403() {
        Api.as("reviewer").body(Fixtures.article(Fixtures.uniqueSlug("reviewer-writes")))
                .post(Api.ARTICLES).then().statusCode(403).contentType("application/problem+json");
        Api.as("reviewer").get(Api.ARTICLES).then().statusCode(200);
        Api.as("admin").body(Fixtures.article(Fixtures.uniqueSlug("admin-writes")))
                .post(Api.ARTICLES).then().statusCode(201);
    }
}
