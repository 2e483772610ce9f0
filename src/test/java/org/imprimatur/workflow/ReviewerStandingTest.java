package org.imprimatur.workflow;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.imprimatur.support.Api;
import org.imprimatur.support.Fixtures;
import org.imprimatur.support.Workflow;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/**
 * docs/workflow.md, "Who", and docs/security.md, "Accounts": what lets an account approve medical
 * content is granted by another admin, recorded, and named on every approval that follows.
 */
@QuarkusTest
class ReviewerStandingTest {

    private static final String PASSWORD = "a reviewer's long password";

    @Test
    void anApprovalNamesWhoGaveTheReviewerTheRoleAndTheCredentials() {
        String username = "standing-" + UUID.randomUUID().toString().substring(0, 8);
        Api.as("admin").body(Map.of("username", username, "displayName", "Dr Standing", "roles", List.of("editor"),
                "password", PASSWORD)).post("/api/v1/accounts").then().statusCode(201);
        Api.as("admin").body(Map.of("roles", List.of("editor", "medical-reviewer"), "credentials", "MD, FRCP"))
                .patch("/api/v1/accounts/" + username).then().statusCode(200);
        String id = Api.createdId(Fixtures.article(Fixtures.uniqueSlug("standing")));
        Workflow.submit("editor", id).then().statusCode(200);
        var latest = Api.latest(id);
        RestAssured.given().auth().oauth2(token(username)).contentType(ContentType.JSON)
                .body(Map.<String, Object>of("version", latest.path("version"), "contentHash", latest.path("contentHash"),
                        "evidence", Workflow.allCurrent(latest)))
                .post(Api.ARTICLES + "/" + id + "/approve").then().statusCode(200);

        String today = LocalDate.now(ZoneOffset.UTC).toString();
        Api.as("editor").get(Api.ARTICLES + "/" + id + "/audit").then().statusCode(200)
                .body("events.find { it.action == 'approve' }.comment", equalTo(
                        "Full review; sources confirmed current: kim-2022, lee-2021. "
                                + "Reviewer's scope: specialties none; languages en. "
                                + "Reviewer role granted by admin on " + today + "; credentials \"MD, FRCP\" set by admin on " + today
                                + "; password set by admin on " + today + ", not changed by its owner since"));

        // The account's page in the studio lists the grant among its history.
        String csrf = RestAssured.given().get("/studio/sign-in").then().statusCode(200).extract().cookie("csrf-token");
        String session = RestAssured.given().redirects().follow(false).cookie("csrf-token", csrf)
                .formParams(Map.of("csrf-token", csrf, "username", "admin", "password", "demo"))
                .post("/studio/sign-in").then().statusCode(303).extract().cookie("imprimatur_session");
        RestAssured.given().cookie("imprimatur_session", session).get("/studio/accounts/" + username).then().statusCode(200)
                .body(containsString("roles: editor → editor, medical-reviewer; credentials: none → &quot;MD, FRCP&quot;"));
    }

    @Test
    void anAdminCannotMakeThemselvesAClinician() {
        int eventsBefore = Api.as("admin").get("/api/v1/accounts/admin/events").then().statusCode(200).extract().path("size()");
        Api.as("admin").body(Map.of("roles", List.of("admin", "medical-reviewer"))).patch("/api/v1/accounts/admin")
                .then().statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("another admin must"));
        Api.as("admin").body(Map.of("credentials", "MD")).patch("/api/v1/accounts/admin").then().statusCode(403);
        Api.as("admin").get("/api/v1/accounts/admin").then().statusCode(200)
                .body("roles", not(hasItem("medical-reviewer"))).body("credentials", not(equalTo("MD")));
        Api.as("admin").get("/api/v1/accounts/admin/events").then().statusCode(200).body("size()", equalTo(eventsBefore));
        // Their display name is theirs to change.
        Api.as("admin").body(Map.of("displayName", "Ada Admin")).patch("/api/v1/accounts/admin").then().statusCode(200);
    }

    /**
     * Whoever set a reviewer's password can sign in as that reviewer until its owner changes it: an
     * admin who writes may not have their change approved by an account whose password they chose.
     */
    @Test
    void anAccountWhosePasswordAnAuthorSetCannotApproveThatAuthorsChangeUntilItsOwnerChangesIt() {
        String username = "proxy-" + UUID.randomUUID().toString().substring(0, 8);
        Api.as("admin").body(Map.of("username", username, "displayName", "Dr Proxy", "roles", List.of("medical-reviewer"),
                "password", PASSWORD)).post("/api/v1/accounts").then().statusCode(201);
        String id = Api.as("admin").body(Fixtures.article(Fixtures.uniqueSlug("proxy"))).post(Api.ARTICLES)
                .then().statusCode(201).extract().path("id");
        Workflow.submit("admin", id).then().statusCode(200);

        approveAs(token(username, PASSWORD), id).then().statusCode(403).contentType("application/problem+json")
                .body("rule", equalTo("reviewerIsNotAnAuthor"))
                .body("detail", containsString("your password was last set by an author of this change"));
        Api.latest(id).then().body("state", equalTo("IN_REVIEW"));

        String own = "a password only the reviewer knows";
        RestAssured.given().auth().oauth2(token(username, PASSWORD)).contentType(ContentType.JSON)
                .body(Map.of("currentPassword", PASSWORD, "newPassword", own))
                .post("/api/v1/accounts/me/password").then().statusCode(204);
        approveAs(token(username, own), id).then().statusCode(200).body("state", equalTo("PUBLISHED"));
    }

    private static io.restassured.response.Response approveAs(String token, String id) {
        var latest = Api.latest(id);
        return RestAssured.given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.<String, Object>of("version", latest.path("version"), "contentHash", latest.path("contentHash"),
                        "evidence", Workflow.allCurrent(latest)))
                .post(Api.ARTICLES + "/" + id + "/approve");
    }

    private static String token(String username) {
        return token(username, PASSWORD);
    }

    private static String token(String username, String password) {
        return RestAssured.given().contentType(ContentType.JSON).body(Map.of("username", username, "password", password))
                .post("/api/v1/auth/token").then().statusCode(200).extract().path("access_token");
    }
}
