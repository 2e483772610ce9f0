package org.imprimatur.delivery;

import io.quarkus.runtime.configuration.MemorySize;
import org.junit.jupiter.api.Test;

import org.imprimatur.support.MovableClock;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The delivery cache holds bytes up to its bound however many articles pass through it, and serves stale only within its bound. */
class DeliveryCacheTest {

    private static final int ARTICLE_BYTES = 20_000;
    private static final Duration MAX_STALE = Duration.ofMinutes(6);

    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-26T12:00:00Z"));

    private final AtomicInteger loads = new AtomicInteger();
    private final DeliveryRepository repository = new DeliveryRepository(null, null, null, null, null, settings(1 << 20, 1 << 20), null, null) {
        @Override
        public Rendition current(String slug) {
            loads.incrementAndGet();
            return Rendition.Live.of(new byte[ARTICLE_BYTES], "\"j\"", new byte[ARTICLE_BYTES], "\"l\"", Instant.EPOCH);
        }
    };

    @Test
    void memoryStaysWithinTheBoundWithManyMoreArticlesThanFit() {
        long bound = 4L * 1024 * 1024;
        DeliveryCache cache = cache(bound, 1 << 20);
        cache.listening();
        for (int i = 0; i < 20_000; i++) {
            cache.load("article-" + i);
        }
        assertTrue(cache.weightedSize() <= bound, "held " + cache.weightedSize() + " bytes");
        assertTrue(cache.weightedSize() > bound / 2, "the cache should still be used, held " + cache.weightedSize());
    }

    @Test
    void aHitDoesNotLoadAndAnInvalidationDoes() {
        DeliveryCache cache = cache(1 << 20, 1 << 20);
        cache.listening();
        assertInstanceOf(Rendition.Live.class, cache.load("eczema"));
        assertInstanceOf(Rendition.Live.class, cache.ifPresent("eczema"));
        assertEquals(1, loads.get());
        cache.invalidate("eczema");
        assertNull(cache.ifPresent("eczema"));
        cache.load("eczema");
        assertEquals(2, loads.get());
    }

    /** docs/delivery.md, "When the database is away". */
    @Test
    void withoutItsDatabaseTheCacheServesStaleForTheBoundedTimeOnly() {
        DeliveryCache cache = cache(1 << 20, 1 << 20);
        cache.listening();
        cache.load("eczema");
        PageQuery firstPage = new PageQuery(null, null, null, null);
        cache.page(firstPage, () -> new byte[]{'{', '}'});
        assertEquals(-1, cache.staleSeconds());

        cache.lost();
        clock.advance(Duration.ofSeconds(42));
        assertInstanceOf(Rendition.Live.class, cache.ifPresent("eczema"));
        assertNotNull(cache.pageIfPresent(firstPage));
        assertEquals(42, cache.staleSeconds());
        // Losing the connection again while still away does not restart the count.
        cache.lost();
        assertEquals(42, cache.staleSeconds());
        // Nothing new is cached meanwhile: a miss goes to the database every time.
        cache.load("psoriasis");
        cache.load("psoriasis");
        assertEquals(3, loads.get());

        clock.advance(MAX_STALE.minusSeconds(42).plusSeconds(1));
        assertNull(cache.ifPresent("eczema"));
        assertNull(cache.pageIfPresent(firstPage));

        // Back: the cache is dropped before it is trusted, and fresh again.
        cache.listening();
        assertNull(cache.ifPresent("eczema"));
        assertEquals(-1, cache.staleSeconds());
        cache.load("eczema");
        assertInstanceOf(Rendition.Live.class, cache.ifPresent("eczema"));
    }

    @Test
    void theDefaultBoundIsTheStalenessCacheControlAlreadyGrants() {
        assertEquals(Duration.ofSeconds(360), DeliverySettings.grantedStaleness("public, max-age=60, stale-while-revalidate=300"));
        assertEquals(Duration.ofSeconds(30), DeliverySettings.grantedStaleness("public, max-age=30"));
        assertEquals(Duration.ZERO, DeliverySettings.grantedStaleness("no-store"));
    }

    @Test
    void listAndSearchPagesStayWithinTheirOwnBound() {
        long bound = 1024 * 1024;
        DeliveryCache cache = cache(1 << 20, bound);
        cache.listening();
        for (int i = 0; i < 5_000; i++) {
            cache.page(new PageQuery(null, null, "word-" + i, null), () -> new byte[10_000]);
        }
        assertTrue(cache.pagesWeightedSize() <= bound, "held " + cache.pagesWeightedSize() + " bytes");
        assertTrue(cache.pagesWeightedSize() > bound / 2, "the cache should still be used, held " + cache.pagesWeightedSize());
    }

    @Test
    void anyPublicationDropsEveryPage() {
        DeliveryCache cache = cache(1 << 20, 1 << 20);
        cache.listening();
        byte[] page = {'{', '}'};
        assertSame(page, cache.page(new PageQuery("20", null, null, null), () -> page));
        assertSame(page, cache.pageIfPresent(new PageQuery("20", null, null, null)));
        cache.invalidate("some-other-article");
        assertNull(cache.pageIfPresent(new PageQuery("20", null, null, null)));
    }

    private DeliveryCache cache(long renditionBytes, long pageBytes) {
        return new DeliveryCache(repository, settings(renditionBytes, pageBytes), clock);
    }

    private static DeliverySettings settings(long renditionBytes, long pageBytes) {
        return new DeliverySettings() {
            @Override
            public String cacheControl() {
                return "public, max-age=60";
            }

            @Override
            public MemorySize cacheMaxSize() {
                return new MemorySize(BigInteger.valueOf(renditionBytes));
            }

            @Override
            public MemorySize pageCacheMaxSize() {
                return new MemorySize(BigInteger.valueOf(pageBytes));
            }

            @Override
            public MemorySize historyCacheMaxSize() {
                return new MemorySize(BigInteger.valueOf(pageBytes));
            }

            @Override
            public Optional<Duration> maxStale() {
                return Optional.of(MAX_STALE);
            }
        };
    }
}
