package org.imprimatur.infrastructure;


import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.hibernate.exception.ConstraintViolationException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;
import java.util.UUID;

/** Every failure leaves the service as RFC 9457 problem+json; nothing else answers an error. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return problemDocument(e);
    }

    /** A refusal as its problem document, with Retry-After where it has one. */
    public static Response problemDocument(ProblemException e) {
        Response response = respond(e.problem());
        return e.retryAfterSeconds() == null ? response
                : Response.fromResponse(response).header(HttpHeaders.RETRY_AFTER, e.retryAfterSeconds()).build();
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e) {
        return unauthenticated();
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e) {
        // A verifier that refused a token for a reason worth naming (an external identity's
        // invalid claims) left its problem document as the cause.
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof ProblemException named && named.problem().status() == 401) {
                return Response.fromResponse(problemDocument(named)).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
            }
        }
        return unauthenticated();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return respond(Problem.of(403, "forbidden", "Forbidden",
                "Your roles do not allow this request."));
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonParseException e) {
        return respond(Problem.of(400, "malformed-body", "Malformed request body",
                "The body is not valid JSON in UTF-8: " + e.getOriginalMessage()));
    }

    @ServerExceptionMapper
    public Response unknownProperty(UnrecognizedPropertyException e) {
        return fieldProblem(e, "is not a known field");
    }

    // The JSON library's own messages name Java types; clients get JSON's words instead.
    @ServerExceptionMapper
    public Response wrongFormat(InvalidFormatException e) {
        return fieldProblem(e, "must be " + JsonTypes.describe(e.getTargetType()));
    }

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e) {
        return fieldProblem(e, "must be " + JsonTypes.describe(e.getTargetType()));
    }

    @ServerExceptionMapper
    public Response unmappableJson(JsonMappingException e) {
        return fieldProblem(e, "has a value that cannot be read here");
    }

    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e) {
        // The parser's own words (bad bytes, bad syntax) name no Java type; the mapper's might.
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof com.fasterxml.jackson.core.exc.StreamReadException parser) {
                return respond(Problem.of(400, "malformed-body", "Malformed request body",
                        "The body is not valid JSON in UTF-8: " + parser.getOriginalMessage()));
            }
        }
        if (e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Invalid UTF-8")) {
            return respond(Problem.of(400, "malformed-body", "Malformed request body",
                    "The body is not valid JSON in UTF-8: " + e.getOriginalMessage()));
        }
        return respond(Problem.of(400, "malformed-body", "Malformed request body",
                "The body could not be read as the JSON this request expects."));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        // The JSON reader reports a body that does not parse as a bare 400 with the parser's
        // exception as the cause: answer it with what is wrong and where.
        if (e.getCause() instanceof JsonParseException unparsable) {
            return unreadableJson(unparsable);
        }
        if (e.getCause() instanceof JsonProcessingException unreadable) {
            return unreadable(unreadable);
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e);
        }
        String reason = e.getResponse().getStatusInfo().getReasonPhrase();
        return respond(Problem.of(status, "http-" + status, reason, e.getMessage()));
    }

    @ServerExceptionMapper
    public Response optimisticLock(OptimisticLockException e) {
        return respond(Problem.of(409, "concurrent-change", "Concurrent change",
                "Another request changed this article at the same time; read it again and retry."));
    }

    @ServerExceptionMapper
    public Response persistence(PersistenceException e) {
        Throwable cause = e;
        while (cause != null && !(cause instanceof ConstraintViolationException)) {
            cause = cause.getCause();
        }
        if (cause instanceof ConstraintViolationException violation) {
            // The constraint's name is for the log, not for clients: it describes our schema.
            LOG.debugf("Constraint %s refused a write", violation.getConstraintName());
            return respond(Problem.of(409, "constraint", "Refused by the database",
                    "The change conflicts with data stored in the meantime; read the article again and retry."));
        }
        return unexpected(e);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        if (DatabaseUnavailable.causes(e)) {
            LOG.warnf("Database unavailable: %s", e.getMessage());
            return Response.status(503)
                    .header(HttpHeaders.RETRY_AFTER, DatabaseUnavailable.RETRY_AFTER_SECONDS)
                    .type(Problem.MEDIA_TYPE)
                    .entity(Problem.of(503, "database-unavailable", "Service unavailable",
                            "The database cannot be reached right now; try again in a few seconds."))
                    .build();
        }
        String requestId = RequestIds.current() != null ? RequestIds.current() : UUID.randomUUID().toString();
        LOG.errorf(escaped(e, 0), "Unexpected failure of request %s", requestId);
        return respond(Problem.of(500, "internal", "Internal error",
                "The request failed on our side; quote the request id when reporting it.")
                .withRequestId(requestId));
    }

    private static Response fieldProblem(JsonMappingException e, String message) {
        String field = JsonPaths.of(e.getPath());
        FieldError error = new FieldError(field.isEmpty() ? "$" : field, message);
        return respond(Problem.of(400, "malformed-body", "Malformed request body",
                error.field() + " " + message).withErrors(List.of(error)));
    }

    private static Response unauthenticated() {
        return Response.status(401)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .type(Problem.MEDIA_TYPE)
                .entity(Problem.of(401, "unauthorized", "Unauthorized",
                        "A valid bearer token is required."))
                .build();
    }

    /**
     * Ends a Vert.x-level answer (before any resource runs) with the problem document, stamped
     * with the request's id, and closes the connection: what remains of the request is not read.
     */
    public static void end(io.vertx.ext.web.RoutingContext context, com.fasterxml.jackson.databind.ObjectMapper mapper,
                           Problem problem) {
        Object requestId = context.get(RequestIds.MDC_KEY);
        byte[] body;
        try {
            body = mapper.writeValueAsBytes(problem.withRequestId(requestId == null ? null : requestId.toString()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        context.response().setStatusCode(problem.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader("Connection", "close")
                .end(io.vertx.core.buffer.Buffer.buffer(body));
    }

    public static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    /**
     * The failure as it is logged: the same types and stack traces, with every message escaped onto
     * one line, since a message may quote what a client sent (docs/security.md, "Control characters").
     */
    static Throwable escaped(Throwable failure, int depth) {
        Throwable cause = failure.getCause() == null || depth > 8 ? null : escaped(failure.getCause(), depth + 1);
        Throwable copy = new EscapedFailure(failure.getClass().getName()
                + (failure.getMessage() == null ? "" : ": " + ControlCharacters.forLog(failure.getMessage())), cause);
        copy.setStackTrace(failure.getStackTrace());
        return copy;
    }

    /** A failure's copy for the log, named after the original's type in its message. */
    private static final class EscapedFailure extends RuntimeException {
        EscapedFailure(String message, Throwable cause) {
            super(message, cause, false, true);
        }

        @Override
        public String toString() {
            return getMessage();
        }
    }
}
