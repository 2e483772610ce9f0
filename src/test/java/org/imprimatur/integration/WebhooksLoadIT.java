package org.imprimatur.integration;

import io.restassured.response.Response;
import org.imprimatur.support.ApiContract;
import org.imprimatur.support.Fixtures;
import org.imprimatur.support.PackagedService;
import org.imprimatur.support.WebhookReceiver;
import org.imprimatur.support.Workflow;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docs/integration.md, "Webhooks": two packaged replicas on one PostgreSQL, 300 publications in a
 * row (-Dimprimatur.it.publishes=N for more), alternating between them: exactly one delivery each,
 * none lost, none sent twice, and publishing no slower than without a webhook. bench/webhooks.sh
 * measures the latencies over 1,000. Prints publish latency with and without
 * a subscription and the publish-to-receipt latency.
 */
class WebhooksLoadIT {

    private static final int PUBLISHES = Integer.getInteger("imprimatur.it.publishes", 300);
    private static final int BASELINE = 200;
    private static PackagedService services;
    private static WebhookReceiver receiver;
    private static List<String> replicas;

    @BeforeAll
    static void startTwoReplicas() throws Exception {
        receiver = new WebhookReceiver();
        services = PackagedService.onFreshDatabase();
        Map<String, String> settings = Map.of("IMPRIMATUR_WEBHOOKS_ALLOW_PRIVATE_TARGETS", "true");
        replicas = List.of(services.startInstance("webhooks-first", settings),
                services.startInstance("webhooks-second", settings));
    }

    @AfterAll
    static void stopEverything() throws Exception {
        services.close();
        receiver.close();
    }

    @Test
    void everyPublicationIsDeliveredExactlyOnceWithoutSlowingPublication() throws Exception {
        publishAll("warm-up", 50, new HashMap<>());
        Response created = services.as(replicas.get(0), "admin").body(Map.of("url", receiver.url("/load"),
                "events", List.of("org.imprimatur.article.published"))).post("/api/v1/webhooks");
        created.then().statusCode(201);
        Map<String, Long> publishedAt = new HashMap<>();
        List<Double> withWebhook = publishAll("load", PUBLISHES, publishedAt);
        // The baseline after the load, with the webhook disabled: both phases run on warmed-up JVMs.
        services.as(replicas.get(0), "admin").body(Map.of("enabled", false))
                .patch("/api/v1/webhooks/" + created.path("id")).then().statusCode(200);
        List<Double> withoutWebhook = publishAll("baseline", BASELINE, new HashMap<>());

        try {
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                    .until(() -> ours(publishedAt).size() >= PUBLISHES);
            // Anything sent twice would arrive within a second: the count must hold that long.
            org.awaitility.Awaitility.await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                    .pollInterval(Duration.ofMillis(100)).until(() -> ours(publishedAt).size() == PUBLISHES);
        } catch (org.awaitility.core.ConditionTimeoutException countedBelow) {
            // reported with the numbers by the assertions below
        }
        List<WebhookReceiver.Received> received = ours(publishedAt);
        Map<String, Long> perEvent = received.stream()
                .collect(Collectors.groupingBy(r -> r.header("webhook-id"), Collectors.counting()));
        Map<String, Long> perSlug = received.stream().collect(Collectors.groupingBy(WebhooksLoadIT::slugOf, Collectors.counting()));
        assertEquals(PUBLISHES, perSlug.size(), "every publication delivered");
        assertEquals(PUBLISHES, perEvent.size());
        assertTrue(perEvent.values().stream().allMatch(count -> count == 1), "none delivered twice");

        List<Double> delays = received.stream()
                .map(r -> (r.receivedAtNanos() - publishedAt.get(slugOf(r))) / 1e6).sorted().toList();
        System.out.printf("Webhooks: %d publications, %d deliveries, 0 lost, 0 duplicated%n", PUBLISHES, received.size());
        System.out.printf("Approve→live latency without a webhook: p50 %.1f ms, p99 %.1f ms (%d publications)%n",
                percentile(withoutWebhook, 50), percentile(withoutWebhook, 99), BASELINE);
        System.out.printf("Approve→live latency with a webhook:    p50 %.1f ms, p99 %.1f ms (%d publications)%n",
                percentile(withWebhook, 50), percentile(withWebhook, 99), PUBLISHES);
        System.out.printf("Publish→received (approve answered → receiver got it): p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                percentile(delays, 50), percentile(delays, 99), delays.get(delays.size() - 1));
        assertTrue(percentile(withWebhook, 50) <= 2 * percentile(withoutWebhook, 50) + 5,
                "publishing with a webhook stays within noise of publishing without one");
    }

    /** Creates, submits and approves {@code count} articles, alternating replicas; returns the approve latencies. */
    private static List<Double> publishAll(String prefix, int count, Map<String, Long> approvedAt) {
        List<Double> latencies = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String base = replicas.get(i % 2);
            String slug = Fixtures.uniqueSlug(prefix);
            String id = services.as(base, "editor").body(Fixtures.article(slug)).post("/api/v1/editorial/articles")
                    .then().statusCode(201).extract().path("id");
            services.as(base, "editor").post("/api/v1/editorial/articles/" + id + "/submit").then().statusCode(200);
            Response latest = services.as(base, "reviewer").get("/api/v1/editorial/articles/" + id);
            long start = System.nanoTime();
            services.as(base, "reviewer").filter(ApiContract.untimed("the approve latency is what this test measures"))
                    .body(Map.<String, Object>of("version", latest.path("version"), "contentHash", latest.path("contentHash"),
                            "evidence", Workflow.allCurrent(latest)))
                    .post("/api/v1/editorial/articles/" + id + "/approve").then().statusCode(200);
            long end = System.nanoTime();
            latencies.add((end - start) / 1e6);
            approvedAt.put(slug, end);
        }
        Collections.sort(latencies);
        return latencies;
    }

    private static List<WebhookReceiver.Received> ours(Map<String, Long> publishedAt) {
        return receiver.received().stream().filter(r -> publishedAt.containsKey(slugOf(r))).toList();
    }

    private static String slugOf(WebhookReceiver.Received request) {
        int at = request.body().indexOf("\"subject\":\"");
        int start = at + "\"subject\":\"".length();
        return at < 0 ? "" : request.body().substring(start, request.body().indexOf('"', start));
    }

    private static double percentile(List<Double> sorted, int percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }
}
