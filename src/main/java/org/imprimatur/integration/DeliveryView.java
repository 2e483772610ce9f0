package org.imprimatur.integration;

import io.quarkus.qute.TemplateData;

import java.time.Instant;
import java.util.UUID;

/**
 * One line of a webhook's delivery log: which event, its state, how often it was tried and what
 * the receiver last answered. {@code id} is the delivery; {@code eventId} the CloudEvent's id and
 * {@code webhook-id}, the same on every attempt.
 */
@TemplateData
public record DeliveryView(UUID id, UUID eventId, String type, String slug, Integer version, Instant occurredAt,
                           String status, int attempts, Instant lastAttemptAt, Integer lastStatusCode, String lastError,
                           String lastResponse, Instant nextAttemptAt, Instant deliveredAt) {
}
