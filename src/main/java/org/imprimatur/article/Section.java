package org.imprimatur.article;

/** One ordered part of an article; {@code key} follows the section across versions; {@code aspect} may be null. */
public record Section(String key, String heading, HealthAspect aspect, String body) {

    /** The aspect's JSON name, or null when the section has none. */
    public String aspectName() {
        return aspect == null ? null : aspect.jsonName();
    }
}
