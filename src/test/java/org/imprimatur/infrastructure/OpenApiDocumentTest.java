package org.imprimatur.infrastructure;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.imprimatur.accounts.AccountAction;
import org.imprimatur.article.CitationKind;
import org.imprimatur.article.HealthAspect;
import org.imprimatur.checks.CheckMode;
import org.imprimatur.checks.CheckRule;
import org.imprimatur.checks.ReadingFormula;
import org.imprimatur.integration.DeliveryStatus;
import org.imprimatur.review.VersionDiffer;
import org.imprimatur.rules.WorkflowAction;
import org.imprimatur.rules.WorkflowState;
import org.imprimatur.security.Role;
import org.imprimatur.workflow.ArticleEventType;
import org.imprimatur.workflow.ChangeType;
import org.junit.jupiter.api.Test;


import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The OpenAPI document is usable by a client generator: every operation has a unique operationId,
 * a success and a client-error response, every error is described by the one problem+json schema,
 * every secured operation declares 401 and 403, every answer names the request id header and every
 * 429 and 503 Retry-After, and every security requirement names a scheme the document defines.
 * That the document says exactly what the service answers is checked on every call of the suite
 * ({@link org.imprimatur.support.ApiContract}).
 */
@QuarkusTest
class OpenApiDocumentTest {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");
    private static final Map<String, Object> PROBLEM_CONTENT = Map.of("application/problem+json",
            Map.of("schema", Map.of("$ref", "#/components/schemas/Problem")));
    /** The copy of the served description that the build generates the test client from (pom.xml). */
    private static final Path CHECKED_IN = Path.of("docs", "openapi.json");

    /**
     * docs/openapi.json is what the service serves: the client GeneratedClientIT uses is generated
     * from it during the build, without a running service. After a change to the API, copy the
     * served document over it (this test leaves it in target/openapi.json).
     */
    @Test
    void theCheckedInCopyIsWhatTheServiceServes() throws IOException {
        String served = RestAssured.get("/q/openapi?format=json").then().statusCode(200).extract().asString();
        ObjectMapper json = new ObjectMapper();
        if (!json.readTree(served).equals(json.readTree(Files.readString(CHECKED_IN)))) {
            Files.writeString(Path.of("target", "openapi.json"), served.endsWith("\n") ? served : served + "\n");
            throw new AssertionError(CHECKED_IN + " differs from what /q/openapi serves; if the API change is meant, "
                    + "cp target/openapi.json " + CHECKED_IN);
        }
    }

    /** The enumerations of the description are the Java enums' JSON names, not lists of their own. */
    @Test
    @SuppressWarnings("unchecked")
    void enumerationsAreTheJavaEnums() {
        Map<String, Object> schemas = (Map<String, Object>) ((Map<String, Object>) RestAssured.get("/q/openapi?format=json")
                .then().statusCode(200).extract().as(Map.class).get("components")).get("schemas");
        Map<String, List<String>> expected = Map.ofEntries(
                Map.entry("WorkflowState", Arrays.stream(WorkflowState.values()).map(Enum::name).toList()),
                Map.entry("WorkflowAction", Arrays.stream(WorkflowAction.values()).map(WorkflowAction::auditName).toList()),
                Map.entry("HealthAspect", Arrays.stream(HealthAspect.values()).map(HealthAspect::jsonName).toList()),
                Map.entry("CitationKind", Arrays.stream(CitationKind.values()).map(CitationKind::jsonName).toList()),
                Map.entry("Role", Arrays.stream(Role.values()).map(Role::tokenName).toList()),
                Map.entry("ArticleEventType", ArticleEventType.cloudEventTypes()),
                Map.entry("SectionChangeKind", Arrays.stream(VersionDiffer.SectionChangeKind.values())
                        .map(VersionDiffer.SectionChangeKind::label).toList()),
                Map.entry("SegmentOp", Arrays.stream(VersionDiffer.SegmentOp.values())
                        .map(VersionDiffer.SegmentOp::label).toList()),
                Map.entry("CitationField", Arrays.stream(VersionDiffer.CitationField.values())
                        .map(VersionDiffer.CitationField::label).toList()),
                Map.entry("ChangeType", Arrays.stream(ChangeType.values()).map(ChangeType::label).toList()),
                Map.entry("DeliveryStatus", Arrays.stream(DeliveryStatus.values()).map(DeliveryStatus::label).toList()),
                Map.entry("AccountAction", Arrays.stream(AccountAction.values()).map(AccountAction::label).toList()),
                Map.entry("CheckRule", Arrays.stream(CheckRule.values()).map(CheckRule::wireName).toList()),
                Map.entry("CheckMode", Arrays.stream(CheckMode.values()).map(CheckMode::wireName).toList()),
                Map.entry("ReadingFormula", Arrays.stream(ReadingFormula.values()).map(ReadingFormula::label).toList()));
        expected.forEach((name, values) -> assertEquals(values,
                ((Map<String, Object>) schemas.get(name)).get("enum"), name));
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyOperationIsCompleteForAClientGenerator() {
        Map<String, Object> document = RestAssured.get("/q/openapi?format=json").then().statusCode(200)
                .extract().as(Map.class);
        Map<String, Object> components = (Map<String, Object>) document.get("components");
        Set<String> schemes = ((Map<String, Object>) components.get("securitySchemes")).keySet();
        assertEquals(Set.of("bearer"), schemes);
        assertTrue(!((List<?>) document.get("servers")).isEmpty(), "no servers");
        assertTrue(((Map<String, Object>) document.get("info")).containsKey("license"), "no licence");

        Set<String> declaredTags = new HashSet<>();
        for (Map<String, Object> tag : (List<Map<String, Object>>) document.get("tags")) {
            if (tag.get("description") != null) {
                declaredTags.add((String) tag.get("name"));
            }
        }
        Set<String> operationIds = new HashSet<>();
        List<String> problems = new ArrayList<>();
        Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) document.get("paths");
        for (Map.Entry<String, Map<String, Object>> path : paths.entrySet()) {
            for (Map.Entry<String, Object> entry : path.getValue().entrySet()) {
                if (!METHODS.contains(entry.getKey())) {
                    continue;
                }
                String where = entry.getKey().toUpperCase(java.util.Locale.ROOT) + " " + path.getKey();
                Map<String, Object> operation = (Map<String, Object>) entry.getValue();
                for (Object tag : (List<?>) operation.getOrDefault("tags", List.of())) {
                    if (!declaredTags.contains(tag)) {
                        problems.add(where + ": tag " + tag + " is not declared with a description");
                    }
                }
                Object id = operation.get("operationId");
                if (id == null || !operationIds.add(id.toString())) {
                    problems.add(where + ": operationId missing or repeated (" + id + ")");
                }
                Map<String, Map<String, Object>> responses = (Map<String, Map<String, Object>>) operation.get("responses");
                if (responses.keySet().stream().noneMatch(code -> code.startsWith("2") || code.startsWith("3"))) {
                    problems.add(where + ": no success response");
                }
                if (responses.keySet().stream().noneMatch(code -> code.startsWith("4"))) {
                    problems.add(where + ": no client-error response");
                }
                responses.forEach((code, response) -> {
                    if ((code.startsWith("4") || code.startsWith("5"))
                            && !PROBLEM_CONTENT.equals(response.get("content"))) {
                        problems.add(where + ": " + code + " is not described as the one problem+json schema");
                    }
                    Map<String, Object> headers = (Map<String, Object>) response.getOrDefault("headers", Map.of());
                    if (!headers.containsKey("X-Request-Id")) {
                        problems.add(where + ": " + code + " does not name the request id header");
                    }
                    if ((code.equals("429") || code.equals("503")) && !headers.containsKey("Retry-After")) {
                        problems.add(where + ": " + code + " does not name Retry-After");
                    }
                });
                if (operation.containsKey("security") && !((List<?>) operation.get("security")).get(0).equals(Map.of())
                        && !(responses.containsKey("401") && responses.containsKey("403"))) {
                    problems.add(where + ": a secured operation without 401 and 403");
                }
                for (Map<String, Object> requirement : (List<Map<String, Object>>) operation.getOrDefault("security", List.of())) {
                    requirement.keySet().stream().filter(name -> !schemes.contains(name))
                            .forEach(name -> problems.add(where + ": undefined security scheme " + name));
                }
                if (path.getKey().startsWith("/api/v1/editorial") && !operation.containsKey("security")) {
                    problems.add(where + ": an editorial operation without a security requirement");
                }
            }
        }
        assertEquals(List.of(), problems);
    }
}
