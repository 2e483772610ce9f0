package org.imprimatur.delivery;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How the public delivery API caches and how long it may serve from memory without its database. */
@ConfigMapping(prefix = "imprimatur.delivery")
public interface DeliverySettings {

    /** {@code Cache-Control} of delivered articles. */
    @WithDefault("public, max-age=60, stale-while-revalidate=300")
    String cacheControl();

    /** Memory bound of the rendered articles. */
    @WithDefault("256M")
    MemorySize cacheMaxSize();

    /** Memory bound of the cached list and search pages. */
    @WithDefault("64M")
    MemorySize pageCacheMaxSize();

    /**
     * How long after losing its database a replica may still answer from its cache. Unset, it is
     * the staleness {@link #cacheControl()} already grants every other cache: max-age plus
     * stale-while-revalidate (docs/delivery.md, "When the database is away").
     */
    Optional<Duration> maxStale();

    /** Memory bound of the answers for an earlier instant ({@code ?at=}), each rendered once. */
    @WithDefault("32M")
    MemorySize historyCacheMaxSize();

    // imprimatur.delivery.image-hosts is mapped by article.ImageSettings: saving checks images against it too.

    default Duration effectiveMaxStale() {
        return maxStale().orElseGet(() -> grantedStaleness(cacheControl()));
    }

    Pattern DIRECTIVE = Pattern.compile("(?i)\\b(max-age|stale-while-revalidate)\\s*=\\s*(\\d+)");

    static Duration grantedStaleness(String cacheControl) {
        long seconds = 0;
        Matcher directive = DIRECTIVE.matcher(cacheControl);
        while (directive.find()) {
            seconds += Long.parseLong(directive.group(2));
        }
        return Duration.ofSeconds(seconds);
    }
}
