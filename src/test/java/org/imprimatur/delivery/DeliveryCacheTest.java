package org.imprimatur.delivery;

import io.quarkus.runtime.configuration.MemorySize;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The delivery cache holds bytes up to its bound however many articles pass through it. */
class DeliveryCacheTest {

    private static final int ARTICLE_BYTES = 20_000;

    private final AtomicInteger loads = new AtomicInteger();
    private final DeliveryRepository repository = new DeliveryRepository(null, null, null) {
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
        cache.listening(true);
        for (int i = 0; i < 20_000; i++) {
            cache.load("article-" + i);
        }
        assertTrue(cache.weightedSize() <= bound, "held " + cache.weightedSize() + " bytes");
        assertTrue(cache.weightedSize() > bound / 2, "the cache should still be used, held " + cache.weightedSize());
    }

    @Test
    void aHitDoesNotLoadAndAnInvalidationDoes() {
        DeliveryCache cache = cache(1 << 20, 1 << 20);
        cache.listening(true);
        assertInstanceOf(Rendition.Live.class, cache.load("eczema"));
        assertInstanceOf(Rendition.Live.class, cache.ifPresent("eczema"));
        assertEquals(1, loads.get());
        cache.invalidate("eczema");
        assertNull(cache.ifPresent("eczema"));
        cache.load("eczema");
        assertEquals(2, loads.get());
    }

    @Test
    void withoutAListeningConnectionNothingIsServedFromMemory() {
        DeliveryCache cache = cache(1 << 20, 1 << 20);
        cache.listening(true);
        cache.load("eczema");
        cache.listening(false);
        assertNull(cache.ifPresent("eczema"));
        cache.load("eczema");
        cache.load("eczema");
        assertEquals(3, loads.get());
    }

    @Test
    void listAndSearchPagesStayWithinTheirOwnBound() {
        long bound = 1024 * 1024;
        DeliveryCache cache = cache(1 << 20, bound);
        cache.listening(true);
        for (int i = 0; i < 5_000; i++) {
            cache.page(new PageQuery(null, null, "word-" + i, null), () -> new byte[10_000]);
        }
        assertTrue(cache.pagesWeightedSize() <= bound, "held " + cache.pagesWeightedSize() + " bytes");
        assertTrue(cache.pagesWeightedSize() > bound / 2, "the cache should still be used, held " + cache.pagesWeightedSize());
    }

    @Test
    void anyPublicationDropsEveryPage() {
        DeliveryCache cache = cache(1 << 20, 1 << 20);
        cache.listening(true);
        byte[] page = {'{', '}'};
        assertSame(page, cache.page(new PageQuery("20", null, null, null), () -> page));
        assertSame(page, cache.pageIfPresent(new PageQuery("20", null, null, null)));
        cache.invalidate("some-other-article");
        assertNull(cache.pageIfPresent(new PageQuery("20", null, null, null)));
    }

    private DeliveryCache cache(long renditionBytes, long pageBytes) {
        return new DeliveryCache(repository, new MemorySize(BigInteger.valueOf(renditionBytes)),
                new MemorySize(BigInteger.valueOf(pageBytes)));
    }
}
