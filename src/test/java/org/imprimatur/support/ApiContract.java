package org.imprimatur.support;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.RestAssuredRequest;
import com.atlassian.oai.validator.restassured.RestAssuredResponse;
import io.restassured.RestAssured;
import io.restassured.authentication.PreemptiveOAuth2HeaderScheme;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.filter.OrderedFilter;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Holds every API call of the tests to the API description that the called service serves at
 * {@code /q/openapi}: the request against its operation, and the answer (status, headers, media
 * type and body, with no property the description lacks). A call that sends bad input on purpose
 * says so with {@link #answerOnly()}, and only its answer is checked; a call the description cannot
 * describe at all (a path or method the API does not have) says why with {@link #notDescribed}, and
 * a timed call of a load test, whose check would count in the time measured, with {@link #untimed}.
 * Only the API ({@code /api/}) is held to it: the studio's pages, health and metrics are not part
 * of the description.
 */
public final class ApiContract implements OrderedFilter {

    private static final ApiContract INSTANCE = new ApiContract();
    private static final String ANSWER_ONLY = ApiContract.class.getName() + ".answer-only";
    private static final String NOT_DESCRIBED = ApiContract.class.getName() + ".not-described";

    private final Map<String, OpenApiInteractionValidator> validators = new ConcurrentHashMap<>();

    private ApiContract() {
    }

    /** Puts the check on every REST Assured call from now on (once per class loader). */
    public static synchronized void install() {
        if (!RestAssured.filters().contains(INSTANCE)) {
            RestAssured.filters(INSTANCE);
        }
    }

    /** For a request that breaks the description on purpose: its answer must still be described. */
    public static Filter answerOnly() {
        return new Marker(ANSWER_ONLY, "bad input on purpose");
    }

    /**
     * For a request that no operation of the description can match (an unknown path or method, a
     * request line the HTTP layer refuses): nothing is checked, and {@code why} says why in the test.
     */
    public static Filter notDescribed(String why) {
        if (why == null || why.isBlank()) {
            throw new IllegalArgumentException("say why the call is outside the API description");
        }
        return new Marker(NOT_DESCRIBED, why);
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification response, FilterContext context) {
        Response answer = context.next(request, response);
        URI target = URI.create(request.getURI());
        if (!target.getPath().startsWith("/api/") || context.hasValue(NOT_DESCRIBED)) {
            return answer;
        }
        OpenApiInteractionValidator validator = validators.computeIfAbsent(
                target.getScheme() + "://" + target.getAuthority(), ApiContract::validatorFor);
        Request sent = withBearerToken(RestAssuredRequest.of(request), request);
        ValidationReport report = context.hasValue(ANSWER_ONLY)
                ? validator.validateResponse(sent.getPath(), sent.getMethod(), RestAssuredResponse.of(answer))
                : validator.validate(sent, RestAssuredResponse.of(answer));
        if (report.hasErrors()) {
            throw new AssertionError(request.getMethod() + " " + target.getRawPath() + " answered " + answer.statusCode()
                    + ", which the API description does not allow:\n" + report.getMessages().stream()
                    .map(message -> "- " + message.getKey() + ": " + message.getMessage()
                            + (message.getAdditionalInfo().isEmpty() ? "" : " " + message.getAdditionalInfo()))
                    .reduce((a, b) -> a + "\n" + b).orElse("")
                    + "\nbody: " + answer.asString());
        }
        return answer;
    }

    /** Runs after every other filter, so that it sees a call's marker and the request as sent. */
    @Override
    public int getOrder() {
        return LOWEST_PRECEDENCE;
    }

    private static OpenApiInteractionValidator validatorFor(String service) {
        return OpenApiInteractionValidator.createForInlineApiSpecification(nullAsTheValidatorReadsIt(served(service)))
                // The description lists every property of what the service answers and accepts; the
                // service refuses unknown fields (docs/errors.md), and clients must be told all.
                .withLevelResolver(LevelResolver.create()
                        .withLevel("validation.schema.additionalProperties", ValidationReport.Level.ERROR)
                        .build())
                .build();
    }

    /**
     * REST Assured adds {@code auth().oauth2(token)} to the request only as it sends it, after the
     * filters: the check sees the header the service receives.
     */
    private static Request withBearerToken(Request sent, FilterableRequestSpecification request) {
        if (!(request.getAuthenticationScheme() instanceof PreemptiveOAuth2HeaderScheme oauth2)
                || sent.getHeaderValue("Authorization").isPresent()) {
            return sent;
        }
        String authorization = "Bearer " + oauth2.getAccessToken();
        return new Request() {
            @Override
            public String getPath() {
                return sent.getPath();
            }

            @Override
            public Method getMethod() {
                return sent.getMethod();
            }

            @Override
            public Optional<String> getBody() {
                return sent.getBody();
            }

            @Override
            public Optional<com.atlassian.oai.validator.model.Body> getRequestBody() {
                return sent.getRequestBody();
            }

            @Override
            public Collection<String> getQueryParameters() {
                return sent.getQueryParameters();
            }

            @Override
            public Collection<String> getQueryParameterValues(String name) {
                return sent.getQueryParameterValues(name);
            }

            @Override
            public Map<String, Collection<String>> getHeaders() {
                Map<String, Collection<String>> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
                headers.putAll(sent.getHeaders());
                headers.put("Authorization", List.of(authorization));
                return headers;
            }

            @Override
            public Collection<String> getHeaderValues(String name) {
                return "Authorization".equalsIgnoreCase(name) ? List.of(authorization) : sent.getHeaderValues(name);
            }
        };
    }

    /**
     * The description with each nullable schema in the form the validator reads. OpenAPI 3.0 lets
     * null through wherever {@code nullable: true} stands beside the type; the validator also holds
     * null to the enumeration beside it and to the reference in {@code allOf} (a nullable enum or
     * object, as ApiDescriptionFilter writes it). So in the copy it checks against, a nullable
     * enumeration lists null, and a nullable reference is "the reference, or null".
     */
    static String nullAsTheValidatorReadsIt(String description) {
        try {
            com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
            com.fasterxml.jackson.databind.JsonNode tree = json.readTree(description);
            nullable(tree);
            return json.writeValueAsString(tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void nullable(com.fasterxml.jackson.databind.JsonNode node) {
        if (node instanceof com.fasterxml.jackson.databind.node.ObjectNode object
                && object.path("nullable").asBoolean(false)) {
            if (object.get("enum") instanceof com.fasterxml.jackson.databind.node.ArrayNode values
                    && java.util.stream.StreamSupport.stream(values.spliterator(), false).noneMatch(com.fasterxml.jackson.databind.JsonNode::isNull)) {
                values.addNull();
            }
            if (object.get("allOf") instanceof com.fasterxml.jackson.databind.node.ArrayNode parts && parts.size() == 1) {
                com.fasterxml.jackson.databind.node.ObjectNode onlyNull = object.objectNode();
                onlyNull.put("type", object.path("type").asText("object")).put("nullable", true).putArray("enum").addNull();
                object.remove(List.of("allOf", "type", "nullable"));
                object.putArray("anyOf").add(parts.get(0)).add(onlyNull);
            }
        }
        node.forEach(ApiContract::nullable);
    }

    /** The description as the service serves it, read without REST Assured (and so without this filter). */
    public static String served(String service) {
        try {
            HttpResponse<String> answer = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(service + "/q/openapi?format=json")).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException(service + "/q/openapi answered " + answer.statusCode());
            }
            return answer.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * For a call that a load test times, where the check would be counted in the latency measured:
     * nothing is checked, and {@code why} says so in the test. The same operation must be checked
     * on its other calls.
     */
    public static Filter untimed(String why) {
        if (why == null || why.isBlank()) {
            throw new IllegalArgumentException("say why the call's check would distort what is measured");
        }
        return new Marker(NOT_DESCRIBED, why);
    }

    /** Marks one call for the check, first in the chain. */
    private record Marker(String key, String why) implements OrderedFilter {

        @Override
        public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification response,
                               FilterContext context) {
            context.setValue(key, why);
            return context.next(request, response);
        }

        @Override
        public int getOrder() {
            return HIGHEST_PRECEDENCE;
        }
    }
}
