package org.imprimatur.integration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.imprimatur.integration.WebhookSender.Attempt;
import org.imprimatur.integration.WebhookSender.Verdict;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.LongUnaryOperator;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** docs/integration.md, "Webhooks": what an attempt sends and what becomes of the delivery, without a network or database. */
class WebhookSenderTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final LongUnaryOperator NO_JITTER = bound -> 0;
    private static final LongUnaryOperator FULL_JITTER = bound -> bound;

    /** The settings the sender reads: base delay 5 s, at most 1 h, a 24 h window (the defaults). */
    record Settings(boolean allowPrivateTargets, Duration retryBaseDelay, Duration retryMaxDelay, Duration retryWindow,
                    Duration connectTimeout, Duration requestTimeout, Duration claimLease, Duration pollInterval,
                    int senders) implements WebhookSettings {
        static Settings defaults() {
            return new Settings(false, Duration.ofSeconds(5), Duration.ofHours(1), Duration.ofHours(24), Duration.ofSeconds(5),
                    Duration.ofSeconds(10), Duration.ofSeconds(60), Duration.ofSeconds(1), 8);
        }
    }

    private static WebhookSender sender(LongUnaryOperator jitter) {
        return new WebhookSender(URI.create("https://imprimatur.example"), Settings.defaults(), jitter);
    }

    private static ClaimedDelivery delivery(int attempts) {
        return new ClaimedDelivery(UUID.randomUUID(), attempts, "https://hooks.example/in", SECRET,
                UUID.fromString("0b9e7d2c-3f4a-4c1e-9d5b-2a6f8e1c7b30"), "published", "vitamin-d",
                Instant.parse("2026-12-01T09:59:58.123456Z"), "{\"articleId\":\"a\",\"version\":2}");
    }

    @Test
    void a2xxAnswerDeliversEvenAfterTheRetryWindow() {
        Verdict verdict = sender(NO_JITTER).verdict(delivery(9), Attempt.answered(204, null),
                NOW.minus(Duration.ofDays(2)), NOW);
        assertInstanceOf(Verdict.Delivered.class, verdict);
        assertEquals(DeliveryStatus.DELIVERED, verdict.status());
        assertEquals(204, verdict.attempt().statusCode());
        assertNull(verdict.attempt().error());
    }

    @Test
    void aFailedAttemptIsRetriedAfterTheBaseDelayDoubledPerAttemptWithEqualJitter() {
        Attempt failed = Attempt.answered(500, "try later");
        Instant since = NOW.minus(Duration.ofHours(1));
        // 5 s, 10 s, 20 s before jitter: half of it fixed, the other half random.
        for (int attempts = 1; attempts <= 3; attempts++) {
            Duration full = Duration.ofSeconds(5L << (attempts - 1));
            Verdict.RetryAt least = assertInstanceOf(Verdict.RetryAt.class,
                    sender(NO_JITTER).verdict(delivery(attempts), failed, since, NOW));
            Verdict.RetryAt most = assertInstanceOf(Verdict.RetryAt.class,
                    sender(FULL_JITTER).verdict(delivery(attempts), failed, since, NOW));
            assertEquals(full.dividedBy(2), least.backoff());
            assertEquals(full, most.backoff());
            assertEquals(NOW.plus(least.backoff()), least.at());
            assertEquals(DeliveryStatus.PENDING, least.status());
            assertEquals("the receiver answered 500", least.attempt().error());
            assertEquals("try later", least.attempt().response());
        }
    }

    @Test
    void theBackoffStopsGrowingAtTheMaximumDelay() {
        WebhookSender sender = sender(FULL_JITTER);
        assertEquals(Duration.ofSeconds(2_560), sender.backoff(10)); // 5 s × 2^9, still under the hour
        assertEquals(Duration.ofHours(1), sender.backoff(11));
        assertEquals(Duration.ofHours(1), sender.backoff(31));
        assertEquals(Duration.ofHours(1), sender.backoff(1_000));
        assertEquals(Duration.ofMinutes(30), sender(NO_JITTER).backoff(1_000));
    }

    @Test
    void theJitterIsDrawnFromZeroToHalfTheDelay() {
        List<Long> bounds = new java.util.ArrayList<>();
        sender(bound -> {
            bounds.add(bound);
            return 1_234;
        }).backoff(2);
        assertEquals(List.of(5_000L), bounds);
        assertEquals(Duration.ofMillis(6_234), sender(bound -> 1_234).backoff(2));
    }

    @Test
    void aFailedAttemptOnceTheWindowHasClosedGivesTheDeliveryUp() {
        Attempt failed = Attempt.unreachable(new IOException("Connection refused"));
        Verdict closed = sender(NO_JITTER).verdict(delivery(20), failed, NOW.minus(Duration.ofHours(24)).minusMillis(1), NOW);
        assertInstanceOf(Verdict.GaveUp.class, closed);
        assertEquals(DeliveryStatus.FAILED, closed.status());
        assertEquals("could not connect: Connection refused", closed.attempt().error());
        // Exactly at the window's end it is still retried: the window must be over.
        assertInstanceOf(Verdict.RetryAt.class,
                sender(NO_JITTER).verdict(delivery(20), failed, NOW.minus(Duration.ofHours(24)), NOW));
    }

    @Test
    void aRedeliveryOpensANewWindow() {
        // The first attempt was days ago, but an admin redelivered a minute ago.
        assertInstanceOf(Verdict.RetryAt.class, sender(NO_JITTER).verdict(delivery(40), Attempt.answered(503, null),
                NOW.minus(Duration.ofMinutes(1)), NOW));
    }

    @Test
    void aRedirectIsAFailedAttempt() {
        Attempt redirected = Attempt.answered(301, null);
        assertEquals("the receiver answered 301", redirected.error());
        assertInstanceOf(Verdict.RetryAt.class, sender(NO_JITTER).verdict(delivery(1), redirected, NOW, NOW));
        assertInstanceOf(Verdict.RetryAt.class,
                sender(NO_JITTER).verdict(delivery(1), Attempt.answered(199, null), NOW, NOW));
        assertInstanceOf(Verdict.Delivered.class,
                sender(NO_JITTER).verdict(delivery(1), Attempt.answered(299, null), NOW, NOW));
    }

    @Test
    void whatIsKeptOfAnAnswerOrAnErrorIsCutToAThousandCharacters() {
        Attempt attempt = Attempt.answered(500, "x".repeat(5_000));
        assertEquals(1_000, attempt.response().length());
        assertEquals(1_000, Attempt.failed("e".repeat(1_001)).error().length());
        assertEquals("short", Attempt.answered(500, "short").response());
    }

    @Test
    void attemptsWithoutAnAnswerSayWhy() {
        assertEquals("no answer within 10 s", Attempt.timedOut(Duration.ofSeconds(10)).error());
        assertEquals("could not connect: IOException", Attempt.unreachable(new IOException()).error());
        assertEquals("could not resolve hooks.example", Attempt.unresolved("hooks.example").error());
        assertEquals("refused: a loopback address (IMPRIMATUR_WEBHOOKS_ALLOW_PRIVATE_TARGETS allows it)",
                Attempt.refused("a loopback address").error());
        assertEquals("the service stopped while sending", Attempt.stopped().error());
        assertEquals("could not send: java.lang.IllegalArgumentException: Illegal character in path",
                Attempt.unexpected(new IllegalArgumentException("Illegal character in path")).error());
        assertNull(Attempt.stopped().statusCode());
    }

    @Test
    void theRequestIsASignedCloudEventWhoseIdIsTheEventsId() throws Exception {
        ClaimedDelivery delivery = delivery(3);
        Instant at = Instant.now();
        WebhookSender.Request request = sender(NO_JITTER).request(delivery, at);
        String body = new String(request.body(), StandardCharsets.UTF_8);
        JsonNode event = new ObjectMapper().readTree(body);
        assertEquals("1.0", event.path("specversion").asText());
        assertEquals(delivery.eventId().toString(), event.path("id").asText());
        assertEquals("https://imprimatur.example", event.path("source").asText());
        assertEquals("org.imprimatur.article.published", event.path("type").asText());
        assertEquals("vitamin-d", event.path("subject").asText());
        assertEquals(2, event.path("data").path("version").asInt());
        assertEquals(delivery.eventId().toString(), request.headers().get("webhook-id"));
        assertEquals(Long.toString(at.getEpochSecond()), request.headers().get("webhook-timestamp"));
        assertEquals("application/cloudevents+json; charset=utf-8", request.headers().get("Content-Type"));
        assertTrue(request.headers().get("webhook-signature").startsWith("v1,"));
        // The receiver's side of Standard Webhooks accepts it.
        Map<String, List<String>> headers = request.headers().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, header -> List.of(header.getValue())));
        new com.standardwebhooks.Webhook(SECRET).verify(body, headers);
    }

    @Test
    void aSecretThatCannotSignFailsTheAttemptWithTheReason() {
        ClaimedDelivery unusable = new ClaimedDelivery(UUID.randomUUID(), 1, "https://hooks.example/in", "whsec_%%%",
                UUID.randomUUID(), "published", "s", NOW, "{}");
        WebhookSender.UnusableSecret refused = assertThrows(WebhookSender.UnusableSecret.class,
                () -> sender(NO_JITTER).request(unusable, NOW));
        assertTrue(refused.getMessage().startsWith("could not sign: "), refused.getMessage());
    }
}
