package org.imprimatur.studio;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import org.imprimatur.support.Api;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * docs/security.md, "Control characters": the studio's forms go through the same rules as the API,
 * so a control character is a field error on the page (422), never a 500, and nothing is stored.
 */
@QuarkusTest
class StudioControlCharactersTest {

    /** A signed-in studio request with its CSRF cookie and form field, as a browser sends it. */
    private static RequestSpecification signedIn(String username) {
        String csrf = RestAssured.given().get("/studio/sign-in").then().statusCode(200).extract().cookie("csrf-token");
        String session = RestAssured.given().redirects().follow(false).cookie("csrf-token", csrf)
                .formParams(Map.of("csrf-token", csrf, "username", username, "password", "demo"))
                .post("/studio/sign-in").then().statusCode(303).extract().cookie("imprimatur_session");
        return RestAssured.given().redirects().follow(false).cookie("imprimatur_session", session)
                .cookie("csrf-token", csrf).formParam("csrf-token", csrf);
    }

    @Test
    void aTitleWithALineBreakIsAFieldErrorOnTheEditorPage() {
        String slug = "studio-ctl-" + UUID.randomUUID().toString().substring(0, 8);
        signedIn("editor")
                .formParams(Map.of("op", "save", "title", "Eczema\nReply-To: x@evil.example", "slug", slug,
                        "sectionKey", "intro", "sectionHeading", "", "sectionBody", "Eczema is common.\r\nIt itches."))
                .post("/studio/articles/new").then().statusCode(422)
                .contentType(containsString("text/html"))
                .body(containsString("id=\"title-error\""))
                .body(containsString("must be a single line without control characters"));
        Api.as("editor").queryParam("q", slug).get(Api.ARTICLES).then().body("items.size()", equalTo(0));
    }

    @Test
    void aDisplayNameWithALineBreakIsAFieldErrorOnTheAccountsPage() {
        String username = "studio-ctl-" + UUID.randomUUID().toString().substring(0, 8);
        signedIn("admin")
                .formParams(Map.of("username", username, "displayName", "Dr. Mallory\r\nBcc: x@evil.example",
                        "email", "", "credentials", "", "password", "long enough password"))
                .formParam("roles", "editor")
                .post("/studio/accounts").then().statusCode(422)
                .contentType(containsString("text/html"))
                .body(containsString("must be a single line without control characters"));
        Api.as("admin").get("/api/v1/accounts/" + username).then().statusCode(404);
    }
}
