package org.imprimatur.infrastructure;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The OpenAPI document is usable by a client generator: every operation has a unique operationId,
 * a success and a client-error response, every error is described as problem+json, and every
 * security requirement names a scheme the document defines.
 */
@QuarkusTest
class OpenApiDocumentTest {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

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
                            && !((Map<String, Object>) response.getOrDefault("content", Map.of())).containsKey("application/problem+json")) {
                        problems.add(where + ": " + code + " is not described as problem+json");
                    }
                });
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
