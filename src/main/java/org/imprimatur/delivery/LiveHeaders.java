package org.imprimatur.delivery;

import jakarta.ws.rs.core.HttpHeaders;
import org.imprimatur.infrastructure.ApiDescriptionFilter;

import java.util.Locale;
import java.util.function.BiConsumer;

/** The headers of a live article, the same on the fast path and through the resource. */
final class LiveHeaders {

    static final String JSON_LD = "application/ld+json";

    private LiveHeaders() {
    }

    /**
     * Marks an answer served from the cache while the database is away (RFC 9111 Age, RFC 9211
     * Cache-Status); nothing when {@code staleSeconds} is negative, i.e. the cache is current.
     */
    static void staleness(long staleSeconds, BiConsumer<String, String> header) {
        if (staleSeconds >= 0) {
            header.accept(ApiDescriptionFilter.AGE, Long.toString(staleSeconds));
            header.accept(ApiDescriptionFilter.CACHE_STATUS, "imprimatur; hit; detail=stale-if-error");
        }
    }

    /** What an Accept header asks for; NEITHER is answered with 406 by the resource. */
    enum Representation { JSON, JSON_LD, NEITHER }

    /**
     * JSON-LD when the client names it and values it at least as high as plain JSON (q-values and
     * wildcards weighed as RFC 9110 says, media types in any case); JSON when it accepts JSON;
     * NEITHER when it accepts neither. One pass over the header, and none for the common headers.
     */
    static Representation negotiate(String accept) {
        if (accept == null || accept.equals("*/*") || accept.equals("application/json")) {
            return Representation.JSON;
        }
        Preference json = new Preference();
        Preference jsonLd = new Preference();
        for (String range : accept.split(",")) {
            String[] parts = range.split(";");
            String[] media = parts[0].strip().toLowerCase(Locale.ROOT).split("/", 2);
            if (media.length == 2) {
                json.consider(media[0], media[1], "json", parts);
                jsonLd.consider(media[0], media[1], "ld+json", parts);
            }
        }
        if (json.quality == 0 && jsonLd.quality == 0) {
            return Representation.NEITHER;
        }
        boolean named = jsonLd.specificity == Preference.EXACT;
        return named && jsonLd.quality > 0 && jsonLd.quality >= json.quality ? Representation.JSON_LD : Representation.JSON;
    }

    /** The q-value of the most specific media range that covers application/{subtype}. */
    private static final class Preference {
        static final int EXACT = 2;
        int specificity = -1;
        double quality;

        void consider(String type, String subtype, String wanted, String[] parts) {
            int covers = type.equals("application") && subtype.equals(wanted) ? EXACT
                    : type.equals("application") && subtype.equals("*") ? 1
                    : type.equals("*") && subtype.equals("*") ? 0 : -1;
            if (covers > specificity) {
                specificity = covers;
                quality = qValue(parts);
            }
        }
    }

    private static double qValue(String[] parameters) {
        for (int i = 1; i < parameters.length; i++) {
            String parameter = parameters[i].strip();
            if (parameter.length() > 2 && (parameter.charAt(0) == 'q' || parameter.charAt(0) == 'Q')
                    && parameter.charAt(1) == '=') {
                try {
                    return Math.max(0, Math.min(1, Double.parseDouble(parameter.substring(2).strip())));
                } catch (NumberFormatException malformed) {
                    return 1;
                }
            }
        }
        return 1;
    }

    static void each(Rendition.Live live, boolean jsonLd, String cacheControl, BiConsumer<String, String> header) {
        header.accept(HttpHeaders.ETAG, live.etag(jsonLd));
        header.accept(HttpHeaders.LAST_MODIFIED, live.lastModified());
        header.accept(HttpHeaders.CACHE_CONTROL, cacheControl);
        header.accept(HttpHeaders.VARY, HttpHeaders.ACCEPT);
    }
}
