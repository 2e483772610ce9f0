package org.imprimatur.integration;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import org.hibernate.query.TypedParameterValue;
import org.hibernate.type.StandardBasicTypes;
import org.imprimatur.infrastructure.NativeRows;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * The webhook deliveries waiting to be sent, in PostgreSQL (docs/integration.md, "How it is
 * sent"). A delivery is claimed with {@code FOR UPDATE SKIP LOCKED} and its next attempt moved a
 * lease ahead in the same statement, so that no two replicas send it at once, and one whose
 * replica died mid-send is claimed again once the lease lapses. Every time here is the database's,
 * which all replicas share.
 */
final class WebhookQueue {

    private final EntityManager entityManager;
    private final Duration lease;

    WebhookQueue(EntityManager entityManager, Duration lease) {
        this.entityManager = entityManager;
        this.lease = lease;
    }

    /**
     * Up to {@code howMany} due deliveries of enabled webhooks, now this replica's for the lease.
     * A delivery waits while an earlier event of its article for its webhook is still pending; a
     * release's own event, while any earlier event for its webhook is (docs/releases.md).
     */
    List<ClaimedDelivery> claim(int howMany) {
        return QuarkusTransaction.requiringNew().call(() -> NativeRows.select(entityManager, """
                        WITH due AS (
                            SELECT c.id FROM webhook_deliveries c JOIN webhooks w ON w.id = c.webhook_id
                            WHERE c.status = 'pending' AND c.next_attempt_at <= now() AND w.enabled AND w.deleted_at IS NULL
                              AND NOT EXISTS (SELECT 1 FROM webhook_deliveries p
                                              WHERE p.webhook_id = c.webhook_id
                                                -- A release's own event (no article) waits for every earlier one.
                                                AND (p.article_id = c.article_id OR c.article_id IS NULL)
                                                AND p.status = 'pending' AND p.event_id < c.event_id)
                            ORDER BY c.next_attempt_at, c.event_id LIMIT :n
                            FOR UPDATE OF c SKIP LOCKED),
                        claimed AS (
                            UPDATE webhook_deliveries d
                            SET attempts = d.attempts + 1, last_attempt_at = now(),
                                next_attempt_at = now() + make_interval(secs => :lease)
                            FROM due WHERE d.id = due.id
                            RETURNING d.id, d.attempts, d.webhook_id, d.event_id)
                        SELECT claimed.id, claimed.attempts, w.url, w.secret, e.event_id AS eventId, e.type, e.slug,
                               e.occurred_at AS occurredAt, CAST(e.data AS text) AS data
                        FROM claimed JOIN webhooks w ON w.id = claimed.webhook_id
                                     JOIN outbox_events e ON e.id = claimed.event_id
                        ORDER BY e.id""", ClaimedDelivery.class)
                .setParameter("n", howMany)
                .setParameter("lease", (double) lease.toMillis() / 1000)
                .getResultList());
    }

    /** A pending delivery's retry window, and the database's time, when an attempt's outcome is recorded. */
    record RetryState(Instant retryingSince, Instant now) {
    }

    /**
     * Records what an attempt came to, as {@code verdict} decides from the delivery's row as it is
     * now, locked: a redelivery may have opened a new retry window while the request was out. A
     * delivery that is no longer pending (its webhook was deleted meanwhile) stays as it is.
     */
    void record(UUID deliveryId, Function<RetryState, WebhookSender.Verdict> verdict) {
        QuarkusTransaction.requiringNew().run(() -> NativeRows.select(entityManager, """
                        SELECT retrying_since AS retryingSince, now() AS now FROM webhook_deliveries
                        WHERE id = :id AND status = 'pending' FOR UPDATE""", RetryState.class)
                .setParameter("id", deliveryId)
                .getResultList().stream().findFirst()
                .ifPresent(state -> write(deliveryId, verdict.apply(state))));
    }

    private void write(UUID deliveryId, WebhookSender.Verdict verdict) {
        WebhookSender.Attempt attempt = verdict.attempt();
        Instant retryAt = verdict instanceof WebhookSender.Verdict.RetryAt retry ? retry.at() : null;
        entityManager.createNativeQuery("""
                        UPDATE webhook_deliveries SET status = :status,
                            delivered_at = CASE WHEN :status = 'delivered' THEN now() END,
                            next_attempt_at = coalesce(:retryAt, next_attempt_at),
                            last_status_code = :code, last_error = :error, last_response = :response
                        WHERE id = :id""")
                .setParameter("status", verdict.status().label())
                .setParameter("retryAt", new TypedParameterValue<>(StandardBasicTypes.INSTANT, retryAt))
                .setParameter("code", new TypedParameterValue<>(StandardBasicTypes.INTEGER, attempt.statusCode()))
                .setParameter("error", new TypedParameterValue<>(StandardBasicTypes.STRING, attempt.error()))
                .setParameter("response", new TypedParameterValue<>(StandardBasicTypes.STRING, attempt.response()))
                .setParameter("id", deliveryId)
                .executeUpdate();
    }
}
