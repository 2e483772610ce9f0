package org.imprimatur.infrastructure;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.Map;

/**
 * Refuses an over-long request target (414) or over-large headers (431) with a problem document.
 * The HTTP layer itself would answer both with an empty body before any handler runs, so its own
 * limits are set higher (application.properties) and these, lower ones, are enforced here
 * (docs/errors.md). Past the HTTP layer's limits its bare answer remains.
 */
@ApplicationScoped
public class HeaderLimits {

    static final int MAX_URI_LENGTH = 8 * 1024;
    static final int MAX_HEADER_BYTES = 16 * 1024;

    private final ObjectMapper mapper;
    private final Problem uriTooLong;
    private final Problem headersTooLarge;

    public HeaderLimits(ObjectMapper mapper) {
        this.mapper = mapper;
        this.uriTooLong = Problem.of(414, "uri-too-long", "URI too long",
                "The request target may have at most " + MAX_URI_LENGTH + " characters.");
        this.headersTooLarge = Problem.of(431, "headers-too-large",
                "Request header fields too large", "Request headers may have at most " + MAX_HEADER_BYTES + " bytes in all.");
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).handler(this::check);
    }

    private void check(RoutingContext context) {
        if (context.request().uri().length() > MAX_URI_LENGTH) {
            refuse(context, 414, uriTooLong);
        } else if (headerBytes(context) > MAX_HEADER_BYTES) {
            refuse(context, 431, headersTooLarge);
        } else {
            context.next();
        }
    }

    private static int headerBytes(RoutingContext context) {
        int bytes = 0;
        for (Map.Entry<String, String> header : context.request().headers()) {
            bytes += header.getKey().length() + header.getValue().length() + 4;
        }
        return bytes;
    }

    private void refuse(RoutingContext context, int status, Problem problem) {
        ProblemMappers.end(context, mapper, problem);
    }
}
