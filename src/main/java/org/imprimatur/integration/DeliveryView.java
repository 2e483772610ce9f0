package org.imprimatur.integration;

import io.quarkus.qute.TemplateData;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.imprimatur.workflow.ArticleEventType;

import java.time.Instant;
import java.util.UUID;

/**
 * One line of a webhook's delivery log: which event, its state, how often it was tried and what
 * the receiver last answered. {@code id} is the delivery; {@code eventId} the CloudEvent's id and
 * {@code webhook-id}, the same on every attempt.
 */
@TemplateData
public record DeliveryView(UUID id, UUID eventId, @Schema(implementation = ArticleEventType.class) String type,
                           @Schema(nullable = true, description = "null for the events of a release as a whole") String slug,
                           @Schema(nullable = true) Integer version, Instant occurredAt, DeliveryStatus status, int attempts,
                           @Schema(nullable = true) Instant lastAttemptAt, @Schema(nullable = true) Integer lastStatusCode, @Schema(nullable = true) String lastError,
                           @Schema(nullable = true) String lastResponse, @Schema(nullable = true) Instant nextAttemptAt, @Schema(nullable = true) Instant deliveredAt) {
}
