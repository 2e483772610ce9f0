package org.imprimatur.workflow;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.imprimatur.support.Api;
import org.imprimatur.support.ApiContract;
import org.imprimatur.support.Database;
import org.imprimatur.support.Fixtures;
import org.imprimatur.support.ServiceClock;
import org.imprimatur.support.Workflow;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** docs/workflow.md, "Review scope" and "Evidence", and docs/clinical-checks.md, "Accepted findings", through the API. */
@QuarkusTest
class ReviewScopeApiTest {

    private static final Map<String, String> BOTH_CURRENT = Map.of("lee-2021", "current", "kim-2022", "current");

    @Inject
    AgroalDataSource dataSource;

    private static String submitted(Map<String, Object> content) {
        String id = Api.createdId(content);
        Workflow.submit("editor", id).then().statusCode(200);
        return id;
    }

    private static void editAndSubmit(String id, Map<String, Object> content, String intro) {
        Api.as("editor").header("If-Match", Api.latest(id).header("ETag")).body(Fixtures.edited(content, intro))
                .put(Api.ARTICLES + "/" + id).then().statusCode(200);
        Workflow.submit("editor", id).then().statusCode(200);
    }

    @Test
    void aChangeApprovalPublishesAndKeepsTheDatesOfTheLastFullReview() {
        Map<String, Object> content = Fixtures.article(Fixtures.uniqueSlug("change-keeps"));
        LocalDate fullReviewDay = LocalDate.now(ZoneOffset.UTC);
        String id = submitted(content);
        Workflow.approveWith("reviewer", id, Map.of("scope", "full", "evidence", BOTH_CURRENT)).then().statusCode(200)
                .body("review.lastReviewedOn", equalTo(fullReviewDay.toString()));
        String slug = (String) content.get("slug");
        try {
            // Forty days later, an edit is approved as a change: "last reviewed" is still the day of the full review.
            later(Duration.ofDays(40));
            editAndSubmit(id, content, "Eczema is very common [@lee-2021].");
            Workflow.approveWith("reviewer", id, Map.of("scope", "change")).then().statusCode(200)
                    .body("publishedVersion", equalTo(2))
                    .body("review.version", equalTo(2))
                    .body("review.lastReviewedOn", equalTo(fullReviewDay.toString()))
                    .body("review.nextReviewDue", equalTo(fullReviewDay.plusMonths(12).toString()));
            io.restassured.RestAssured.given().get("/api/v1/articles/" + slug).then().statusCode(200)
                    .body("version", equalTo(2))
                    .body("review.lastReviewedOn", equalTo(fullReviewDay.toString()));
            assertEquals("change", scopeOfNewestRecord(id));

            // Omitted, the scope of a later approval is a change approval: the dates stay again.
            editAndSubmit(id, content, "Eczema is common in children [@lee-2021].");
            Workflow.approveWith("reviewer", id, Map.of()).then().statusCode(200)
                    .body("review.lastReviewedOn", equalTo(fullReviewDay.toString()));
            assertEquals("change", scopeOfNewestRecord(id));
            Api.as("editor").get(Api.ARTICLES + "/" + id + "/audit").then()
                    .body("events.findAll { it.action == 'approve' }.comment",
                            hasItem(containsString("Change approval: review dates kept from the last full review")));
        } finally {
            back();
        }
    }

    @Test
    void aFullReviewSetsNewDatesAndKeepsTheConfirmedEvidence() {
        Map<String, Object> content = Fixtures.article(Fixtures.uniqueSlug("full-sets"));
        String id = submitted(content);
        Workflow.approveWith("reviewer", id, Map.of("evidence", BOTH_CURRENT)).then().statusCode(200);
        try {
            later(Duration.ofDays(40));
            editAndSubmit(id, content, "Eczema is very common [@lee-2021].");
            LocalDate day = LocalDate.now(ZoneOffset.UTC).plusDays(40);
            Workflow.approveWith("reviewer", id, Map.of("scope", "full", "evidence", BOTH_CURRENT)).then().statusCode(200)
                    .body("review.lastReviewedOn", equalTo(day.toString()))
                    .body("review.nextReviewDue", equalTo(day.plusMonths(12).toString()));
            Api.as("editor").get(Api.ARTICLES + "/" + id + "/audit").then()
                    .body("events.findAll { it.action == 'approve' }.comment",
                            hasItem(containsString("Full review; sources confirmed current: kim-2022, lee-2021")));
        } finally {
            back();
        }
        assertEquals("full", scopeOfNewestRecord(id));
        assertEquals("{\"kim-2022\": \"current\", \"lee-2021\": \"current\"}", Database.queryString(dataSource,
                "SELECT evidence::text FROM review_records WHERE article_id = ?::uuid ORDER BY created_at DESC LIMIT 1", java.util.UUID.fromString(id)));
    }

    @Test
    void aFirstPublicationIsAFullReviewAndOmittedScopeMeansFull() {
        String id = submitted(Fixtures.article(Fixtures.uniqueSlug("first-full")));
        Workflow.approveWith("reviewer", id, Map.of("scope", "change", "evidence", BOTH_CURRENT)).then().statusCode(422)
                .contentType("application/problem+json")
                .body("rule", equalTo("firstPublicationIsAFullReview"))
                .body("errors.field", hasItem("scope"));
        Api.as("reviewer").filter(ApiContract.answerOnly()).body(Map.of("version", 1, "contentHash",
                        Api.latest(id).path("contentHash"), "scope", "partial"))
                .post(Api.ARTICLES + "/" + id + "/approve").then().statusCode(422)
                .body("errors.field", hasItem("scope"));
        Workflow.approveWith("reviewer", id, Map.of("evidence", BOTH_CURRENT)).then().statusCode(200)
                .body("state", equalTo("PUBLISHED"))
                .body("review.lastReviewedOn", equalTo(LocalDate.now(ZoneOffset.UTC).toString()));
        assertEquals("full", scopeOfNewestRecord(id));
    }

    @Test
    void aFullReviewMustConfirmEverySourceAndNamesWhatIsMissingOrUnknown() {
        String id = submitted(Fixtures.article(Fixtures.uniqueSlug("evidence-missing")));
        Workflow.approveWith("reviewer", id, Map.of("scope", "full")).then().statusCode(422)
                .contentType("application/problem+json")
                .body("rule", equalTo("evidenceConfirmsEveryCitation"))
                .body("errors.field", hasItems("evidence.kim-2022", "evidence.lee-2021"))
                .body("detail", containsString("kim-2022"));
        Workflow.approveWith("reviewer", id, Map.of("evidence", Map.of("lee-2021", "current", "smith-2019", "current")))
                .then().statusCode(422)
                .body("errors.field", equalTo(List.of("evidence.kim-2022", "evidence.smith-2019")))
                .body("errors.message", hasItem(containsString("unknown")));
        Workflow.approveWith("reviewer", id, Map.of("evidence", Map.of("lee-2021", "current", "kim-2022", "fine")))
                .then().statusCode(422).body("errors.field", equalTo(List.of("evidence.kim-2022")));
        Api.latest(id).then().body("state", equalTo("IN_REVIEW"));
    }

    @Test
    void aSourceMarkedReplaceIsRefusedAndTheReviewerRequestsChangesInstead() {
        String id = submitted(Fixtures.article(Fixtures.uniqueSlug("evidence-replace")));
        Workflow.approveWith("reviewer", id, Map.of("evidence", Map.of("lee-2021", "current", "kim-2022", "replace")))
                .then().statusCode(422)
                .body("rule", equalTo("sourcesNeedNoReplacing"))
                .body("detail", containsString("replace the source first"))
                .body("errors.field", equalTo(List.of("evidence.kim-2022")));
        Api.latest(id).then().body("state", equalTo("IN_REVIEW"));
    }

    @Test
    void aReconfirmationConfirmsEverySourceToo() {
        String id = Workflow.published(Fixtures.article(Fixtures.uniqueSlug("reconfirm-evidence")));
        var latest = Api.latest(id);
        Object version = latest.path("version");
        Object hash = latest.path("contentHash");
        Api.as("reviewer2").body(Map.of("version", version, "contentHash", hash))
                .post(Api.ARTICLES + "/" + id + "/reconfirm").then().statusCode(422)
                .body("rule", equalTo("evidenceConfirmsEveryCitation"));
        Api.as("reviewer2").body(Map.of("version", version, "contentHash", hash,
                        "evidence", Map.of("lee-2021", "replace", "kim-2022", "current")))
                .post(Api.ARTICLES + "/" + id + "/reconfirm").then().statusCode(422)
                .body("rule", equalTo("sourcesNeedNoReplacing"));
        Workflow.reconfirm("reviewer2", id).then().statusCode(200);
        assertEquals("{\"kim-2022\": \"current\", \"lee-2021\": \"current\"}", Database.queryString(dataSource,
                "SELECT evidence::text FROM review_records WHERE article_id = ?::uuid AND kind = 'RECONFIRMATION'", java.util.UUID.fromString(id)));
    }

    @Test
    void aReconfirmationIsServedAtOnceEvenWhenTheArticleWasCached() {
        String slug = Fixtures.uniqueSlug("reconfirm-cached");
        String id = Workflow.published(Fixtures.article(slug));
        LocalDate approvedOn = LocalDate.now(ZoneOffset.UTC);
        io.restassured.RestAssured.given().get("/api/v1/articles/" + slug).then().statusCode(200)
                .body("review.lastReviewedOn", equalTo(approvedOn.toString()));
        io.restassured.RestAssured.given().get("/api/v1/articles/" + slug + "/provenance").then().statusCode(200);
        try {
            later(Duration.ofDays(40));
            Api.forgetToken("reviewer2");
            Workflow.reconfirm("reviewer2", id).then().statusCode(200);
            String reconfirmedOn = approvedOn.plusDays(40).toString();
            io.restassured.RestAssured.given().get("/api/v1/articles/" + slug).then().statusCode(200)
                    .body("review.lastReviewedOn", equalTo(reconfirmedOn));
            io.restassured.RestAssured.given().get("/api/v1/articles/" + slug + "/provenance").then().statusCode(200)
                    .body("sections[0].fullReview.reviewedOn", equalTo(reconfirmedOn));
        } finally {
            back();
            Api.forgetToken("reviewer2");
        }
    }

    @Test
    void aVersionWithoutSourcesNeedsNoEvidence() {
        Map<String, Object> content = Fixtures.article(Fixtures.uniqueSlug("no-sources"));
        content.put("sections", List.of(Fixtures.section("intro", "", "overview", "Eczema makes skin dry and itchy.")));
        content.put("citations", List.of());
        String id = submitted(content);
        Workflow.approveWith("reviewer", id, Map.of()).then().statusCode(200).body("state", equalTo("PUBLISHED"));
    }

    @Test
    void anAcceptedFindingIsKeptWithItsReasonAndShownInTheAuditTrail() {
        String id = submitted(ClinicalChecksApiTest.withUncitedClaim(Fixtures.uniqueSlug("accepted")));
        Map<String, Object> finding = uncitedFinding(id);
        Map<String, Object> accepted = Map.of("rule", "uncited-claim", "sectionKey", "intro", "start", finding.get("start"),
                "end", finding.get("end"), "reason", "Prevalence is common knowledge in dermatology.");
        Workflow.approveWith("reviewer", id, Map.of("evidence", BOTH_CURRENT, "acceptedFindings", List.of(accepted)))
                .then().statusCode(200);
        String kept = Database.queryString(dataSource,
                "SELECT accepted_findings::text FROM review_records WHERE article_id = ?::uuid", java.util.UUID.fromString(id));
        org.junit.jupiter.api.Assertions.assertTrue(kept.contains("\"reason\": \"Prevalence is common knowledge in dermatology.\"")
                && kept.contains("\"sentence\": \"" + ClinicalChecksApiTest.UNCITED + "\""), kept);
        Api.as("editor").get(Api.ARTICLES + "/" + id + "/audit").then()
                .body("events.find { it.action == 'approve' }.comment", containsString("Accepted finding uncited-claim in intro at "
                        + finding.get("start") + "–" + finding.get("end") + ": Prevalence is common knowledge in dermatology."));
    }

    @Test
    void anAcceptedFindingMustMatchACurrentFindingAndGiveAReason() {
        String id = submitted(ClinicalChecksApiTest.withUncitedClaim(Fixtures.uniqueSlug("accepted-bad")));
        Map<String, Object> finding = uncitedFinding(id);
        Workflow.approveWith("reviewer", id, Map.of("evidence", BOTH_CURRENT, "acceptedFindings", List.of(Map.of(
                        "rule", "uncited-claim", "sectionKey", "diet", "start", 0, "end", 10, "reason", "Fine."))))
                .then().statusCode(422)
                .body("rule", equalTo("acceptedFindingsAreCurrent"))
                .body("errors.field", equalTo(List.of("acceptedFindings[0]")))
                .body("detail", containsString("uncited-claim in diet at 0–10"));
        Workflow.approveWith("reviewer", id, Map.of("evidence", BOTH_CURRENT, "acceptedFindings", List.of(Map.of(
                        "rule", "uncited-claim", "sectionKey", "intro", "start", finding.get("start"), "end", finding.get("end")))))
                .then().statusCode(422)
                .body("rule", equalTo("acceptedFindingsGiveAReason"))
                .body("errors.field", equalTo(List.of("acceptedFindings[0]")));
        Workflow.approveWith("reviewer", id, Map.of("evidence", BOTH_CURRENT, "acceptedFindings", List.of(Map.of(
                        "rule", "uncited-claim", "sectionKey", "intro", "start", finding.get("start"), "end", finding.get("end"),
                        "reason", "x".repeat(501)))))
                .then().statusCode(422).body("rule", equalTo("acceptedFindingsGiveAReason"));
        Api.latest(id).then().body("state", equalTo("IN_REVIEW"));
    }

    private static Map<String, Object> uncitedFinding(String id) {
        return Api.as("reviewer").get(Api.ARTICLES + "/" + id + "/checks").then().statusCode(200)
                .extract().path("findings.find { it.rule == 'uncited-claim' }");
    }

    private String scopeOfNewestRecord(String id) {
        return Database.queryString(dataSource,
                "SELECT scope FROM review_records WHERE article_id = ?::uuid ORDER BY created_at DESC LIMIT 1", java.util.UUID.fromString(id));
    }

    /** Moves the service's clock ahead; tokens are checked against it, so the test's are fetched again. */
    private static void later(Duration by) {
        ServiceClock.moveAhead(by);
        forgetTokens();
    }

    private static void back() {
        ServiceClock.reset();
        forgetTokens();
    }

    private static void forgetTokens() {
        Api.forgetToken("editor");
        Api.forgetToken("reviewer");
    }
}
