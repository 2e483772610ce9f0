package org.imprimatur.delivery;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.imprimatur.article.ETags;

/**
 * The fast path of the delivery API: when the article is in the cache, the answer (200 or 304) is
 * written straight from its bytes on the I/O thread. Anything else (a miss, {@code ?at=}, a
 * retracted or unknown slug, an Accept header that allows neither JSON nor JSON-LD) goes on to
 * {@link DeliveryResource}.
 */
@ApplicationScoped
public class CachedArticleRoute {

    private final DeliveryCache cache;
    private final String cacheControl;

    public CachedArticleRoute(DeliveryCache cache, DeliverySettings settings) {
        this.cache = cache;
        this.cacheControl = settings.cacheControl();
    }

    void install(@Observes Router router) {
        router.get("/api/v1/articles/:slug").order(Integer.MIN_VALUE + 2).handler(context -> {
            String slug = context.pathParam("slug");
            Rendition rendition = context.request().query() == null ? cache.ifPresent(slug) : null;
            LiveHeaders.Representation wanted = LiveHeaders.negotiate(context.request().getHeader(HttpHeaders.ACCEPT));
            if (!(rendition instanceof Rendition.Live live) || wanted == LiveHeaders.Representation.NEITHER) {
                context.next();
                return;
            }
            boolean jsonLd = wanted == LiveHeaders.Representation.JSON_LD;
            HttpServerResponse response = context.response();
            LiveHeaders.each(live, jsonLd, cacheControl, response::putHeader);
            LiveHeaders.staleness(cache.staleSeconds(), response::putHeader);
            if (ETags.matches(context.request().getHeader(HttpHeaders.IF_NONE_MATCH), live.etag(jsonLd))) {
                response.setStatusCode(304).end();
                return;
            }
            response.putHeader(HttpHeaders.CONTENT_TYPE, jsonLd ? LiveHeaders.JSON_LD : "application/json")
                    .end(Buffer.buffer(live.body(jsonLd)));
        });
    }
}
