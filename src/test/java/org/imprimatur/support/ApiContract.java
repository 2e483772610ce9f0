package org.imprimatur.support;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.RestAssuredRequest;
import com.atlassian.oai.validator.restassured.RestAssuredResponse;
import io.restassured.RestAssured;
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
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Holds every API call of the tests to the API description that the called service serves at
 * {@code /q/openapi}: the request against its operation, and the answer (status, headers, media
 * type and body, with no property the description lacks). A call that sends bad input on purpose
 * says so with {@link #answerOnly()}, and only its answer is checked; a call the description cannot
 * describe at all (a path or method the API does not have) says why with {@link #notDescribed}.
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
        Request sent = RestAssuredRequest.of(request);
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
        return OpenApiInteractionValidator.createForInlineApiSpecification(served(service))
                // The description lists every property of what the service answers and accepts; the
                // service refuses unknown fields (docs/errors.md), and clients must be told all.
                .withLevelResolver(LevelResolver.create()
                        .withLevel("validation.schema.additionalProperties", ValidationReport.Level.ERROR)
                        .build())
                .build();
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
