package org.imprimatur.workflow;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.imprimatur.support.Api;
import org.imprimatur.support.ApiContract;
import org.imprimatur.support.Database;
import org.imprimatur.support.Fixtures;
import org.imprimatur.support.Workflow;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** docs/workflow.md, "Reviewer scope": specialties and languages, through the API. */
@QuarkusTest
class ReviewerScopeApiTest {

    private static final String PASSWORD = "a specialist's long password";

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String specialty(String prefix) {
        String name = unique(prefix);
        Api.as("admin").body(Map.of("name", name)).post("/api/v1/specialties").then().statusCode(201)
                .body("name", equalTo(name)).body("accounts", equalTo(0));
        return name;
    }

    /** A reviewer account made by the admin, with these specialties and languages (null: the default). */
    private static String reviewer(List<String> specialties, List<String> languages) {
        String username = unique("scope");
        Map<String, Object> body = new HashMap<>(Map.of("username", username, "displayName", "Dr " + username,
                "roles", List.of("medical-reviewer"), "password", PASSWORD, "credentials", "MD", "specialties", specialties));
        if (languages != null) {
            body.put("languages", languages);
        }
        Api.as("admin").body(body).post("/api/v1/accounts").then().statusCode(201);
        return username;
    }

    private static io.restassured.specification.RequestSpecification as(String username) {
        String token = RestAssured.given().contentType(ContentType.JSON).body(Map.of("username", username, "password", PASSWORD))
                .post("/api/v1/auth/token").then().statusCode(200).extract().path("access_token");
        return RestAssured.given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    private static Response approve(String username, String id) {
        Response latest = Api.latest(id);
        return as(username).body(Map.<String, Object>of("version", latest.path("version"), "contentHash", latest.path("contentHash"),
                "scope", "full", "evidence", Workflow.allCurrent(latest))).post(Api.ARTICLES + "/" + id + "/approve");
    }

    private static Response reconfirm(String username, String id) {
        Response latest = Api.latest(id);
        return as(username).body(Map.<String, Object>of("version", latest.path("version"), "contentHash", latest.path("contentHash"),
                "evidence", Workflow.allCurrent(latest))).post(Api.ARTICLES + "/" + id + "/reconfirm");
    }

    private static String submitted(Map<String, Object> content) {
        String id = Api.createdId(content);
        Workflow.submit("editor", id).then().statusCode(200);
        return id;
    }

    private static Map<String, Object> article(String specialty, String language) {
        Map<String, Object> content = Fixtures.article(Fixtures.uniqueSlug("scoped"));
        content.put("language", language);
        if (specialty != null) {
            content.put("specialty", specialty);
        }
        return content;
    }

    @Test
    void aReviewerOfAnotherSpecialtyIsRefusedAndToldWhyAndAReviewerOfItApproves() {
        String dermatology = specialty("dermatology");
        String cardiology = specialty("cardiology");
        String cardiologist = reviewer(List.of(cardiology), null);
        String dermatologist = reviewer(List.of(dermatology, cardiology), null);
        String id = submitted(article(dermatology, "en"));
        Api.latest(id).then().body("specialty", equalTo(dermatology));

        approve(cardiologist, id).then().statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("approving a " + dermatology + " article needs a reviewer of " + dermatology));
        Api.latest(id).then().body("state", equalTo("IN_REVIEW")).body("review", nullValue());
        // The queue of each goes to who may act; an admin sees every article with scope=all.
        as(cardiologist).get("/api/v1/editorial/review-queue").then().statusCode(200).body("id", not(hasItem(id)));
        as(dermatologist).get("/api/v1/editorial/review-queue").then().statusCode(200).body("id", hasItem(id))
                .body("find { it.id == '" + id + "' }.specialty", equalTo(dermatology));
        Api.as("admin").get("/api/v1/editorial/review-queue?scope=all").then().statusCode(200).body("id", hasItem(id));
        as(cardiologist).get("/api/v1/editorial/review-queue?scope=all").then().statusCode(403)
                .contentType("application/problem+json");
        Api.as("admin").filter(ApiContract.answerOnly()).get("/api/v1/editorial/review-queue?scope=everything")
                .then().statusCode(400).contentType("application/problem+json");

        approve(dermatologist, id).then().statusCode(200).body("state", equalTo("PUBLISHED"));
        String scope = Database.queryString(Database.owner(),
                "SELECT CAST(reviewer_scope AS text) FROM review_records WHERE article_id = CAST(? AS uuid)", id);
        assertEquals("{\"languages\": [\"en\"], \"specialties\": [\"" + cardiology + "\", \"" + dermatology + "\"]}", scope);
        Api.as("editor").get(Api.ARTICLES + "/" + id + "/audit").then().statusCode(200)
                .body("events.find { it.action == 'approve' }.comment", containsString(
                        "Reviewer's scope: specialties " + cardiology + ", " + dermatology + "; languages en"));

        // Reconfirming asks the same.
        reconfirm(cardiologist, id).then().statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("reconfirming a " + dermatology + " article needs a reviewer of " + dermatology));
        reconfirm(dermatologist, id).then().statusCode(200);
    }

    @Test
    void anArticleInSpanishNeedsAReviewerWhoReadsIt() {
        String id = submitted(article(null, "es-MX"));
        // The demo reviewer reads the default language only.
        Workflow.approve("reviewer", id).then().statusCode(403).contentType("application/problem+json")
                .body("detail", containsString(
                        "approving an article in Spanish (Mexico) needs a reviewer who reads Spanish (Mexico)"));
        Api.as("reviewer").get("/api/v1/editorial/review-queue").then().statusCode(200).body("id", not(hasItem(id)));
        String mexican = reviewer(List.of(), List.of("es-MX"));
        String spanish = reviewer(List.of(), List.of("en", "es"));
        as(mexican).get("/api/v1/editorial/review-queue").then().statusCode(200).body("id", hasItem(id));
        approve(spanish, id).then().statusCode(200).body("state", equalTo("PUBLISHED"));
        Workflow.reconfirm("reviewer", id).then().statusCode(403)
                .body("detail", containsString("reconfirming an article in Spanish (Mexico) needs a reviewer who reads"));
        reconfirm(mexican, id).then().statusCode(200);

        // es-MX does not cover es.
        String spain = submitted(article(null, "es"));
        approve(mexican, spain).then().statusCode(403)
                .body("detail", containsString("approving an article in Spanish needs a reviewer who reads Spanish"));
    }

    @Test
    void articlesWithoutASpecialtyInTheDefaultLanguageAreForAnyReviewer() {
        String id = submitted(article(null, "en"));
        Api.as("reviewer").get("/api/v1/editorial/review-queue").then().statusCode(200).body("id", hasItem(id));
        Workflow.approve("reviewer", id).then().statusCode(200);
        Api.as("admin").get("/api/v1/accounts/reviewer").then().statusCode(200)
                .body("languages", equalTo(List.of("en"))).body("specialties", equalTo(List.of()));
    }

    @Test
    void anEditorSetsKeepsAndRemovesTheSpecialtyWhichMustBeInTheList() {
        String oncology = specialty("oncology");
        Map<String, Object> content = article(oncology, "en");
        String id = Api.createdId(content);
        content.remove("specialty");
        Api.save("editor", id, Api.etag(id), content).then().statusCode(200).body("specialty", equalTo(oncology));
        content.put("specialty", "");
        Api.save("editor", id, Api.etag(id), content).then().statusCode(200).body("specialty", nullValue());

        content.put("specialty", "no-such-specialty");
        Api.saveBadInput("editor", id, Api.etag(id), content).then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", hasItem("specialty"));
        Api.latest(id).then().body("version", equalTo(3)).body("specialty", nullValue());
        Map<String, Object> unknown = article("no-such-specialty", "en");
        Api.createBadInput(unknown).then().statusCode(422).body("errors.field", hasItem("specialty"));
        assertEquals(0, Database.queryLong(Database.owner(), "SELECT count(*) FROM articles WHERE slug = ?", unknown.get("slug")));
    }

    @Test
    void changesOfSpecialtiesAndLanguagesAreAccountEventsThatNoAdminMakesForThemselves() {
        String neurology = specialty("neurology");
        String username = reviewer(List.of(), null);
        Api.as("admin").get("/api/v1/accounts/" + username + "/events").then().statusCode(200)
                .body("[0].changes.specialties", equalTo(List.of())).body("[0].changes.languages", equalTo(List.of("en")));
        Api.as("admin").body(Map.of("specialties", List.of(neurology), "languages", List.of("en", "fr")))
                .patch("/api/v1/accounts/" + username).then().statusCode(200)
                .body("specialties", equalTo(List.of(neurology))).body("languages", equalTo(List.of("en", "fr")));
        Api.as("admin").get("/api/v1/accounts/" + username + "/events").then().statusCode(200)
                .body("[0].action", equalTo("changed"))
                .body("[0].changes.specialties.from", equalTo(List.of()))
                .body("[0].changes.specialties.to", equalTo(List.of(neurology)))
                .body("[0].changes.languages.from", equalTo(List.of("en")))
                .body("[0].changes.languages.to", equalTo(List.of("en", "fr")));

        Api.as("admin").body(Map.of("specialties", List.of(neurology))).patch("/api/v1/accounts/admin")
                .then().statusCode(403).contentType("application/problem+json").body("detail", containsString("another admin must"));
        Api.as("admin").body(Map.of("languages", List.of("de"))).patch("/api/v1/accounts/admin").then().statusCode(403);
        Api.as("admin").get("/api/v1/accounts/admin").then().statusCode(200)
                .body("specialties", equalTo(List.of())).body("languages", equalTo(List.of("en")));
    }

    @Test
    void badScopesAreRefusedAndNothingIsStored() {
        String username = unique("bad");
        Api.as("admin").filter(ApiContract.answerOnly()).body(Map.of("username", username, "displayName", "Dr Bad",
                        "roles", List.of("medical-reviewer"), "password", PASSWORD, "languages", List.of("english please"),
                        "specialties", List.of("No Such", "no-such-specialty")))
                .post("/api/v1/accounts").then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("specialties[0]", "languages[0]", "specialties[1]")));
        Api.as("admin").get("/api/v1/accounts/" + username).then().statusCode(404);
        String existing = reviewer(List.of(), null);
        Api.as("admin").filter(ApiContract.answerOnly()).body(Map.of("languages", List.of())).patch("/api/v1/accounts/" + existing)
                .then().statusCode(422).body("errors.field", hasItem("languages"));

        Api.as("admin").filter(ApiContract.answerOnly()).body(Map.of("name", "Dermatology!")).post("/api/v1/specialties")
                .then().statusCode(422).contentType("application/problem+json").body("errors.field", hasItem("name"));
        Api.as("admin").filter(ApiContract.answerOnly()).body(Map.of()).post("/api/v1/specialties").then().statusCode(422);
        String name = specialty("allergy");
        Api.as("admin").body(Map.of("name", name)).post("/api/v1/specialties").then().statusCode(409)
                .contentType("application/problem+json");
        Api.as("editor").body(Map.of("name", unique("editors-own"))).post("/api/v1/specialties").then().statusCode(403);
        Api.as("editor").get("/api/v1/specialties").then().statusCode(200).body("name", hasItem(name));
    }

    @Test
    void aSpecialtyInUseCannotBeDeleted() {
        String held = specialty("rheumatology");
        String username = reviewer(List.of(held), null);
        Api.as("admin").delete("/api/v1/specialties/" + held).then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("1 account(s)"));
        Api.as("admin").body(Map.of("specialties", List.of())).patch("/api/v1/accounts/" + username).then().statusCode(200);
        String needed = specialty("urology");
        Api.createdId(article(needed, "en"));
        Api.as("admin").delete("/api/v1/specialties/" + needed).then().statusCode(409).body("detail", containsString("1 article(s)"));
        Api.as("editor").delete("/api/v1/specialties/" + held).then().statusCode(403);
        Api.as("admin").delete("/api/v1/specialties/" + held).then().statusCode(204);
        Api.as("admin").delete("/api/v1/specialties/" + held).then().statusCode(404).contentType("application/problem+json");

        // The database holds the list too, whatever code path writes.
        String heldAgain = specialty("geriatrics");
        reviewer(List.of(heldAgain), null);
        Database.assertRefused(Database.owner(), "23503", "specialty " + heldAgain + " is held by an account",
                "DELETE FROM specialties WHERE name = ?", heldAgain);
        Database.assertRefused(Database.owner(), "23503", "update or delete on table \"specialties\" violates foreign key"
                + " constraint \"articles_specialty_fkey\" on table \"articles\"", "DELETE FROM specialties WHERE name = ?", needed);
        Database.assertRefused(Database.owner(), "23503",
                "account " + username + " names a specialty that is not in the list: {no-such-specialty}",
                "UPDATE accounts SET specialties = '{no-such-specialty}' WHERE username = ?", username);
    }
}
