package org.imprimatur.integration;

import org.imprimatur.support.Fixtures;
import org.imprimatur.support.PackagedService;
import org.imprimatur.support.RunningJar;
import org.imprimatur.support.WebhookReceiver;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docs/integration.md, "Webhooks": nothing committed is ever not sent. A service killed with
 * SIGKILL while deliveries wait for a failing receiver, and while one request is in flight, sends
 * them all after a restart, each with the webhook-id it had.
 */
class WebhookCrashIT {

    @Test
    void deliveriesPendingOrInFlightWhenTheServiceIsKilledAreSentAfterARestart() throws Exception {
        Map<String, String> settings = new HashMap<>(Map.of("IMPRIMATUR_WEBHOOKS_ALLOW_PRIVATE_TARGETS", "true",
                "IMPRIMATUR_WEBHOOKS_RETRY_BASE_DELAY", "0.5S", "IMPRIMATUR_WEBHOOKS_RETRY_MAX_DELAY", "2S",
                "IMPRIMATUR_WEBHOOKS_CLAIM_LEASE", "3S"));
        try (PackagedService services = PackagedService.onFreshDatabase(); WebhookReceiver receiver = new WebhookReceiver()) {
            RunningJar first = services.startJar("webhook-crash-first", settings);
            services.as(first.base(), "admin").body(Map.of("url", receiver.url("/crash"),
                    "events", List.of("org.imprimatur.article.submitted"))).post("/api/v1/webhooks").then().statusCode(201);

            // One request in flight: the receiver holds it while the service is killed.
            String inFlight = Fixtures.uniqueSlug("in-flight");
            receiver.holdNext(Duration.ofSeconds(4));
            submit(services, first.base(), inFlight);
            // Killed while the receiver holds the request: wait until the relay has claimed and sent it.
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                    .until(() -> receiver.arrivals() >= 1);
            first.process().destroyForcibly();
            first.process().waitFor();

            // Five more, committed by a second instance while the receiver fails, then killed too.
            RunningJar second = services.startJar("webhook-crash-second", settings);
            receiver.answerAlways(503);
            List<String> pending = new java.util.ArrayList<>();
            for (int i = 0; i < 5; i++) {
                pending.add(submit(services, second.base(), Fixtures.uniqueSlug("pending")));
            }
            // The second instance has tried them all against the failing receiver before it is killed.
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                    .until(() -> pending.stream().allMatch(slug -> receiver.received().stream()
                            .anyMatch(request -> request.answeredWith() == 503 && request.body().contains(slug))));
            second.process().destroyForcibly();
            second.process().waitFor();
            Set<String> idsBefore = receiver.received().stream().map(r -> r.header("webhook-id")).collect(Collectors.toSet());

            receiver.answerAlways(200);
            services.startJar("webhook-crash-third", settings);
            List<String> expected = new java.util.ArrayList<>(pending);
            expected.add(inFlight);
            for (String slug : expected) {
                receiver.await(r -> r.body().contains("\"subject\":\"" + slug + "\"") && r.answeredWith() == 200,
                        Duration.ofSeconds(20));
            }
            Map<String, Set<String>> idsPerSlug = receiver.received().stream()
                    .filter(r -> expected.stream().anyMatch(slug -> r.body().contains("\"subject\":\"" + slug + "\"")))
                    .collect(Collectors.groupingBy(r -> r.body().replaceAll(".*\"subject\":\"([^\"]+)\".*", "$1"),
                            Collectors.mapping(r -> r.header("webhook-id"), Collectors.toSet())));
            assertEquals(6, idsPerSlug.size());
            assertTrue(idsPerSlug.values().stream().allMatch(ids -> ids.size() == 1), "one webhook-id per event: " + idsPerSlug);
            assertTrue(idsBefore.containsAll(idsPerSlug.values().stream().flatMap(Set::stream).toList()),
                    "each was attempted before the kill and sent again after it with the same id");
        }
    }

    private static String submit(PackagedService services, String base, String slug) {
        String id = services.as(base, "editor").body(Fixtures.article(slug)).post("/api/v1/editorial/articles")
                .then().statusCode(201).extract().path("id");
        services.as(base, "editor").post("/api/v1/editorial/articles/" + id + "/submit").then().statusCode(200);
        return slug;
    }
}
