package org.imprimatur.delivery;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.quarkus.runtime.configuration.MemorySize;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.imprimatur.workflow.LiveVersionChanged;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * Renditions by slug, bounded by their size in bytes so that memory stays flat however many
 * articles there are. Entries leave when a publish or retract commits here (before its response is
 * sent) or is announced by another replica (see {@link PublicationListener}), or when space runs
 * short.
 */
@ApplicationScoped
public class DeliveryCache {

    private final Cache<String, Rendition> renditions;
    // List and search pages as serialized JSON. They change with any publish anywhere, so any
    // announcement drops them all; the expiry only returns memory that rare queries hold.
    private final Cache<PageQuery, byte[]> pages;
    private final DeliveryRepository repository;
    // Without a live LISTEN connection this replica would not hear of publishes: serve uncached.
    private volatile boolean listening;

    public DeliveryCache(DeliveryRepository repository,
                         @ConfigProperty(name = "imprimatur.delivery.cache-max-size", defaultValue = "256M") MemorySize maxSize,
                         @ConfigProperty(name = "imprimatur.delivery.page-cache-max-size", defaultValue = "64M") MemorySize pagesMaxSize) {
        this.repository = repository;
        this.renditions = Caffeine.newBuilder()
                .maximumWeight(maxSize.asLongValue())
                .weigher((String slug, Rendition rendition) -> rendition.weight() + slug.length() * 2)
                .recordStats()
                .build();
        this.pages = Caffeine.newBuilder()
                .maximumWeight(pagesMaxSize.asLongValue())
                .weigher((PageQuery query, byte[] page) -> page.length + query.weight())
                .expireAfterWrite(Duration.ofMinutes(5))
                .build();
    }

    /** The cached rendition, without touching the database; null when it must be loaded. */
    public Rendition ifPresent(String slug) {
        return listening ? renditions.getIfPresent(slug) : null;
    }

    /** Loads (blocking, from PostgreSQL) and caches; concurrent loads of one slug share one query. */
    public Rendition load(String slug) {
        return listening ? renditions.get(slug, repository::current) : repository.current(slug);
    }

    /** Called by the listener: caching is trusted only while publications are being heard. */
    void listening(boolean heard) {
        if (!heard) {
            listening = false;
        }
        invalidateAll();
        listening = heard;
    }

    /** A list or search page as JSON bytes, without touching the database; null when it must be loaded. */
    public byte[] pageIfPresent(PageQuery query) {
        return listening ? pages.getIfPresent(query) : null;
    }

    public byte[] page(PageQuery query, Supplier<byte[]> loader) {
        return listening ? pages.get(query, key -> loader.get()) : loader.get();
    }

    /** A publish or retract of one article: its rendition and every list page may have changed. */
    public void invalidate(String slug) {
        renditions.invalidate(slug);
        pages.invalidateAll();
    }

    void onCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) LiveVersionChanged change) {
        invalidate(change.slug());
    }

    public void invalidateAll() {
        renditions.invalidateAll();
        pages.invalidateAll();
    }

    public long size() {
        return renditions.estimatedSize();
    }

    /** Bytes held by renditions, as the weigher counts them; never more than the configured maximum for long. */
    public long weightedSize() {
        return weightedSize(renditions);
    }

    /** Bytes held by list and search pages, likewise. */
    public long pagesWeightedSize() {
        return weightedSize(pages);
    }

    private static long weightedSize(Cache<?, ?> cache) {
        cache.cleanUp();
        return cache.policy().eviction().map(eviction -> eviction.weightedSize().orElse(0L)).orElse(0L);
    }
}
