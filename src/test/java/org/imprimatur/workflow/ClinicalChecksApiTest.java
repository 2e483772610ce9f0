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
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
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

    /** The reading target follows the article's audience: 8 for patients, 14 for clinicians (docs/clinical-checks.md). */
    @Test
    void theSameTextIsAboveThePatientsTargetAndWithinTheCliniciansOne() {
        // US grade 11.5 by Flesch–Kincaid (two sentences: too short for SMOG).
        String text = "Atopic dermatitis is a chronic skin condition marked by itching and a damaged skin barrier "
                + "[@lee-2021]. Treatment depends on regular moisturisers, with steroid creams during flare-ups [@kim-2022].";
        Map<String, Object> forPatients = Fixtures.article(Fixtures.uniqueSlug("grade-patients"));
        forPatients.put("sections", List.of(Fixtures.section("intro", "", "overview", text)));
        Map<String, Object> forClinicians = new java.util.LinkedHashMap<>(forPatients);
        forClinicians.put("slug", Fixtures.uniqueSlug("grade-clinicians"));
        forClinicians.put("audience", "clinicians");

        String patients = Api.createdId(forPatients);
        String clinicians = Api.createdId(forClinicians);
        Api.as("editor").get("/api/v1/editorial/articles/" + patients + "/checks").then().statusCode(200)
                .body("readability.sections[0].readability.grade", greaterThan(8f))
                .body("readability.sections[0].readability.grade", lessThan(14f))
                .body("findings.rule", hasItem("reading-level"))
                .body("findings.find { it.rule == 'reading-level' }.message", containsString("above the target of 8"));
        Api.as("editor").get("/api/v1/editorial/articles/" + clinicians + "/checks").then().statusCode(200)
                .body("readability.sections[0].readability.grade", greaterThan(8f))
                .body("findings.rule", not(hasItem("reading-level")));
    }

    @Test
    void checksOfAnArticleThatDoesNotExistAre404() {
        Api.as("editor").get("/api/v1/editorial/articles/" + java.util.UUID.randomUUID() + "/checks").then()
                .statusCode(404).contentType("application/problem+json");
    }
}
