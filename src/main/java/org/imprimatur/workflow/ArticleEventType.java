package org.imprimatur.workflow;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The events the outbox records (docs/integration.md). Webhooks and CloudEvents name them
 * {@code org.imprimatur.article.<name>}, the outbox table by {@link #wireName()} alone.
 */
public enum ArticleEventType {
    SUBMITTED, WITHDRAWN, CHANGES_REQUESTED, APPROVED, SCHEDULED, PUBLISHED, RETRACTED, RECONFIRMED,
    REVIEW_DUE_SOON, REVIEW_OVERDUE, TRANSLATION_OUTDATED,
    /** A release went live: one event for all its articles, after each one's {@code published}. */
    RELEASE_PUBLISHED,
    /** A release was reverted: one event after each article's own. */
    RELEASE_REVERTED;

    public static final String CLOUD_EVENT_PREFIX = "org.imprimatur.article.";

    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The name webhooks, their delivery log and CloudEvents use: its name in JSON. */
    @JsonValue
    public String cloudEventType() {
        return CLOUD_EVENT_PREFIX + wireName();
    }

    /** The events about a release rather than one article: they carry no article id or slug. */
    public boolean aboutARelease() {
        return this == RELEASE_PUBLISHED || this == RELEASE_REVERTED;
    }

    public static Optional<ArticleEventType> fromWireName(String name) {
        return Arrays.stream(values()).filter(type -> type.wireName().equals(name)).findFirst();
    }

    public static Optional<ArticleEventType> fromCloudEventType(String type) {
        return type != null && type.startsWith(CLOUD_EVENT_PREFIX)
                ? fromWireName(type.substring(CLOUD_EVENT_PREFIX.length())) : Optional.empty();
    }

    public static List<String> cloudEventTypes() {
        return Arrays.stream(values()).map(ArticleEventType::cloudEventType).toList();
    }
}
