package org.imprimatur.delivery;

import java.util.function.BiConsumer;

/** The headers of a live article, the same on the fast path and through the resource. */
final class LiveHeaders {

    static final String JSON_LD = "application/ld+json";

    private LiveHeaders() {
    }

    /**
     * JSON-LD when the client names it and values it above plain JSON (q-values and wildcards
     * weighed as RFC 9110 says); JSON otherwise, also when the client accepts neither.
     */
    static boolean wantsJsonLd(String accept) {
        if (accept == null || !namesJsonLd(accept)) {
            return false; // the common case, decided without parsing
        }
        double jsonLd = quality(accept, "application", "ld+json");
        double json = quality(accept, "application", "json");
        return jsonLd > 0 && jsonLd >= json;
    }

    /** True when the client accepts neither JSON nor JSON-LD: the resource answers that with 406. */
    static boolean acceptsNeither(String accept) {
        if (accept == null || accept.equals("*/*") || accept.equals("application/json")) {
            return false; // the common cases, decided without parsing
        }
        return quality(accept, "application", "json") == 0 && quality(accept, "application", "ld+json") == 0;
    }

    private static boolean namesJsonLd(String accept) {
        for (int at = 0; at + JSON_LD.length() <= accept.length(); at++) {
            if (accept.regionMatches(true, at, JSON_LD, 0, JSON_LD.length())) {
                return true;
            }
        }
        return false;
    }

    /** The q-value of the most specific media range in {@code accept} that covers type/subtype. */
    private static double quality(String accept, String type, String subtype) {
        int bestSpecificity = -1;
        double quality = 0;
        for (String range : accept.split(",")) {
            String[] parts = range.split(";");
            String[] media = parts[0].strip().toLowerCase(java.util.Locale.ROOT).split("/", 2);
            if (media.length != 2) {
                continue;
            }
            int specificity = media[0].equals(type) && media[1].equals(subtype) ? 2
                    : media[0].equals(type) && media[1].equals("*") ? 1
                    : media[0].equals("*") && media[1].equals("*") ? 0 : -1;
            if (specificity > bestSpecificity) {
                bestSpecificity = specificity;
                quality = qValue(parts);
            }
        }
        return quality;
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
        header.accept("ETag", live.etag(jsonLd));
        header.accept("Last-Modified", live.lastModified());
        header.accept("Cache-Control", cacheControl);
        header.accept("Vary", "Accept");
    }
}
