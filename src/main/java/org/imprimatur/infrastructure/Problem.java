package org.imprimatur.infrastructure;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/** An RFC 9457 problem document; {@code errors} lists field-level failures of a request body. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String rule,
                      List<FieldError> errors, String requestId) {

    public static final String MEDIA_TYPE = "application/problem+json";
    static final String TYPE_PREFIX = "urn:imprimatur:problem:";

    public static Problem of(int status, String typeName, String title, String detail) {
        return new Problem(TYPE_PREFIX + typeName, title, status, detail, null, null, RequestIds.current());
    }

    public Problem withErrors(List<FieldError> fieldErrors) {
        return new Problem(type, title, status, detail, rule, fieldErrors, requestId);
    }

    public Problem withRule(String ruleName) {
        return new Problem(type, title, status, detail, ruleName, errors, requestId);
    }

    /** The request's id (X-Request-Id), by which the failure can be found in the logs. */
    public Problem withRequestId(String id) {
        return new Problem(type, title, status, detail, rule, errors, id);
    }
}
