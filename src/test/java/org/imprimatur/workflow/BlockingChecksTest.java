package org.imprimatur.workflow;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.imprimatur.support.Api;
import org.imprimatur.support.Fixtures;
import org.imprimatur.support.NonDefaultSettings;
import org.imprimatur.support.Workflow;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** docs/clinical-checks.md: a rule set to block-submit keeps a version with its findings out of review. */
@QuarkusTest
@TestProfile(NonDefaultSettings.class)
class BlockingChecksTest {

    @Test
    void anUncitedClaimStopsTheSubmissionNamingItAndACitedOneGoesToReview() {
        Map<String, Object> content = ClinicalChecksApiTest.withUncitedClaim(Fixtures.uniqueSlug("blocked"));
        String id = Api.createdId(content);
        Workflow.submit("editor", id).then().statusCode(422).contentType("application/problem+json")
                .body("rule", equalTo("contentIsReadyForReview"))
                .body("errors[0].field", equalTo("sections[0].body"))
                .body("errors[0].message", containsString("uncited-claim"));
        Api.latest(id).then().body("state", equalTo("DRAFT"));

        content.put("sections", List.of(
                Fixtures.section("intro", "", "overview", "Eczema is common [@lee-2021]. "
                        + ClinicalChecksApiTest.UNCITED.replace(".", " [@lee-2021]."))));
        String etag = Api.latest(id).header("ETag");
        Api.as("editor").header("If-Match", etag).body(content).put("/api/v1/editorial/articles/" + id).then().statusCode(200);
        Workflow.submit("editor", id).then().statusCode(200).body("state", equalTo("IN_REVIEW"));
    }
}
