package org.imprimatur.infrastructure;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import jakarta.ws.rs.core.HttpHeaders;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Completes the generated OpenAPI document with what holds for every operation, so that it says
 * exactly what the service answers (docs/errors.md) and annotations need not repeat it:
 * <ul>
 * <li>every error is the one problem+json schema, and each status names its problem types;</li>
 * <li>every operation declares the statuses the HTTP layer and the security layer answer for it:
 * 401 and 403 with a bearer token, 400, 413 and 415 with a body, 400 with query parameters, 404
 * with path parameters, and 406, 414, 431 and 503 always;</li>
 * <li>every property of an answer is required, since Jackson writes every record component, null
 * or not; a component that {@code @JsonInclude} leaves out when empty says so with
 * {@link #OMITTED_WHEN_EMPTY}, and whether a value may be null is said by {@code nullable};</li>
 * <li>any property of a request may be null, which the service reads as absent;</li>
 * <li>strings with a format (UUID, instants, dates) are written in place rather than as schemas of
 * their own, so that a nullable one needs no {@code allOf} around a reference;</li>
 * <li>the response headers clients rely on are described once, under {@code components/headers},
 * and named where they are sent: the request id on every answer, Retry-After on every 429 and
 * 503, WWW-Authenticate on a secured operation's 401 and the ETag on every answer with an
 * {@code ArticleView} (EditorialResponses); a resource names the others it sends with
 * {@code @Header(ref = …)}.</li>
 * </ul>
 */
public class ApiDescriptionFilter implements OASFilter {

    /**
     * The extension that marks a property of an answer that the service leaves out when it is
     * null or empty (Jackson's {@code @JsonInclude}); consumed here, it does not reach the document.
     */
    public static final String OMITTED_WHEN_EMPTY = "x-omitted-when-empty";

    /** The response headers that have no name in {@link HttpHeaders}, for {@code @Header(ref = …)}. */
    public static final String AGE = "Age";
    public static final String CACHE_STATUS = "Cache-Status";
    public static final String X_ROBOTS_TAG = "X-Robots-Tag";

    private static final String SCHEMAS = "#/components/schemas/";
    private static final String PROBLEM = "Problem";
    private static final String FIELD_ERROR = "FieldError";
    private static final String ARTICLE_VIEW = "ArticleView";
    private static final String JSON = "application/json";

    /** The problem types (docs/errors.md) each status can carry, named in each error response. */
    private static final Map<String, List<String>> PROBLEM_TYPES = Map.ofEntries(
            Map.entry("400", List.of("malformed-body", "bad-request")),
            Map.entry("401", List.of("unauthorized", "invalid-credentials", "invalid-identity-claims")),
            Map.entry("403", List.of("forbidden", "workflow")),
            Map.entry("404", List.of("not-found", "http-404")),
            Map.entry("406", List.of("http-406")),
            Map.entry("409", List.of("conflict", "workflow", "concurrent-change", "constraint")),
            Map.entry("410", List.of("retracted")),
            Map.entry("412", List.of("precondition-failed")),
            Map.entry("413", List.of("body-too-large")),
            Map.entry("414", List.of("uri-too-long")),
            Map.entry("415", List.of("http-415")),
            Map.entry("422", List.of("validation", "workflow")),
            Map.entry("428", List.of("precondition-required")),
            Map.entry("429", List.of("too-many-attempts")),
            Map.entry("431", List.of("headers-too-large")),
            Map.entry("503", List.of("database-unavailable")));

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        if (openAPI.getComponents().getSchemas() == null) {
            openAPI.getComponents().setSchemas(new TreeMap<>());
        }
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        if (!schemas.containsKey(FIELD_ERROR)) {
            openAPI.getComponents().addSchema(FIELD_ERROR, fieldErrorSchema());
        }
        openAPI.getComponents().addSchema(PROBLEM, problemSchema());
        openAPI.getComponents().setHeaders(new TreeMap<>(responseHeaders()));
        Map<String, PathItem> paths = openAPI.getPaths() == null ? Map.of() : openAPI.getPaths().getPathItems();
        for (Map.Entry<String, PathItem> path : paths.entrySet()) {
            for (Operation operation : path.getValue().getOperations().values()) {
                complete(path.getKey(), path.getValue(), operation);
            }
        }
        allowNullInRequests(openAPI);
        inlineFormattedStrings(openAPI);
        requireEveryPropertyOfAnswers(openAPI);
    }

    /**
     * In what a client sends, null is the same as leaving the field out (a record component that
     * JSON does not name is null): every property of a request's schema may be null.
     */
    private static void allowNullInRequests(OpenAPI openAPI) {
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        for (String name : reached(openAPI, true)) {
            Schema schema = schemas.get(name);
            if (schema == null || schema.getProperties() == null) {
                continue;
            }
            for (Schema property : schema.getProperties().values()) {
                boolean typed = property.getType() != null && !property.getType().isEmpty();
                if ((property.getRef() != null || typed)
                        && (property.getType() == null || !property.getType().contains(Schema.SchemaType.NULL))) {
                    property.addType(Schema.SchemaType.NULL);
                }
            }
        }
    }

    /** The names of the component schemas that requests ({@code sent}) or answers contain. */
    private static Set<String> reached(OpenAPI openAPI, boolean sent) {
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        Set<String> names = new LinkedHashSet<>();
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            for (Operation operation : item.getOperations().values()) {
                if (sent && operation.getRequestBody() != null) {
                    contentSchemas(operation.getRequestBody().getContent(), schema -> reach(schema, schemas, names));
                }
                if (!sent) {
                    for (APIResponse response : operation.getResponses().getAPIResponses().values()) {
                        contentSchemas(response.getContent(), schema -> reach(schema, schemas, names));
                    }
                }
            }
        }
        return names;
    }

    private static void complete(String path, PathItem item, Operation operation) {
        APIResponses responses = operation.getResponses() == null ? OASFactory.createAPIResponses() : operation.getResponses();
        operation.setResponses(responses);
        if (responses.getAPIResponses() == null || responses.getAPIResponses().keySet().stream()
                .noneMatch(code -> code.startsWith("2") || code.startsWith("3"))) {
            responses.addAPIResponse("200", OASFactory.createAPIResponse().description("Success"));
        }
        boolean secured = operation.getSecurity() != null && operation.getSecurity().stream()
                .anyMatch(requirement -> requirement.hasScheme("bearer"));
        boolean editorial = path.startsWith("/api/v1/editorial") || path.contains("/signing-keys/");
        if (!secured && editorial) {
            operation.setSecurity(List.of(OASFactory.createSecurityRequirement().addScheme("bearer")));
            secured = true;
        } else if (!secured) {
            // Public: said explicitly, an empty requirement, so generators send no token.
            operation.setSecurity(List.of(OASFactory.createSecurityRequirement()));
        }
        List<Parameter> parameters = new ArrayList<>();
        if (item.getParameters() != null) {
            parameters.addAll(item.getParameters());
        }
        if (operation.getParameters() != null) {
            parameters.addAll(operation.getParameters());
        }
        if (secured) {
            declare(responses, "401", "No valid bearer token (WWW-Authenticate: Bearer)");
            declare(responses, "403", "The token's roles do not allow this request");
        }
        if (operation.getRequestBody() != null) {
            declare(responses, "400", "The body is not the JSON this operation reads: malformed, wrong types or unknown fields");
            declare(responses, "413", "The body is larger than the service accepts");
            declare(responses, "415", "The body is not JSON");
        }
        if (parameters.stream().anyMatch(parameter -> parameter.getIn() == Parameter.In.QUERY)) {
            declare(responses, "400", "A query parameter is malformed");
        }
        if (parameters.stream().anyMatch(parameter -> parameter.getIn() == Parameter.In.PATH)) {
            declare(responses, "404", "Nothing has this address");
        }
        declare(responses, "406", "The Accept header allows nothing this operation answers with");
        declare(responses, "414", "The request target is too long");
        declare(responses, "431", "The request headers are too large");
        declare(responses, "503", "The database cannot be reached; see Retry-After");
        for (Map.Entry<String, APIResponse> response : responses.getAPIResponses().entrySet()) {
            String code = response.getKey();
            describeHeaders(code, response.getValue(), secured);
            if (code.startsWith("4") || code.startsWith("5")) {
                APIResponse error = response.getValue();
                List<String> types = PROBLEM_TYPES.getOrDefault(code, List.of());
                if (!types.isEmpty() && !error.getDescription().contains("(problem type")) {
                    error.setDescription(error.getDescription() + " (problem type "
                            + String.join(" or ", types.stream().map(type -> Problem.TYPE_PREFIX + type).toList()) + ")");
                }
                error.setContent(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                        OASFactory.createMediaType().schema(reference(PROBLEM))));
            }
        }
        responses.setAPIResponses(new TreeMap<>(responses.getAPIResponses()));
    }

    /** The headers that every answer with this status carries, by the rules in this class's description. */
    private static void describeHeaders(String code, APIResponse response, boolean secured) {
        response.addHeader(RequestIds.HEADER, headerReference(RequestIds.HEADER));
        if (code.equals("429") || code.equals("503")) {
            response.addHeader(HttpHeaders.RETRY_AFTER, headerReference(HttpHeaders.RETRY_AFTER));
        }
        if (code.equals("401") && secured) {
            response.addHeader(HttpHeaders.WWW_AUTHENTICATE, headerReference(HttpHeaders.WWW_AUTHENTICATE));
        }
        boolean[] articleView = {false};
        contentSchemas(response.getContent(),
                schema -> articleView[0] |= (SCHEMAS + ARTICLE_VIEW).equals(schema.getRef()));
        if (code.startsWith("2") && articleView[0]) {
            response.addHeader(HttpHeaders.ETAG, headerReference(HttpHeaders.ETAG));
        }
        if (response.getHeaders() != null) {
            response.setHeaders(new TreeMap<>(response.getHeaders()));
        }
    }

    private static Header headerReference(String name) {
        return OASFactory.createHeader().ref(name);
    }

    /**
     * Every response header the description names, with what a client may rely on: those that an
     * answer always carries where they are named are required.
     */
    private static Map<String, Header> responseHeaders() {
        return Map.ofEntries(
                Map.entry(RequestIds.HEADER, header(string().pattern("^" + RequestIds.ACCEPTABLE.pattern() + "$"), true,
                        "The request's id: the caller's own X-Request-Id when it is 1 to 128 letters, digits or . _ : -, "
                                + "else a new UUID. Problem documents repeat it as requestId; quote it when reporting a "
                                + "failure (docs/operations.md).")),
                Map.entry(HttpHeaders.RETRY_AFTER, header(OASFactory.createSchema().addType(Schema.SchemaType.INTEGER)
                        .format("int64").minimum(java.math.BigDecimal.ZERO), true,
                        "Seconds after which the same request may succeed.")),
                Map.entry(HttpHeaders.WWW_AUTHENTICATE, header(string(), true, "Bearer: the scheme a token is sent with.")),
                Map.entry(HttpHeaders.ETAG, header(string().pattern("^\"[^\"]*\"$"), true,
                        "The strong entity tag of this representation: If-Match to save on top of it (editorial), "
                                + "If-None-Match to ask again whether it changed (delivery).")),
                Map.entry(HttpHeaders.LOCATION, header(string().format("uri-reference"), true,
                        "The address of what was created.")),
                Map.entry(HttpHeaders.CACHE_CONTROL, header(string(), true,
                        "How long shared and private caches may keep the answer.")),
                Map.entry(HttpHeaders.VARY, header(string(), true,
                        "Accept: the representation depends on the Accept header.")),
                Map.entry(HttpHeaders.LAST_MODIFIED, header(string(), true,
                        "An HTTP date: when this representation last changed, by the version's publication or its "
                                + "latest review.")),
                Map.entry(AGE, header(OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).format("int64")
                        .minimum(java.math.BigDecimal.ZERO), false,
                        "Only while the database is away: seconds since the cached answer was last known to be current.")),
                Map.entry(CACHE_STATUS, header(string(), false,
                        "Only while the database is away: imprimatur; hit; detail=stale-if-error (RFC 9211).")),
                Map.entry(X_ROBOTS_TAG, header(string(), true, "noindex, nofollow: search engines are not to index it.")));
    }

    private static Header header(Schema schema, boolean required, String description) {
        return OASFactory.createHeader().schema(schema).required(required).description(description);
    }

    private static void declare(APIResponses responses, String code, String description) {
        if (!responses.hasAPIResponse(code)) {
            responses.addAPIResponse(code, OASFactory.createAPIResponse().description(description));
        }
    }

    /**
     * Writes each reference as a client generator and the 3.0 rules read it. The scanner gives a
     * nullable reference as {@code anyOf} of it and null, and a string described by an enum's class
     * as an object beside the reference: a reference stands alone, or, when null is allowed, as the
     * only member of {@code allOf} beside the type it has and null. UUIDs, instants and dates are
     * written in place, as strings with their format.
     */
    private static void inlineFormattedStrings(OpenAPI openAPI) {
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        Map<String, Schema> formatted = new TreeMap<>();
        schemas.forEach((name, schema) -> {
            if (schema.getFormat() != null && schema.getEnumeration() == null && schema.getProperties() == null
                    && schema.getType() != null && schema.getType().equals(List.of(Schema.SchemaType.STRING))) {
                formatted.put(SCHEMAS + name, schema);
            }
        });
        // An enum's class on a string field gives a copy of the enum's values; it names the enum instead.
        Map<List<Object>, String> enumerations = new java.util.HashMap<>();
        Set<Schema> components = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        schemas.forEach((name, schema) -> {
            components.add(schema);
            if (schema.getEnumeration() != null) {
                enumerations.put(schema.getEnumeration(), SCHEMAS + name);
            }
        });
        everySchema(openAPI, schema -> {
            boolean nullable = schema.getType() != null && schema.getType().contains(Schema.SchemaType.NULL);
            if (schema.getRef() == null && schema.getEnumeration() != null && !components.contains(schema)
                    && enumerations.containsKey(schema.getEnumeration())) {
                schema.setRef(enumerations.get(schema.getEnumeration()));
                schema.setEnumeration(null);
            }
            if (schema.getRef() == null && schema.getAnyOf() != null && schema.getAnyOf().size() == 2
                    && schema.getAnyOf().stream().anyMatch(ApiDescriptionFilter::isOnlyNull)) {
                Schema other = schema.getAnyOf().stream().filter(part -> !isOnlyNull(part)).findFirst().orElseThrow();
                if (other.getRef() != null) {
                    schema.setAnyOf(null);
                    schema.setRef(other.getRef());
                    nullable = true;
                }
            }
            if (schema.getEnumeration() != null && schema.getType() != null && schema.getType().contains(Schema.SchemaType.STRING)) {
                schema.removeType(Schema.SchemaType.OBJECT);
            }
            if (schema.getRef() == null) {
                return;
            }
            String reference = schema.getRef();
            Schema target = formatted.get(reference);
            if (target != null) {
                schema.setRef(null);
                schema.setType(new ArrayList<>(target.getType()));
                schema.setFormat(target.getFormat());
                if (target.getPattern() != null) {
                    schema.setPattern(target.getPattern());
                }
            } else if (nullable && reference.startsWith(SCHEMAS) && schemas.containsKey(reference.substring(SCHEMAS.length()))) {
                schema.setRef(null);
                schema.setAllOf(List.of(OASFactory.createSchema().ref(reference)));
                schema.setType(new ArrayList<>(schemas.get(reference.substring(SCHEMAS.length())).getType()));
            } else {
                schema.setType(null);
                return;
            }
            if (nullable) {
                schema.addType(Schema.SchemaType.NULL);
            }
        });
        formatted.keySet().forEach(reference -> openAPI.getComponents().removeSchema(reference.substring(SCHEMAS.length())));
    }

    private static boolean isOnlyNull(Schema schema) {
        return schema.getRef() == null && List.of(Schema.SchemaType.NULL).equals(schema.getType())
                && schema.getAll().size() == 1;
    }

    /**
     * Every property of a schema that an answer contains is required, except those marked
     * {@link #OMITTED_WHEN_EMPTY}. A schema must be either sent or answered, never both, so that
     * what a client must send never says what it can expect back.
     */
    private static void requireEveryPropertyOfAnswers(OpenAPI openAPI) {
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        Set<String> sent = reached(openAPI, true);
        for (String name : reached(openAPI, false)) {
            if (sent.contains(name) && schemas.get(name).getProperties() != null) {
                throw new IllegalStateException("The schema " + name + " is both sent and answered; give each its own record");
            }
            Schema schema = schemas.get(name);
            if (schema.getProperties() == null || schema.getRequired() != null) {
                continue;
            }
            List<String> required = new ArrayList<>();
            schema.getProperties().forEach((property, propertySchema) -> {
                if (propertySchema.getExtensions() != null && propertySchema.getExtensions().containsKey(OMITTED_WHEN_EMPTY)) {
                    propertySchema.removeExtension(OMITTED_WHEN_EMPTY);
                    if (propertySchema.getExtensions().isEmpty()) {
                        propertySchema.setExtensions(null);
                    }
                } else {
                    required.add(property);
                }
            });
            schema.setRequired(required);
        }
    }

    private static void contentSchemas(Content content, Consumer<Schema> action) {
        if (content != null && content.getMediaTypes() != null) {
            for (MediaType mediaType : content.getMediaTypes().values()) {
                if (mediaType.getSchema() != null) {
                    action.accept(mediaType.getSchema());
                }
            }
        }
    }

    /** Adds the names of the component schemas that {@code schema} refers to, directly or not. */
    private static void reach(Schema schema, Map<String, Schema> schemas, Set<String> names) {
        walk(schema, nested -> {
            if (nested.getRef() != null && nested.getRef().startsWith(SCHEMAS)) {
                String name = nested.getRef().substring(SCHEMAS.length());
                if (names.add(name) && schemas.containsKey(name)) {
                    reach(schemas.get(name), schemas, names);
                }
            }
        });
    }

    private static void everySchema(OpenAPI openAPI, Consumer<Schema> action) {
        openAPI.getComponents().getSchemas().values().forEach(schema -> walk(schema, action));
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            for (Operation operation : item.getOperations().values()) {
                if (operation.getParameters() != null) {
                    operation.getParameters().stream().filter(parameter -> parameter.getSchema() != null)
                            .forEach(parameter -> walk(parameter.getSchema(), action));
                }
                if (item.getParameters() != null) {
                    item.getParameters().stream().filter(parameter -> parameter.getSchema() != null)
                            .forEach(parameter -> walk(parameter.getSchema(), action));
                }
                if (operation.getRequestBody() != null) {
                    contentSchemas(operation.getRequestBody().getContent(), schema -> walk(schema, action));
                }
                for (APIResponse response : operation.getResponses().getAPIResponses().values()) {
                    contentSchemas(response.getContent(), schema -> walk(schema, action));
                }
            }
        }
    }

    /** {@code schema} and every schema inside it. */
    private static void walk(Schema schema, Consumer<Schema> action) {
        if (schema == null) {
            return;
        }
        action.accept(schema);
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(property -> walk(property, action));
        }
        walk(schema.getItems(), action);
        walk(schema.getAdditionalPropertiesSchema(), action);
        walk(schema.getNot(), action);
        java.util.stream.Stream.of(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf())
                .filter(java.util.Objects::nonNull).flatMap(List::stream).forEach(part -> walk(part, action));
    }

    private static Schema reference(String name) {
        return OASFactory.createSchema().ref(SCHEMAS + name);
    }

    private static Schema string() {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING);
    }

    private static Schema fieldErrorSchema() {
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .addProperty("field", string()).addProperty("message", string())
                .required(List.of("field", "message"));
    }

    /** {@link Problem} as the service writes it: members that are null are left out. */
    private static Schema problemSchema() {
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("An RFC 9457 problem document (docs/errors.md). type names the problem, "
                        + Problem.TYPE_PREFIX + "…; rule names the workflow rule that refused; errors lists the "
                        + "fields of a request that are wrong, by JSON path.")
                .addProperty("type", string())
                .addProperty("title", string())
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).format("int32"))
                .addProperty("detail", string())
                .addProperty("rule", string())
                .addProperty("errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).items(reference(FIELD_ERROR)))
                .addProperty("requestId", string())
                .required(List.of("type", "title", "status"));
    }
}
