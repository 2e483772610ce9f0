package org.imprimatur.workflow;

import io.quarkus.test.junit.QuarkusTest;
import org.imprimatur.support.Api;
import org.imprimatur.support.Fixtures;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

/** docs/clinical-checks.md through the API, with every rule at its default mode (warn). */
@QuarkusTest
class ClinicalChecksApiTest {

    static final String UNCITED = "A 2021 review suggests that 15–30% of children have eczema.";

    static Map<String, Object> withUncitedClaim(String slug) {
        Map<String, Object> content = Fixtures.article(slug);
        content.put("sections", List.of(
                Fixtures.section("intro", "", "overview", "Eczema is common [@lee-2021]. " + UNCITED),
                Fixtures.section("diet", "Diet", "self-care", "Fibre feeds gut bacteria [@lee-2021; @kim-2022].")));
        return content;
    }

    @Test
    void aSaveWarnsOfAnUncitedClaimAtItsPlaceAndStillStoresTheVersion() {
        Api.create(withUncitedClaim(Fixtures.uniqueSlug("uncited"))).then().statusCode(201)
                .body("version", equalTo(1))
                .body("warnings.field", hasItem("sections[0].body"))
                .body("warnings.message", hasItem(containsString("uncited-claim at characters 30–")));
    }

    @Test
    void theChecksOfTheNewestVersionNameRuleModeSectionAndSentence() {
        String id = Api.createdId(withUncitedClaim(Fixtures.uniqueSlug("checks")));
        int start = ("Eczema is common [@lee-2021]. ").length();
        Api.as("reviewer").get("/api/v1/editorial/articles/" + id + "/checks").then().statusCode(200)
                .body("version", equalTo(1))
                .body("findings.find { it.rule == 'uncited-claim' }.mode", equalTo("warn"))
                .body("findings.find { it.rule == 'uncited-claim' }.sectionKey", equalTo("intro"))
                .body("findings.find { it.rule == 'uncited-claim' }.start", equalTo(start))
                .body("findings.find { it.rule == 'uncited-claim' }.end", equalTo(start + UNCITED.length()))
                .body("findings.find { it.rule == 'uncited-claim' }.sentence", equalTo(UNCITED))
                .body("readability.article.words", greaterThan(10))
                .body("readability.article.fleschKincaidGrade", notNullValue())
                .body("readability.sections.sectionKey", equalTo(List.of("intro", "diet")));
    }

    @Test
    void aCitedClaimLeavesNoFinding() {
        String id = Api.createdId(Fixtures.article(Fixtures.uniqueSlug("cited")));
        Api.as("editor").get("/api/v1/editorial/articles/" + id + "/checks").then().statusCode(200)
                .body("findings.findAll { it.rule != 'reading-level' }", empty());
    }

    @Test
    void checksOfAnArticleThatDoesNotExistAre404() {
        Api.as("editor").get("/api/v1/editorial/articles/" + java.util.UUID.randomUUID() + "/checks").then()
                .statusCode(404).contentType("application/problem+json");
    }
}
