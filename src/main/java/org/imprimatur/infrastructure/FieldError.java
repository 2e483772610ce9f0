package org.imprimatur.infrastructure;

/** One failed rule of a request body, located by a JSON path such as {@code sections[3].body}. */
public record FieldError(String field, String message) {
}
