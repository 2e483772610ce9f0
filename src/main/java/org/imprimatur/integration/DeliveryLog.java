package org.imprimatur.integration;

import jakarta.persistence.EntityManager;
import org.imprimatur.infrastructure.Timestamps;
import org.imprimatur.workflow.ArticleEventType;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reads lines of the webhook delivery log. */
final class DeliveryLog {

    static final String SELECT = """
            SELECT d.id, e.event_id, e.type, e.slug, e.version_no, e.occurred_at, d.status, d.attempts,
                   d.last_attempt_at, d.last_status_code, d.last_error, d.last_response, d.next_attempt_at, d.delivered_at
            FROM webhook_deliveries d JOIN outbox_events e ON e.id = d.event_id""";

    private DeliveryLog() {
    }

    static Optional<DeliveryView> find(EntityManager entityManager, UUID deliveryId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery(SELECT + " WHERE d.id = :id")
                .setParameter("id", deliveryId)
                .getResultList();
        return rows.stream().findFirst().map(DeliveryLog::view);
    }

    static DeliveryView view(Object[] row) {
        String status = (String) row[6];
        return new DeliveryView((UUID) row[0], (UUID) row[1], ArticleEventType.CLOUD_EVENT_PREFIX + row[2], (String) row[3],
                row[4] == null ? null : ((Number) row[4]).intValue(), Timestamps.fromColumn(row[5]), status,
                ((Number) row[7]).intValue(), Timestamps.fromColumn(row[8]),
                row[9] == null ? null : ((Number) row[9]).intValue(), (String) row[10], (String) row[11],
                "pending".equals(status) ? Timestamps.fromColumn(row[12]) : null, Timestamps.fromColumn(row[13]));
    }
}
