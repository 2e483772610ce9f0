package org.imprimatur.infrastructure;

import io.restassured.RestAssured;
import org.imprimatur.support.Fixtures;
import org.imprimatur.support.PackagedService;
import org.imprimatur.support.RunningJar;
import org.junit.jupiter.api.Test;

import org.awaitility.Awaitility;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SIGTERM to the packaged service under a load of saves (docs/operations.md, "Stopping"): it reports
 * not ready at once, and every request it accepted before the signal completes with its normal answer.
 */
class GracefulShutdownIT {

    /** One request: when it was sent (relative to the signal) and what came back. */
    record Outcome(long sentNanos, int status, String failure) {
    }

    @Test
    void everyRequestAcceptedBeforeSigtermCompletesNormally() throws Exception {
        try (PackagedService services = PackagedService.onFreshDatabase()) {
            RunningJar service = services.startJar("graceful", Map.of(
                    "IMPRIMATUR_SHUTDOWN_DELAY", "2S", "IMPRIMATUR_SHUTDOWN_TIMEOUT", "20S"));
            String token = org.imprimatur.support.Api.token(service.base(), "editor");
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            List<Outcome> outcomes = new CopyOnWriteArrayList<>();
            AtomicBoolean running = new AtomicBoolean(true);
            List<Thread> writers = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                Thread writer = new Thread(() -> {
                    while (running.get()) {
                        String body = toJson(Fixtures.article(Fixtures.uniqueSlug("graceful")));
                        HttpRequest request = HttpRequest.newBuilder(URI.create(service.base() + "/api/v1/editorial/articles"))
                                .header("authorization", "Bearer " + token).header("content-type", "application/json")
                                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(body)).build();
                        long sent = System.nanoTime();
                        try {
                            outcomes.add(new Outcome(sent, client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode(), null));
                        } catch (Exception refused) {
                            outcomes.add(new Outcome(sent, 0, refused.toString()));
                            return;
                        }
                    }
                });
                writer.start();
                writers.add(writer);
            }
            // Writes in flight before the signal: each writer has been answered a few times.
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> outcomes.size() >= 3 * writers.size());
            long signal = System.nanoTime();
            service.process().destroy();   // SIGTERM
            // Not ready at once, while the API still answers.
            int readiness = Awaitility.await("readiness going down").atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(50))
                    .until(() -> RestAssured.given().baseUri(service.management()).get("/q/health/ready").statusCode(),
                            status -> status == 503);
            assertEquals(503, readiness, "readiness did not go down");
            RestAssured.given().baseUri(service.base()).get("/api/v1/articles").then().statusCode(200);

            assertTrue(service.process().waitFor(30, TimeUnit.SECONDS), "the service did not stop");
            running.set(false);
            for (Thread writer : writers) {
                writer.join(30_000);
            }
            List<Outcome> beforeSignal = outcomes.stream().filter(outcome -> outcome.sentNanos() < signal).toList();
            assertTrue(beforeSignal.size() > 20, "too little load: " + beforeSignal.size());
            for (Outcome outcome : beforeSignal) {
                assertEquals(201, outcome.status(), "a request sent before SIGTERM got " + outcome);
            }
            System.out.printf("SIGTERM under load: %d saves sent before the signal, all 201; %d after it, %d of them 201%n",
                    beforeSignal.size(), outcomes.size() - beforeSignal.size(),
                    outcomes.stream().filter(o -> o.sentNanos() >= signal && o.status() == 201).count());
        }
    }

    private static String toJson(Object value) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
