package org.imprimatur.delivery;

import java.util.function.BiConsumer;

/** The headers of a live article, the same on the fast path and through the resource. */
final class LiveHeaders {

    static final String JSON_LD = "application/ld+json";

    private LiveHeaders() {
    }

    static boolean wantsJsonLd(String accept) {
        return accept != null && accept.contains(JSON_LD);
    }

    static void each(Rendition.Live live, boolean jsonLd, String cacheControl, BiConsumer<String, String> header) {
        header.accept("ETag", live.etag(jsonLd));
        header.accept("Last-Modified", live.lastModified());
        header.accept("Cache-Control", cacheControl);
        header.accept("Vary", "Accept");
    }
}
