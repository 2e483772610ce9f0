package org.imprimatur.delivery;

import java.time.Instant;

/**
 * What the delivery API answers for a slug, computed once per publish: the serialized bytes of
 * each representation with their entity tags, or the reason there is nothing to show.
 */
public sealed interface Rendition {

    int weight();

    /** A live version: JSON and JSON-LD bytes with their strong ETags. */
    record Live(byte[] json, String jsonETag, byte[] jsonLd, String jsonLdETag, Instant lastModified) implements Rendition {
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
