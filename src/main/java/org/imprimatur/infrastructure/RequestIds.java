package org.imprimatur.infrastructure;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.MDC;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Gives every request an id: the caller's {@code X-Request-Id} when it is a sensible token, else a
 * new one. It is echoed in the response, put in every log line written for the request (MDC key
 * {@code requestId}) and in every problem document, so that a report can be matched with the logs
 * (docs/operations.md).
 */
@ApplicationScoped
public class RequestIds {

    public static final String HEADER = "X-Request-Id";
    static final String MDC_KEY = "requestId";
    static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    void install(@Observes Router router) {
        // Before every other handler, so that even the earliest refusals carry the id.
        router.route().order(Integer.MIN_VALUE).handler(context -> {
            String offered = context.request().getHeader(HEADER);
            String id = offered != null && ACCEPTABLE.matcher(offered).matches() ? offered : newId();
            MDC.put(MDC_KEY, id);
            context.put(MDC_KEY, id);
            context.response().putHeader(HEADER, id);
            context.next();
        });
    }

    /**
     * A random version-4 UUID. Request ids need not be unguessable, and this runs for every request,
     * the cached delivery path included: no SecureRandom (shared and locking) on the I/O threads.
     */
    static String newId() {
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }

    /** The id of the request being served on this thread, or null outside a request. */
    public static String current() {
        Object id = MDC.get(MDC_KEY);
        return id == null ? null : id.toString();
    }
}
