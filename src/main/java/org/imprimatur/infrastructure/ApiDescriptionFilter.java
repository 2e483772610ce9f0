package org.imprimatur.infrastructure;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import java.util.List;
import java.util.Map;

/**
 * Completes the generated OpenAPI document where annotations would only repeat themselves: every
 * error response is described as problem+json, every operation has a client error, and every
 * editorial operation names the bearer scheme (docs/errors.md).
 */
public class ApiDescriptionFilter implements OASFilter {

    private static final String PROBLEM = "#/components/schemas/Problem";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents().addSchema("Problem", problemSchema());
        if (openAPI.getPaths() == null) {
            return;
        }
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            for (Operation operation : path.getValue().getOperations().values()) {
                complete(path.getKey(), operation);
            }
        }
    }

    private static void complete(String path, Operation operation) {
        APIResponses responses = operation.getResponses() == null ? OASFactory.createAPIResponses() : operation.getResponses();
        operation.setResponses(responses);
        Map<String, APIResponse> existing = responses.getAPIResponses() == null ? Map.of() : responses.getAPIResponses();
        if (existing.keySet().stream().noneMatch(code -> code.startsWith("2") || code.startsWith("3"))) {
            responses.addAPIResponse("200", OASFactory.createAPIResponse().description("Success"));
        }
        boolean editorial = path.startsWith("/api/v1/editorial") || path.contains("/signing-keys/");
        if (editorial && (operation.getSecurity() == null || operation.getSecurity().isEmpty())) {
            operation.setSecurity(List.of(OASFactory.createSecurityRequirement().addScheme("bearer")));
        } else if (operation.getSecurity() == null || operation.getSecurity().isEmpty()) {
            // Public: said explicitly, an empty requirement, so generators send no token.
            operation.setSecurity(List.of(OASFactory.createSecurityRequirement()));
        }
        if (editorial && !responses.hasAPIResponse("401")) {
            responses.addAPIResponse("401", OASFactory.createAPIResponse().description("No valid bearer token"));
        }
        if (responses.getAPIResponses().keySet().stream().noneMatch(code -> code.startsWith("4"))) {
            responses.addAPIResponse("400", OASFactory.createAPIResponse().description("The request is malformed"));
        }
        if (!responses.hasAPIResponse("503")) {
            responses.addAPIResponse("503", OASFactory.createAPIResponse()
                    .description("The database cannot be reached; see Retry-After"));
        }
        for (Map.Entry<String, APIResponse> response : responses.getAPIResponses().entrySet()) {
            if ((response.getKey().startsWith("4") || response.getKey().startsWith("5"))) {
                response.getValue().setContent(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM))));
            }
        }
    }

    private static Schema problemSchema() {
        Schema string = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
        Schema fieldError = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .addProperty("field", string).addProperty("message", string);
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("An RFC 9457 problem document")
                .addProperty("type", string)
                .addProperty("title", string)
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER))
                .addProperty("detail", string)
                .addProperty("rule", string)
                .addProperty("requestId", string)
                .addProperty("errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).items(fieldError))
                .required(List.of("type", "title", "status"));
    }
}
