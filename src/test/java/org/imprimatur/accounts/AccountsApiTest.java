package org.imprimatur.accounts;

import io.quarkus.test.junit.QuarkusTest;
import org.imprimatur.support.Api;
import org.imprimatur.support.ApiContract;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/** The accounts API of docs/security.md, "Accounts". */
@QuarkusTest
class AccountsApiTest {

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static Map<String, Object> account(String username, List<String> roles, String password) {
        return Map.of("username", username, "displayName", "Dr. Test " + username, "email", username + "@example.org",
                "credentials", "MD, FAAD", "roles", roles, "password", password);
    }

    private static String tokenFor(String username, String password) {
        return given().contentType("application/json").body(Map.of("username", username, "password", password))
                .post("/api/v1/auth/token").then().statusCode(200).extract().path("access_token");
    }

    @Test
    void anAdminCreatesAnAccountThatCanSignInAndTheListShowsIt() {
        String username = unique("clin");
        Api.as("admin").contentType("application/json").body(account(username, List.of("medical-reviewer"), "correct horse battery"))
                .post("/api/v1/accounts").then().statusCode(201)
                .header("Location", containsString("/api/v1/accounts/" + username))
                .body("username", equalTo(username)).body("credentials", equalTo("MD, FAAD"))
                .body("roles", equalTo(List.of("medical-reviewer"))).body("passwordHash", nullValue());
        tokenFor(username, "correct horse battery");
        Api.as("admin").get("/api/v1/accounts").then().statusCode(200).body("username", hasItem(username));
        Api.as("admin").get("/api/v1/accounts/" + username + "/events").then().statusCode(200)
                .body("[0].action", equalTo("created")).body("[0].actor", equalTo("admin"))
                .body(not(containsString("correct horse")));
    }

    @Test
    void onlyAdminsManageAccounts() {
        Api.as("editor").get("/api/v1/accounts").then().statusCode(403).contentType("application/problem+json");
        Api.as("reviewer").contentType("application/json").body(account(unique("x"), List.of("editor"), "long enough password"))
                .post("/api/v1/accounts").then().statusCode(403);
        given().filter(ApiContract.answerOnly()).get("/api/v1/accounts").then().statusCode(401);
    }

    @Test
    void badInputIsRefusedFieldByFieldAndNothingIsStored() {
        String username = unique("short");
        Api.as("admin").filter(ApiContract.answerOnly()).contentType("application/json").body(account(username, List.of("surgeon"), "too short"))
                .post("/api/v1/accounts").then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", hasItem("password")).body("errors.field", hasItem("roles[0]"));
        Api.as("admin").get("/api/v1/accounts/" + username).then().statusCode(404);
        Api.as("admin").contentType("application/json").body(account("Not Valid!", List.of("editor"), "long enough password"))
                .post("/api/v1/accounts").then().statusCode(422).body("errors.field", hasItem("username"));
        Api.as("admin").contentType("application/json").body(account("editor", List.of("editor"), "long enough password"))
                .post("/api/v1/accounts").then().statusCode(409);
        Api.as("admin").filter(ApiContract.answerOnly()).contentType("application/json").body(Map.of("nickname", "x"))
                .patch("/api/v1/accounts/editor").then().statusCode(400);
    }

    /** docs/security.md, "Control characters": names reach e-mails, logs and the audit trail as one line. */
    @Test
    void controlCharactersInAccountFieldsAreRefusedAgainstTheFieldAndNothingIsStored() {
        Map<String, String> broken = Map.of(
                "displayName", "Dr. Mallory\nReply-To: x@evil.example",
                "credentials", "MD\u0007, FAAD",
                "email", "mallory\u0007@example.org",
                "username", "mallory\n" + UUID.randomUUID().toString().substring(0, 8));
        for (Map.Entry<String, String> field : broken.entrySet()) {
            String username = unique("ctl");
            Map<String, Object> request = new java.util.HashMap<>(account(username, List.of("editor"), "long enough password"));
            request.put(field.getKey(), field.getValue());
            Api.as("admin").contentType("application/json").body(request)
                    .post("/api/v1/accounts").then().statusCode(422).contentType("application/problem+json")
                    .body("errors.field", equalTo(List.of(field.getKey())));
            Api.as("admin").get("/api/v1/accounts/" + username).then().statusCode(404);
        }

        String username = unique("ctl-change");
        Api.as("admin").contentType("application/json").body(account(username, List.of("editor"), "long enough password"))
                .post("/api/v1/accounts").then().statusCode(201);
        Api.as("admin").contentType("application/json").body(Map.of("displayName", "Dr. Test\u202E", "credentials", "MD\r\nX: y"))
                .patch("/api/v1/accounts/" + username).then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("displayName", "credentials")));
        Api.as("admin").get("/api/v1/accounts/" + username).then().statusCode(200)
                .body("displayName", equalTo("Dr. Test " + username)).body("credentials", equalTo("MD, FAAD"));
        Api.as("admin").get("/api/v1/accounts/" + username + "/events").then().body("action", equalTo(List.of("created")));
    }

    @Test
    void aDisabledAccountCannotSignInAndItsTokensAreRefusedAtOnce() {
        String username = unique("gone");
        Api.as("admin").contentType("application/json").body(account(username, List.of("editor"), "long enough password"))
                .post("/api/v1/accounts").then().statusCode(201);
        String token = tokenFor(username, "long enough password");
        given().auth().oauth2(token).get("/api/v1/editorial/articles").then().statusCode(200);
        Api.as("admin").contentType("application/json").body(Map.of("disabled", true))
                .patch("/api/v1/accounts/" + username).then().statusCode(200).body("disabled", equalTo(true));
        given().auth().oauth2(token).get("/api/v1/editorial/articles").then().statusCode(401);
        given().contentType("application/json").body(Map.of("username", username, "password", "long enough password"))
                .post("/api/v1/auth/token").then().statusCode(401);
        Api.as("admin").contentType("application/json").body(Map.of("disabled", false))
                .patch("/api/v1/accounts/" + username).then().statusCode(200);
        // Enabled again, it signs in anew: the tokens of before the disabling stay refused.
        given().auth().oauth2(token).get("/api/v1/editorial/articles").then().statusCode(401);
        given().auth().oauth2(tokenFor(username, "long enough password")).get("/api/v1/editorial/articles")
                .then().statusCode(200);
        Api.as("admin").get("/api/v1/accounts/" + username + "/events").then()
                .body("action", equalTo(List.of("enabled", "disabled", "created")));
    }

    @Test
    void theLastEnabledAdminCannotBeDisabledOrDemoted() {
        String second = unique("admin");
        Api.as("admin").contentType("application/json").body(account(second, List.of("admin"), "long enough password"))
                .post("/api/v1/accounts").then().statusCode(201);
        String secondToken = tokenFor(second, "long enough password");
        // With two admins one may go; then the other is the last and stays.
        given().auth().oauth2(secondToken).contentType("application/json").body(Map.of("roles", List.of("editor")))
                .patch("/api/v1/accounts/admin").then().statusCode(200);
        given().auth().oauth2(secondToken).contentType("application/json").body(Map.of("disabled", true))
                .patch("/api/v1/accounts/" + second).then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("last enabled admin"));
        given().auth().oauth2(secondToken).contentType("application/json").body(Map.of("roles", List.of("editor")))
                .patch("/api/v1/accounts/" + second).then().statusCode(409);
        given().auth().oauth2(secondToken).contentType("application/json").body(Map.of("roles", List.of("admin")))
                .patch("/api/v1/accounts/admin").then().statusCode(200);
        // Losing the admin role ended the demo admin's tokens; later tests sign in again.
        Api.forgetToken("admin");
    }

    @Test
    void everyoneChangesTheirOwnPasswordWithTheCurrentOne() {
        String username = unique("pw");
        Api.as("admin").contentType("application/json").body(account(username, List.of("editor"), "first password 1"))
                .post("/api/v1/accounts").then().statusCode(201);
        String token = tokenFor(username, "first password 1");
        given().auth().oauth2(token).contentType("application/json")
                .body(Map.of("currentPassword", "wrong password", "newPassword", "second password 2"))
                .post("/api/v1/accounts/me/password").then().statusCode(422).body("errors[0].field", equalTo("currentPassword"));
        given().auth().oauth2(token).contentType("application/json")
                .body(Map.of("currentPassword", "first password 1", "newPassword", "short"))
                .post("/api/v1/accounts/me/password").then().statusCode(422).body("errors[0].field", equalTo("newPassword"));
        given().auth().oauth2(token).contentType("application/json")
                .body(Map.of("currentPassword", "first password 1", "newPassword", "second password 2"))
                .post("/api/v1/accounts/me/password").then().statusCode(204);
        tokenFor(username, "second password 2");
        Api.as("admin").contentType("application/json").body(Map.of("password", "third password 3"))
                .patch("/api/v1/accounts/" + username).then().statusCode(200);
        tokenFor(username, "third password 3");
        Api.as("admin").get("/api/v1/accounts/" + username + "/events").then()
                .body("action", equalTo(List.of("password-reset", "password-changed", "created")))
                .body(not(containsString("third password")));
    }
}
