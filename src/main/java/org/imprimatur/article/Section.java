package org.imprimatur.article;

/** One ordered part of an article; {@code key} follows the section across versions. */
public record Section(String key, String heading, String aspect, String body) {
}
