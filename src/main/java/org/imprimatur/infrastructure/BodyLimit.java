package org.imprimatur.infrastructure;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Refuses a body over the limit with a problem document rather than the HTTP layer's empty 413:
 * before reading it when its length is declared, while reading it when it is sent in chunks. A
 * streamed body ({@value #STREAMED_MEDIA_TYPE}, an import) is read line by line by its resource and
 * never held whole: it has the larger streamed limit, and is not buffered here to be counted (the HTTP
 * layer, given the same limit, counts it as it is read).
 */
@ApplicationScoped
public class BodyLimit {

    public static final String STREAMED_MEDIA_TYPE = "application/x-ndjson";

    private final long maxBytes;
    private final long maxStreamedBytes;
    private final Problem problem;
    private final Problem streamedProblem;
    private final ObjectMapper mapper;

    public BodyLimit(ServiceSettings settings, ObjectMapper mapper) throws Exception {
        this.maxBytes = settings.maxBodySize().asLongValue();
        this.mapper = mapper;
        this.maxStreamedBytes = settings.maxStreamedBodySize().asLongValue();
        this.problem = Problem.of(413, "body-too-large", "Request body too large",
                "Request bodies may have at most " + maxBytes + " bytes.");
        this.streamedProblem = Problem.of(413, "body-too-large", "Request body too large",
                "Streamed request bodies may have at most " + maxStreamedBytes + " bytes.");
    }

    void install(@Observes Router router) {
        BodyHandler counted = BodyHandler.create(false).setBodyLimit(maxBytes);
        router.route().order(Integer.MIN_VALUE + 1).handler(context -> {
            String declared = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (isStreamed(context)) {
                if (declared != null && isOver(declared, maxStreamedBytes)) {
                    ProblemMappers.end(context, mapper, streamedProblem);
                } else {
                    context.next();
                }
            } else if (declared != null && isOver(declared, maxBytes)) {
                refuse(context);
            } else if (declared == null && (context.request().headers().contains(HttpHeaders.TRANSFER_ENCODING)
                    || sendsAnHttp2Body(context))) {
                // A chunked body announces no length: read it here, counting, so that one over
                // the limit is refused with the same problem document. (HTTP/2 announces neither.)
                counted.handle(context);
            } else {
                context.next();
            }
        }).failureHandler(context -> {
            if (context.statusCode() == 413) {
                refuse(context);
            } else {
                context.next();
            }
        });
    }

    private void refuse(RoutingContext context) {
        ProblemMappers.end(context, mapper, problem);
    }

    /**
     * An HTTP/2 request whose body is still to come. A request that ended with its headers (a GET)
     * has none, and reading it here would leave nothing for the resource to read.
     */
    private static boolean sendsAnHttp2Body(RoutingContext context) {
        return context.request().version() == io.vertx.core.http.HttpVersion.HTTP_2 && !context.request().isEnded()
                && BODY_METHODS.contains(context.request().method());
    }

    private static final java.util.Set<io.vertx.core.http.HttpMethod> BODY_METHODS = java.util.Set.of(
            io.vertx.core.http.HttpMethod.POST, io.vertx.core.http.HttpMethod.PUT, io.vertx.core.http.HttpMethod.PATCH);

    private static boolean isStreamed(RoutingContext context) {
        String type = context.request().getHeader(HttpHeaders.CONTENT_TYPE);
        return type != null && type.strip().toLowerCase(java.util.Locale.ROOT).startsWith(STREAMED_MEDIA_TYPE);
    }

    private static boolean isOver(String declared, long limit) {
        try {
            return Long.parseLong(declared.strip()) > limit;
        } catch (NumberFormatException malformed) {
            return false;
        }
    }
}
