package org.imprimatur.delivery;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * What the delivery API answers for a slug, computed once per publish: the serialized bytes of
 * each representation with their entity tags, or the reason there is nothing to show.
 */
public sealed interface Rendition {

    int weight();

    /** A live version: JSON and JSON-LD bytes with their strong ETags, headers formatted once. */
    record Live(byte[] json, String jsonETag, byte[] jsonLd, String jsonLdETag, String lastModified) implements Rendition {

        public static Live of(byte[] json, String jsonETag, byte[] jsonLd, String jsonLdETag, Instant lastModified) {
            return new Live(json, jsonETag, jsonLd, jsonLdETag,
                    DateTimeFormatter.RFC_1123_DATE_TIME.format(lastModified.atOffset(ZoneOffset.UTC)));
        }

        /** A representation that exists as JSON alone, such as an article's provenance. */
        public static Live jsonOnly(byte[] json, String etag, Instant lastModified) {
            return of(json, etag, json, etag, lastModified);
        }

        public byte[] body(boolean asJsonLd) {
            return asJsonLd ? jsonLd : json;
        }

        public String etag(boolean asJsonLd) {
            return asJsonLd ? jsonLdETag : jsonETag;
        }

        @Override
        public int weight() {
            return json.length + jsonLd.length + 256;
        }
    }

    /** Taken off the delivery API with a reason: 410. */
    record Retracted(String reason) implements Rendition {
        @Override
        public int weight() {
            return reason.length() * 2 + 64;
        }
    }

    /** Never published or unknown: 404. */
    record Missing() implements Rendition {
        @Override
        public int weight() {
            return 64;
        }
    }
}
