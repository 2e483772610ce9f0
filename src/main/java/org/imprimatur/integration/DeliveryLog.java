package org.imprimatur.integration;

import jakarta.persistence.EntityManager;
import org.hibernate.query.NativeQuery;
import org.imprimatur.infrastructure.NativeRows;
import org.imprimatur.workflow.ArticleEventType;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Reads lines of the webhook delivery log. */
final class DeliveryLog {

    private static final String SELECT = """
            SELECT d.id, e.event_id AS eventId, e.type, e.slug, e.version_no AS version, e.occurred_at AS occurredAt,
                   d.status, d.attempts, d.last_attempt_at AS lastAttemptAt, d.last_status_code AS lastStatusCode,
                   d.last_error AS lastError, d.last_response AS lastResponse, d.next_attempt_at AS nextAttemptAt,
                   d.delivered_at AS deliveredAt
            FROM webhook_deliveries d JOIN outbox_events e ON e.id = d.event_id""";

    private DeliveryLog() {
    }

    /** A delivery with its event, as stored. */
    record Line(UUID id, UUID eventId, String type, String slug, Integer version, Instant occurredAt, String status,
                int attempts, Instant lastAttemptAt, Integer lastStatusCode, String lastError, String lastResponse,
                Instant nextAttemptAt, Instant deliveredAt) {

        DeliveryView view() {
            DeliveryStatus known = DeliveryStatus.fromLabel(status)
                    .orElseThrow(() -> new IllegalStateException("A delivery has the unknown status " + status));
            return new DeliveryView(id, eventId, ArticleEventType.CLOUD_EVENT_PREFIX + type, slug, version, occurredAt,
                    known, attempts, lastAttemptAt, lastStatusCode, lastError, lastResponse,
                    known == DeliveryStatus.PENDING ? nextAttemptAt : null, deliveredAt);
        }
    }

    /** Lines chosen by {@code rest} (conditions and order after the joins), ready for its parameters. */
    static NativeQuery<Line> select(EntityManager entityManager, String rest) {
        return NativeRows.select(entityManager, SELECT + " " + rest, Line.class);
    }

    static Optional<DeliveryView> find(EntityManager entityManager, UUID deliveryId) {
        return select(entityManager, "WHERE d.id = :id")
                .setParameter("id", deliveryId)
                .getResultList().stream().findFirst().map(Line::view);
    }
}
