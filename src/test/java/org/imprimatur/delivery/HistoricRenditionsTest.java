package org.imprimatur.delivery;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.imprimatur.support.Fixtures;
import org.imprimatur.support.Workflow;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

/** docs/delivery.md, "?at=": asking for many instants of one live period costs one rendering. */
@QuarkusTest
class HistoricRenditionsTest {

    @Inject
    DeliveryRepository repository;

    @Test
    void instantsInOnePeriodShareOneRendition() throws InterruptedException {
        String slug = Fixtures.uniqueSlug("historic");
        Workflow.published(Fixtures.article(slug));
        Thread.sleep(20);
        Rendition first = repository.at(slug, Instant.now()).orElseThrow();
        Thread.sleep(20);
        Rendition second = repository.at(slug, Instant.now()).orElseThrow();
        assertInstanceOf(Rendition.Live.class, first);
        assertSame(first, second, "the second instant was rendered again");
    }
}
