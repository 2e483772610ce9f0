package org.imprimatur.delivery;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.quarkus.runtime.configuration.MemorySize;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import org.imprimatur.workflow.LiveVersionChanged;

import java.time.Clock;
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
    // The provenance of each article's live version, kept and dropped with its rendition.
    private final Cache<String, Rendition> provenances;
    // List and search pages as serialized JSON. They change with any publish anywhere, so any
    // announcement drops them all; the expiry only returns memory that rare queries hold.
    private final Cache<PageQuery, byte[]> pages;
    private final DeliveryRepository repository;
    private final Clock clock;
    private final long maxStaleMillis;
    // While LISTENing, every publish anywhere reaches this cache, so what it holds is current.
    private volatile boolean listening;
    // When the LISTEN connection was lost (0 while listening): what the cache holds was current
    // then, and may be served, marked stale, until the bounded staleness has passed.
    private volatile long lostAtMillis;

    public DeliveryCache(DeliveryRepository repository, DeliverySettings settings, Clock clock) {
        this.repository = repository;
        this.clock = clock;
        this.maxStaleMillis = settings.effectiveMaxStale().toMillis();
        MemorySize maxSize = settings.cacheMaxSize();
        MemorySize pagesMaxSize = settings.pageCacheMaxSize();
        this.renditions = Caffeine.newBuilder()
                .maximumWeight(maxSize.asLongValue())
                .weigher((String slug, Rendition rendition) -> rendition.weight() + slug.length() * 2)
                .recordStats()
                .build();
        this.provenances = Caffeine.newBuilder()
                .maximumWeight(maxSize.asLongValue())
                .weigher((String slug, Rendition rendition) -> rendition.weight() + slug.length() * 2)
                .build();
        this.pages = Caffeine.newBuilder()
                .maximumWeight(pagesMaxSize.asLongValue())
                .weigher((PageQuery query, byte[] page) -> page.length + query.weight())
                .expireAfterWrite(Duration.ofMinutes(5))
                .build();
    }

    /**
     * The cached rendition, without touching the database; null when it must be loaded. Without
     * the database, renditions are still served for the bounded staleness; {@link #staleSeconds()}
     * tells the caller to mark them.
     */
    public Rendition ifPresent(String slug) {
        return usable() ? renditions.getIfPresent(slug) : null;
    }

    /** Seconds since this replica last knew its cache to be current, or -1 while it does (the Age of a stale answer). */
    public long staleSeconds() {
        long lostAt = lostAtMillis;
        return listening || lostAt == 0 ? -1 : Math.max(0, (clock.millis() - lostAt) / 1000);
    }

    private boolean usable() {
        if (listening) {
            return true;
        }
        long lostAt = lostAtMillis;
        return lostAt != 0 && clock.millis() - lostAt <= maxStaleMillis;
    }

    /** Loads (blocking, from PostgreSQL) and caches; concurrent loads of one slug share one query. */
    public Rendition load(String slug) {
        return listening ? renditions.get(slug, repository::current) : repository.current(slug);
    }

    /** The cached provenance of the live version (docs/delivery.md, "Provenance"), as {@link #ifPresent} is for the article. */
    public Rendition provenanceIfPresent(String slug) {
        return usable() ? provenances.getIfPresent(slug) : null;
    }

    /** Loads and caches the provenance, as {@link #load} does the article. */
    public Rendition loadProvenance(String slug) {
        return listening ? provenances.get(slug, repository::currentProvenance) : repository.currentProvenance(slug);
    }

    /**
     * Called by the listener when it has lost its connection: what the cache holds stays usable,
     * marked stale, for the bounded staleness counted from now; nothing new is cached meanwhile.
     */
    void lost() {
        if (listening || lostAtMillis == 0) {
            lostAtMillis = clock.millis();
        }
        listening = false;
    }

    /**
     * Called by the listener once it LISTENs (again): anything may have changed while it did not,
     * so the cache is dropped before it is trusted again.
     */
    void listening() {
        listening = false;
        lostAtMillis = 0;
        invalidateAll();
        listening = true;
    }

    /** A list or search page as JSON bytes, without touching the database; null when it must be loaded. */
    public byte[] pageIfPresent(PageQuery query) {
        return usable() ? pages.getIfPresent(query) : null;
    }

    public byte[] page(PageQuery query, Supplier<byte[]> loader) {
        return listening ? pages.get(query, key -> loader.get()) : loader.get();
    }

    /** A publish or retract of one article: its rendition and every list page may have changed. */
    public void invalidate(String slug) {
        renditions.invalidate(slug);
        provenances.invalidate(slug);
        pages.invalidateAll();
    }

    void onCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) LiveVersionChanged change) {
        invalidate(change.slug());
    }

    public void invalidateAll() {
        renditions.invalidateAll();
        provenances.invalidateAll();
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
