package org.imprimatur.integration;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import org.imprimatur.infrastructure.ChannelListener;
import org.imprimatur.infrastructure.PublicUrl;
import org.imprimatur.integration.WebhookSender.Attempt;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends webhook deliveries (docs/integration.md, "Webhooks"). One relay per replica; together they
 * act as one through {@link WebhookQueue}. The relay wakes on the outbox's NOTIFY or at each poll,
 * claims as many due deliveries as it has free senders, and sends each on a sender thread:
 * at least once, with the same {@code webhook-id} each time; per article and webhook in event
 * order; retried as {@link WebhookSender} decides until the retry window closes.
 */
@ApplicationScoped
public class WebhookRelay implements ChannelListener.Handler {

    private static final Logger LOG = Logger.getLogger(WebhookRelay.class);
    /** The channel the outbox trigger notifies at commit (db-migrations/V20__outbox_webhooks_previews.sql). */
    static final String CHANNEL = "imprimatur_outbox";

    private final WebhookSettings settings;
    private final WebhookQueue queue;
    private final WebhookSender sender;
    private final ChannelListener listener;
    private final Semaphore wakeups = new Semaphore(0);
    private final Semaphore senders;
    private final ExecutorService executor;
    private final HostResolver resolver;
    private final PinnedSender http;
    private final Clock clock;
    private volatile boolean running;
    private Thread thread;

    public WebhookRelay(EntityManager entityManager, WebhookSettings settings, ChannelListener.Connecting connecting,
                        PublicUrl publicUrl, HostResolver resolver, Vertx vertx, Clock clock) {
        this.settings = settings;
        this.queue = new WebhookQueue(entityManager, settings.claimLease());
        this.sender = new WebhookSender(publicUrl.base(), settings,
                bound -> ThreadLocalRandom.current().nextLong(bound + 1));
        this.listener = new ChannelListener(connecting, CHANNEL, "imprimatur-webhook-relay", this);
        this.senders = new Semaphore(settings.senders());
        this.executor = Executors.newFixedThreadPool(settings.senders(), runnable -> {
            Thread senderThread = new Thread(runnable, "webhook-sender");
            senderThread.setDaemon(true);
            return senderThread;
        });
        this.resolver = resolver;
        this.http = new PinnedSender(vertx, settings.connectTimeout(), settings.requestTimeout(), settings.senders(),
                WebhookSender.RESPONSE_CAP);
        this.clock = clock;
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
                List<ClaimedDelivery> claimed = free == 0 ? List.of() : queue.claim(free);
                for (ClaimedDelivery delivery : claimed) {
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

    private void send(ClaimedDelivery delivery) {
        Attempt attempt;
        try {
            attempt = attempt(delivery);
        } catch (RuntimeException unexpected) {
            attempt = Attempt.unexpected(unexpected);
        }
        Attempt made = attempt;
        try {
            queue.record(delivery.id(), state -> sender.verdict(delivery, made, state.retryingSince(), state.now()));
        } catch (RuntimeException lost) {
            // The lease lapses and the delivery is sent again: at least once, never lost.
            LOG.warnf("Could not record webhook delivery %s (%s); it will be sent again", delivery.id(), lost.getMessage());
        }
    }

    private Attempt attempt(ClaimedDelivery delivery) {
        URI target = URI.create(delivery.url());
        InetAddress address;
        try {
            // Resolved once, here; the request connects to this address, checked or (if private
            // targets are allowed) not, so the HTTP client never asks DNS a second time.
            TargetAddresses.Resolution resolution = TargetAddresses.resolve(target, resolver, settings.allowPrivateTargets());
            if (resolution instanceof TargetAddresses.Resolution.Refused refused) {
                return Attempt.refused(refused.reason());
            }
            address = ((TargetAddresses.Resolution.Connect) resolution).address();
        } catch (IOException unresolved) {
            return Attempt.unresolved(target.getHost());
        }
        WebhookSender.Request request;
        try {
            request = sender.request(delivery, clock.instant());
        } catch (WebhookSender.UnusableSecret unusable) {
            return Attempt.failed(unusable.getMessage());
        }
        try {
            PinnedSender.Answer answer = http.post(target, address, request.headers(), request.body());
            return Attempt.answered(answer.status(), answer.start());
        } catch (TimeoutException timedOut) {
            return Attempt.timedOut(settings.requestTimeout());
        } catch (IOException failed) {
            return Attempt.unreachable(failed);
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
            return Attempt.stopped();
        }
    }

    private void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
