package org.imprimatur.delivery;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.imprimatur.support.Fixtures;
import org.imprimatur.support.Workflow;
import org.junit.jupiter.api.Test;

import org.awaitility.Awaitility;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/** docs/delivery.md, "?at=": asking for many instants of one live period costs one rendering. */
@QuarkusTest
class HistoricRenditionsTest {

    @Inject
    DeliveryRepository repository;

    @Test
    void instantsInOnePeriodShareOneRendition() {
        String slug = Fixtures.uniqueSlug("historic");
        Workflow.published(Fixtures.article(slug));
        Instant firstInstant = Instant.now();
        Rendition first = repository.at(slug, firstInstant).orElseThrow();
        // Two distinct instants of the same period; the clock only has to move on.
        Awaitility.await().atMost(Duration.ofSeconds(1)).until(() -> Instant.now().isAfter(firstInstant));
        Instant secondInstant = Instant.now();
        Rendition second = repository.at(slug, secondInstant).orElseThrow();
        assertNotEquals(firstInstant, secondInstant);
        assertInstanceOf(Rendition.Live.class, first);
        assertSame(first, second, "the second instant was rendered again");
    }
}
