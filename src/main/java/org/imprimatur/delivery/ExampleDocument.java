package org.imprimatur.delivery;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Serves {@code /examples/article.json}, an example of what the delivery API returns, from memory.
 * Being a constant of an article's size, it is also the ceiling the delivery benchmark compares with.
 */
@ApplicationScoped
public class ExampleDocument {

    static final String PATH = "/examples/article.json";

    void install(@Observes Router router) {
        Buffer document = Buffer.buffer(read());
        router.get(PATH).order(Integer.MIN_VALUE + 1).handler(context -> context.response()
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .putHeader(HttpHeaders.CACHE_CONTROL, "public, max-age=3600")
                .end(document));
    }

    private static byte[] read() {
        try (InputStream in = ExampleDocument.class.getResourceAsStream("/examples/article.json")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
