package org.imprimatur.infrastructure;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses a body whose declared length is over the limit before it is read, with a problem
 * document rather than the HTTP layer's empty 413.
 */
@ApplicationScoped
public class BodyLimit {

    private final long maxBytes;
    private final byte[] problem;

    public BodyLimit(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize,
                     ObjectMapper mapper) throws Exception {
        this.maxBytes = maxBodySize.asLongValue();
        this.problem = mapper.writeValueAsBytes(Problem.of(413, "body-too-large", "Request body too large",
                "Request bodies may have at most " + maxBytes + " bytes."));
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(context -> {
            String declared = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (declared != null && isOver(declared)) {
                context.response().setStatusCode(413)
                        .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                        .putHeader(HttpHeaders.CONNECTION, "close")
                        .end(io.vertx.core.buffer.Buffer.buffer(problem));
                return;
            }
            context.next();
        });
    }

    private boolean isOver(String declared) {
        try {
            return Long.parseLong(declared.strip()) > maxBytes;
        } catch (NumberFormatException malformed) {
            return false;
        }
    }
}
