package org.imprimatur.integration;

import com.standardwebhooks.Webhook;
import org.imprimatur.workflow.ArticleEventType;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.LongUnaryOperator;

/**
 * What a webhook attempt sends and what its answer comes to (docs/integration.md, "Webhooks"), in
 * plain Java: the signed CloudEvent for a claimed delivery, and the verdict on each attempt —
 * delivered on a 2xx answer, otherwise retried after a backoff until the retry window closes, then
 * given up. The request goes out through {@link PinnedSender}; {@link WebhookQueue} keeps the verdict.
 */
final class WebhookSender {

    /** Only this much of a response body is read and kept, and of an error. */
    static final int RESPONSE_CAP = 1000;

    private final URI source;
    private final Duration retryBaseDelay;
    private final Duration retryMaxDelay;
    private final Duration retryWindow;
    private final LongUnaryOperator randomUpTo;

    /**
     * @param source     the CloudEvents {@code source}: the service's public URL
     * @param randomUpTo a uniformly random number from 0 to its argument, both included: the jitter
     */
    WebhookSender(URI source, WebhookSettings settings, LongUnaryOperator randomUpTo) {
        this.source = source;
        this.retryBaseDelay = settings.retryBaseDelay();
        this.retryMaxDelay = settings.retryMaxDelay();
        // The window counts whole seconds.
        this.retryWindow = Duration.ofSeconds(settings.retryWindow().toSeconds());
        this.randomUpTo = randomUpTo;
    }

    /** The POST of one attempt: a CloudEvents document, signed per Standard Webhooks. */
    record Request(byte[] body, Map<String, String> headers) {
    }

    /** The webhook's secret cannot sign; the attempt fails with this message. */
    static final class UnusableSecret extends Exception {
        UnusableSecret(Exception cause) {
            super("could not sign: " + cause.getMessage(), cause);
        }
    }

    /** The request for an attempt at {@code at}; {@code webhook-id} is the event's id on every attempt. */
    Request request(ClaimedDelivery delivery, Instant at) throws UnusableSecret {
        String type = ArticleEventType.CLOUD_EVENT_PREFIX + delivery.type();
        byte[] body = CloudEventDocuments.document(source, delivery.eventId(), type, delivery.slug(),
                delivery.occurredAt(), delivery.data());
        long timestamp = at.getEpochSecond();
        String messageId = delivery.eventId().toString();
        String signature;
        try {
            signature = new Webhook(delivery.secret()).sign(messageId, timestamp, new String(body, StandardCharsets.UTF_8));
        } catch (Exception unusable) {
            throw new UnusableSecret(unusable);
        }
        return new Request(body, Map.of(
                "Content-Type", CloudEventDocuments.CONTENT_TYPE,
                "User-Agent", "Imprimatur-Webhooks/1",
                "webhook-id", messageId,
                "webhook-timestamp", Long.toString(timestamp),
                "webhook-signature", signature));
    }

    /**
     * What one attempt came to, as the delivery log keeps it: the receiver's status code and the
     * start of its answer, or why there was none. Error and response are cut to {@link #RESPONSE_CAP}.
     */
    record Attempt(Integer statusCode, String error, String response) {

        Attempt {
            error = cap(error);
            response = cap(response);
        }

        /** A 2xx is accepted; any other status, a redirect too (never followed), is a failed attempt. */
        static Attempt answered(int status, String start) {
            return new Attempt(status, isAccepted(status) ? null : "the receiver answered " + status, start);
        }

        static Attempt failed(String error) {
            return new Attempt(null, error, null);
        }

        static Attempt refused(String reason) {
            return failed("refused: " + reason + " (IMPRIMATUR_WEBHOOKS_ALLOW_PRIVATE_TARGETS allows it)");
        }

        static Attempt unresolved(String host) {
            return failed("could not resolve " + host);
        }

        static Attempt timedOut(Duration requestTimeout) {
            return failed("no answer within " + requestTimeout.toSeconds() + " s");
        }

        static Attempt unreachable(IOException failed) {
            String message = failed.getMessage();
            return failed("could not connect: "
                    + (message == null || message.isBlank() ? failed.getClass().getSimpleName() : message));
        }

        static Attempt stopped() {
            return failed("the service stopped while sending");
        }

        static Attempt unexpected(RuntimeException failed) {
            return failed("could not send: " + failed);
        }

        boolean accepted() {
            return statusCode != null && isAccepted(statusCode);
        }

        private static boolean isAccepted(int status) {
            return status >= 200 && status < 300;
        }

        private static String cap(String text) {
            return text == null || text.length() <= RESPONSE_CAP ? text : text.substring(0, RESPONSE_CAP);
        }
    }

    /** What becomes of a delivery after an attempt. */
    sealed interface Verdict {

        Attempt attempt();

        /** The delivery's status afterwards. */
        DeliveryStatus status();

        record Delivered(Attempt attempt) implements Verdict {
            @Override
            public DeliveryStatus status() {
                return DeliveryStatus.DELIVERED;
            }
        }

        /** Tried again at {@code at}, {@code backoff} after the attempt was recorded. */
        record RetryAt(Attempt attempt, Instant at, Duration backoff) implements Verdict {
            @Override
            public DeliveryStatus status() {
                return DeliveryStatus.PENDING;
            }
        }

        /** The retry window has closed: no more attempts unless an admin redelivers. */
        record GaveUp(Attempt attempt) implements Verdict {
            @Override
            public DeliveryStatus status() {
                return DeliveryStatus.FAILED;
            }
        }
    }

    /**
     * The verdict on an attempt recorded at {@code now}, for a delivery whose retry window opened
     * at {@code retryingSince} (its first attempt, or its latest redelivery).
     */
    Verdict verdict(ClaimedDelivery delivery, Attempt attempt, Instant retryingSince, Instant now) {
        if (attempt.accepted()) {
            return new Verdict.Delivered(attempt);
        }
        if (retryingSince.plus(retryWindow).isBefore(now)) {
            return new Verdict.GaveUp(attempt);
        }
        Duration backoff = backoff(delivery.attempts());
        return new Verdict.RetryAt(attempt, now.plus(backoff), backoff);
    }

    /**
     * The wait before the next attempt: the base delay doubled per attempt, capped, with "equal
     * jitter" (half fixed, half random) so that receivers coming back are not hit by every sender at once.
     */
    Duration backoff(int attemptsSoFar) {
        long base = retryBaseDelay.toMillis();
        long cap = retryMaxDelay.toMillis();
        long exponential = attemptsSoFar >= 31 ? cap : Math.min(cap, base << Math.max(0, attemptsSoFar - 1));
        long half = exponential / 2;
        return Duration.ofMillis(half + randomUpTo.applyAsLong(half));
    }
}
