package org.imprimatur.article;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The names by which clients, the database and pages know the constants of an enum of the content
 * model: the constant's name in kebab case, {@code META_ANALYSIS} as {@code meta-analysis}.
 */
final class JsonNames<E extends Enum<E>> {

    private final Map<String, E> byName;
    private final String allowed;

    JsonNames(E[] constants, Function<E, String> jsonName) {
        this.byName = Arrays.stream(constants).collect(Collectors.toMap(jsonName, Function.identity()));
        this.allowed = Arrays.stream(constants).map(jsonName).collect(Collectors.joining(", "));
    }

    static String of(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    Optional<E> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** All names, comma-separated, for the message that refuses an unknown one. */
    String allowed() {
        return allowed;
    }
}
