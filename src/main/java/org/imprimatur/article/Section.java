package org.imprimatur.article;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
/** One ordered part of an article; {@code key} follows the section across versions; {@code aspect} may be null. */
public record Section(String key, String heading, @Schema(nullable = true) HealthAspect aspect, String body) {

    /** The aspect's JSON name, or null when the section has none. */
    public String aspectName() {
        return aspect == null ? null : aspect.jsonName();
    }
}
