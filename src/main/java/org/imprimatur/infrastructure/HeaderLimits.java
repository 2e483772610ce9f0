package org.imprimatur.infrastructure;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
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

    private final byte[] uriTooLong;
    private final byte[] headersTooLarge;

    public HeaderLimits(ObjectMapper mapper) throws Exception {
        this.uriTooLong = mapper.writeValueAsBytes(Problem.of(414, "uri-too-long", "URI too long",
                "The request target may have at most " + MAX_URI_LENGTH + " characters."));
        this.headersTooLarge = mapper.writeValueAsBytes(Problem.of(431, "headers-too-large",
                "Request header fields too large", "Request headers may have at most " + MAX_HEADER_BYTES + " bytes in all."));
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::check);
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

    private static void refuse(RoutingContext context, int status, byte[] problem) {
        context.response().setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(Buffer.buffer(problem));
    }
}
