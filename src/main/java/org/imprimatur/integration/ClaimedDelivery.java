package org.imprimatur.integration;

import java.time.Instant;
import java.util.UUID;

/**
 * A webhook delivery a relay has claimed, which it owns until the claim's lease lapses, with what
 * its request is made of: the webhook's URL and secret and the outbox event. {@code attempts}
 * counts this attempt.
 */
record ClaimedDelivery(UUID id, int attempts, String url, String secret, UUID eventId, String type, String slug,
                       Instant occurredAt, String data) {
}
