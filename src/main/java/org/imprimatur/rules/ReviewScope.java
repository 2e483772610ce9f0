package org.imprimatur.rules;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What an approval certifies (docs/workflow.md, "Review scope"): the change since the live version
 * alone, or the whole article with its evidence. Only a full review sets new review dates.
 */
public enum ReviewScope {
    /** The reviewer checked the change; the review dates of the last full review stay. */
    CHANGE,
    /** The reviewer checked the whole article and confirmed every source as current. */
    FULL;

    private final String wireName = name().toLowerCase(Locale.ROOT);

    /** The name in JSON, in forms and in the review_records.scope column. */
    public String wireName() {
        return wireName;
    }

    public static Optional<ReviewScope> fromWireName(String name) {
        return Arrays.stream(values()).filter(scope -> scope.wireName.equals(name)).findFirst();
    }
}
