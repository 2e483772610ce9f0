package org.imprimatur.infrastructure;

/** Query parameters arrive as text so that a malformed number is a 400 naming it, not a 404. */
public final class QueryParameters {

    private QueryParameters() {
    }

    public static Integer integer(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException malformed) {
            throw ProblemException.badRequest(name + " must be a whole number.");
        }
    }
}
