package org.imprimatur.studio;

import org.imprimatur.support.StudioForms;
import io.quarkus.test.junit.QuarkusTest;
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

    @Test
    void aTitleWithALineBreakIsAFieldErrorOnTheEditorPage() {
        String slug = "studio-ctl-" + UUID.randomUUID().toString().substring(0, 8);
        StudioForms.signedIn("editor")
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
        StudioForms.signedIn("admin")
                .formParams(Map.of("username", username, "displayName", "Dr. Mallory\r\nBcc: x@evil.example",
                        "email", "", "credentials", "", "password", "long enough password"))
                .formParam("roles", "editor")
                .post("/studio/accounts").then().statusCode(422)
                .contentType(containsString("text/html"))
                .body(containsString("must be a single line without control characters"));
        Api.as("admin").get("/api/v1/accounts/" + username).then().statusCode(404);
    }
}
