package org.imprimatur.delivery;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.quarkus.runtime.configuration.MemorySize;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Renditions by slug, bounded by their size in bytes so that memory stays flat however many
 * articles there are. Entries leave when a publish or retract is announced (see
 * {@link PublicationListener}) or when space runs short.
 */
@ApplicationScoped
public class DeliveryCache {

    private final Cache<String, Rendition> renditions;
    private final DeliveryRepository repository;
    // Without a live LISTEN connection this replica would not hear of publishes: serve uncached.
    private volatile boolean listening;

    public DeliveryCache(DeliveryRepository repository,
                         @ConfigProperty(name = "imprimatur.delivery.cache-max-size", defaultValue = "256M") MemorySize maxSize) {
        this.repository = repository;
        this.renditions = Caffeine.newBuilder()
                .maximumWeight(maxSize.asLongValue())
                .weigher((String slug, Rendition rendition) -> rendition.weight() + slug.length() * 2)
                .recordStats()
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
        renditions.invalidateAll();
        listening = heard;
    }

    public void invalidate(String slug) {
        renditions.invalidate(slug);
    }

    public void invalidateAll() {
        renditions.invalidateAll();
    }

    public long size() {
        return renditions.estimatedSize();
    }
}
