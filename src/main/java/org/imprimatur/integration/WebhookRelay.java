package org.imprimatur.integration;

import com.standardwebhooks.Webhook;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import org.imprimatur.infrastructure.PublicUrl;
import org.imprimatur.infrastructure.ChannelListener;
import org.imprimatur.infrastructure.Timestamps;
import org.imprimatur.workflow.ArticleEventType;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends webhook deliveries (docs/integration.md, "Webhooks"). One relay per replica; together they
 * act as one: a delivery is claimed with {@code FOR UPDATE SKIP LOCKED} and a lease, so that no two
 * replicas send it at once, and a replica that dies mid-send leaves it to another once the lease
 * lapses. At least once, with the same {@code webhook-id} each time; per article and webhook in
 * event order; retried with exponential backoff and jitter until the retry window closes.
 */
@ApplicationScoped
public class WebhookRelay implements ChannelListener.Handler {

    private static final Logger LOG = Logger.getLogger(WebhookRelay.class);
    /** The channel the outbox trigger notifies at commit (db-migrations/V20__outbox_webhooks_previews.sql). */
    static final String CHANNEL = "imprimatur_outbox";
    private static final int RESPONSE_CAP = 1000;

    private final EntityManager entityManager;
    private final WebhookSettings settings;
    private final URI source;
    private final ChannelListener listener;
    private final Semaphore wakeups = new Semaphore(0);
    private final Semaphore senders;
    private final ExecutorService executor;
    private final HostResolver resolver;
    private final PinnedSender http;
    private volatile boolean running;
    private Thread thread;

    private final Clock clock;

    public WebhookRelay(EntityManager entityManager, WebhookSettings settings, ChannelListener.Connecting connecting,
                        PublicUrl publicUrl, HostResolver resolver, Vertx vertx, Clock clock) {
        this.clock = clock;
        this.entityManager = entityManager;
        this.settings = settings;
        this.source = publicUrl.base();
        this.listener = new ChannelListener(connecting, CHANNEL, "imprimatur-webhook-relay", this);
        this.senders = new Semaphore(settings.senders());
        this.executor = Executors.newFixedThreadPool(settings.senders(), runnable -> {
            Thread sender = new Thread(runnable, "webhook-sender");
            sender.setDaemon(true);
            return sender;
        });
        this.resolver = resolver;
        this.http = new PinnedSender(vertx, settings.connectTimeout(), settings.requestTimeout(), settings.senders(),
                RESPONSE_CAP);
    }

    void start(@Observes StartupEvent event) {
        running = true;
        listener.start();
        thread = new Thread(this::relayUntilStopped, "webhook-relay");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        listener.stop();
        wake();
        executor.shutdown();
        http.close();
    }

    /** Looks for due deliveries now rather than at the next poll. */
    public void wake() {
        if (wakeups.availablePermits() == 0) {
            wakeups.release();
        }
    }

    @Override
    public void listening() {
        wake();
    }

    @Override
    public void notified(String payload) {
        wake();
    }

    @Override
    public void lost() {
        // The poll finds whatever the lost notifications were about.
    }

    private void relayUntilStopped() {
        while (running) {
            try {
                int free = senders.availablePermits();
                List<Claimed> claimed = free == 0 ? List.of() : claim(free);
                for (Claimed delivery : claimed) {
                    senders.acquire();
                    executor.execute(() -> {
                        try {
                            send(delivery);
                        } finally {
                            senders.release();
                            wake();
                        }
                    });
                }
                if (claimed.isEmpty()) {
                    wakeups.tryAcquire(settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                    wakeups.drainPermits();
                }
            } catch (InterruptedException stopping) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException failed) {
                if (running) {
                    LOG.warnf("The webhook relay could not read its deliveries (%s); trying again", failed.getMessage());
                    pause();
                }
            }
        }
    }

    /** A delivery this replica now owns until its lease lapses. */
    record Claimed(UUID id, int attempts, String url, String secret, UUID eventId, String type, String slug,
                   Instant occurredAt, String data, Instant retryingSince) {
    }

    private List<Claimed> claim(int howMany) {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = entityManager.createNativeQuery("""
                            WITH due AS (
                                SELECT c.id FROM webhook_deliveries c JOIN webhooks w ON w.id = c.webhook_id
                                WHERE c.status = 'pending' AND c.next_attempt_at <= now() AND w.enabled AND w.deleted_at IS NULL
                                  AND NOT EXISTS (SELECT 1 FROM webhook_deliveries p
                                                  WHERE p.webhook_id = c.webhook_id AND p.article_id = c.article_id
                                                    AND p.status = 'pending' AND p.event_id < c.event_id)
                                ORDER BY c.next_attempt_at, c.event_id LIMIT :n
                                FOR UPDATE OF c SKIP LOCKED),
                            claimed AS (
                                UPDATE webhook_deliveries d
                                SET attempts = d.attempts + 1, last_attempt_at = now(),
                                    next_attempt_at = now() + make_interval(secs => :lease)
                                FROM due WHERE d.id = due.id
                                RETURNING d.id, d.attempts, d.webhook_id, d.event_id, d.retrying_since)
                            SELECT claimed.id, claimed.attempts, w.url, w.secret, e.event_id, e.type, e.slug,
                                   e.occurred_at, CAST(e.data AS text), claimed.retrying_since
                            FROM claimed JOIN webhooks w ON w.id = claimed.webhook_id
                                         JOIN outbox_events e ON e.id = claimed.event_id
                            ORDER BY e.id""")
                    .setParameter("n", howMany)
                    .setParameter("lease", (double) settings.claimLease().toMillis() / 1000)
                    .getResultList();
            return rows.stream().map(row -> new Claimed((UUID) row[0], ((Number) row[1]).intValue(), (String) row[2],
                    (String) row[3], (UUID) row[4], (String) row[5], (String) row[6], Timestamps.fromColumn(row[7]),
                    (String) row[8], Timestamps.fromColumn(row[9]))).toList();
        });
    }

    /** What one attempt came to. */
    record Outcome(boolean accepted, Integer statusCode, String error, String response) {
    }

    private void send(Claimed delivery) {
        Outcome outcome;
        try {
            outcome = attempt(delivery);
        } catch (RuntimeException unexpected) {
            outcome = new Outcome(false, null, "could not send: " + unexpected, null);
        }
        try {
            record(delivery, outcome);
        } catch (RuntimeException lost) {
            // The lease lapses and the delivery is sent again: at least once, never lost.
            LOG.warnf("Could not record webhook delivery %s (%s); it will be sent again", delivery.id(), lost.getMessage());
        }
    }

    private Outcome attempt(Claimed delivery) {
        URI target = URI.create(delivery.url());
        InetAddress address;
        try {
            // Resolved once, here; the request connects to this address, checked or (if private
            // targets are allowed) not, so the HTTP client never asks DNS a second time.
            TargetAddresses.Resolution resolution = TargetAddresses.resolve(target, resolver, settings.allowPrivateTargets());
            if (resolution instanceof TargetAddresses.Resolution.Refused refused) {
                return new Outcome(false, null, "refused: " + refused.reason()
                        + " (IMPRIMATUR_WEBHOOKS_ALLOW_PRIVATE_TARGETS allows it)", null);
            }
            address = ((TargetAddresses.Resolution.Connect) resolution).address();
        } catch (IOException unresolved) {
            return new Outcome(false, null, "could not resolve " + target.getHost(), null);
        }
        String type = ArticleEventType.CLOUD_EVENT_PREFIX + delivery.type();
        byte[] body = CloudEventDocuments.document(source, delivery.eventId(), type, delivery.slug(),
                delivery.occurredAt(), delivery.data());
        String payload = new String(body, StandardCharsets.UTF_8);
        long timestamp = clock.instant().getEpochSecond();
        String messageId = delivery.eventId().toString();
        String signature;
        try {
            signature = new Webhook(delivery.secret()).sign(messageId, timestamp, payload);
        } catch (Exception unusableSecret) {
            return new Outcome(false, null, "could not sign: " + unusableSecret.getMessage(), null);
        }
        Map<String, String> headers = Map.of(
                "Content-Type", CloudEventDocuments.CONTENT_TYPE,
                "User-Agent", "Imprimatur-Webhooks/1",
                "webhook-id", messageId,
                "webhook-timestamp", Long.toString(timestamp),
                "webhook-signature", signature);
        try {
            PinnedSender.Answer answer = http.post(target, address, headers, body);
            int status = answer.status();
            boolean accepted = status >= 200 && status < 300;
            return new Outcome(accepted, status, accepted ? null : "the receiver answered " + status, answer.start());
        } catch (TimeoutException timedOut) {
            return new Outcome(false, null, "no answer within " + settings.requestTimeout().toSeconds() + " s", null);
        } catch (IOException failed) {
            return new Outcome(false, null, "could not connect: " + describe(failed), null);
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
            return new Outcome(false, null, "the service stopped while sending", null);
        }
    }

    private void record(Claimed delivery, Outcome outcome) {
        Duration backoff = backoff(delivery.attempts());
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                        UPDATE webhook_deliveries SET
                            status = CASE WHEN :accepted THEN 'delivered'
                                          WHEN retrying_since + make_interval(secs => :window) < now() THEN 'failed'
                                          ELSE 'pending' END,
                            delivered_at = CASE WHEN :accepted THEN now() END,
                            next_attempt_at = now() + make_interval(secs => :backoff),
                            last_status_code = :code, last_error = :error, last_response = :response
                        WHERE id = :id AND status = 'pending'""")
                .setParameter("accepted", outcome.accepted())
                .setParameter("window", (double) settings.retryWindow().toSeconds())
                .setParameter("backoff", backoff.toMillis() / 1000.0)
                .setParameter("code", new org.hibernate.query.TypedParameterValue<>(
                        org.hibernate.type.StandardBasicTypes.INTEGER, outcome.statusCode()))
                .setParameter("error", new org.hibernate.query.TypedParameterValue<>(
                        org.hibernate.type.StandardBasicTypes.STRING, cap(outcome.error())))
                .setParameter("response", new org.hibernate.query.TypedParameterValue<>(
                        org.hibernate.type.StandardBasicTypes.STRING, cap(outcome.response())))
                .setParameter("id", delivery.id())
                .executeUpdate());
    }

    /**
     * The wait before the next attempt: the base delay doubled per attempt, capped, with "equal
     * jitter" (half fixed, half random) so that receivers coming back are not hit by every sender at once.
     */
    Duration backoff(int attemptsSoFar) {
        long base = settings.retryBaseDelay().toMillis();
        long cap = settings.retryMaxDelay().toMillis();
        long exponential = attemptsSoFar >= 31 ? cap : Math.min(cap, base << Math.max(0, attemptsSoFar - 1));
        long half = exponential / 2;
        return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(half + 1));
    }

    private static String describe(IOException failed) {
        String message = failed.getMessage();
        return message == null || message.isBlank() ? failed.getClass().getSimpleName() : message;
    }

    private static String cap(String text) {
        return text == null || text.length() <= RESPONSE_CAP ? text : text.substring(0, RESPONSE_CAP);
    }

    private void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
