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
 * before reading it when its length is declared, while reading it when it is sent in chunks.
 */
@ApplicationScoped
public class BodyLimit {

    private final long maxBytes;
    private final Problem problem;
    private final ObjectMapper mapper;

    public BodyLimit(ServiceSettings settings, ObjectMapper mapper) throws Exception {
        this.maxBytes = settings.maxBodySize().asLongValue();
        this.mapper = mapper;
        this.problem = Problem.of(413, "body-too-large", "Request body too large",
                "Request bodies may have at most " + maxBytes + " bytes.");
    }

    void install(@Observes Router router) {
        BodyHandler counted = BodyHandler.create(false).setBodyLimit(maxBytes);
        router.route().order(Integer.MIN_VALUE + 1).handler(context -> {
            String declared = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (declared != null && isOver(declared)) {
                refuse(context);
            } else if (declared == null && context.request().headers().contains(HttpHeaders.TRANSFER_ENCODING)) {
                // A chunked body announces no length: read it here, counting, so that one over
                // the limit is refused with the same problem document.
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

    private boolean isOver(String declared) {
        try {
            return Long.parseLong(declared.strip()) > maxBytes;
        } catch (NumberFormatException malformed) {
            return false;
        }
    }
}
