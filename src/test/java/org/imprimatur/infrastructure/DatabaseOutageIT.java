package org.imprimatur.infrastructure;

import static org.imprimatur.support.Api.as;

import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.imprimatur.support.Fixtures;
import org.imprimatur.support.RunningJar;
import org.imprimatur.support.Workflow;
import org.junit.jupiter.api.Test;

import org.awaitility.Awaitility;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real PostgreSQL stopped for ten seconds under read load, then started again on the same port
 * (docs/delivery.md "When the database is away", docs/operations.md): cached published reads keep
 * answering, marked stale; an uncached read and a write get a fast 503 with Retry-After;
 * readiness goes down and comes back; writes work again soon after, without a restart.
 */
class DatabaseOutageIT {

    private static final Duration OUTAGE = Duration.ofSeconds(10);

    @Test
    void publishedReadsSurviveAnOutageAndWritesRecoverWithoutARestart() throws Exception {
        Path data = Files.createTempDirectory("imprimatur-outage");
        int databasePort;
        try (ServerSocket socket = new ServerSocket(0)) {
            databasePort = socket.getLocalPort();
        }
        EmbeddedDatabase database = EmbeddedDatabase.start(data, EmbeddedDatabase.Commits.FAST_UNSAFE_FOR_TESTS, databasePort);
        try (RunningJar service = RunningJar.start("outage", Map.of(
                "QUARKUS_DATASOURCE_JDBC_URL", database.jdbcUrl(),
                "QUARKUS_DATASOURCE_USERNAME", database.serviceUsername(),
                "QUARKUS_DATASOURCE_PASSWORD", database.servicePassword(),
                "QUARKUS_FLYWAY_USERNAME", database.ownerUsername(),
                "QUARKUS_FLYWAY_PASSWORD", database.ownerPassword(),
                "IMPRIMATUR_DEMO_SEED", "true"))) {
            String base = service.base();
            String cachedSlug = Fixtures.uniqueSlug("outage-cached");
            String uncachedSlug = Fixtures.uniqueSlug("outage-uncached");
            String cachedId = publish(base, cachedSlug);
            publish(base, uncachedSlug);
            RestAssured.given().baseUri(base).get("/api/v1/articles/" + cachedSlug).then().statusCode(200);
            RestAssured.given().baseUri(base).get("/api/v1/articles").then().statusCode(200);
            String etag = as(base, "editor").get("/api/v1/editorial/articles/" + cachedId).header("ETag");

            try (ReadLoad load = new ReadLoad(base + "/api/v1/articles/" + cachedSlug, 4)) {
                // Enough cached reads under way before the outage to judge the ones during it.
                Awaitility.await("reads under load").atMost(Duration.ofSeconds(30)).until(() -> load.ok.get() >= 500);
                database.close();
                long outageStarted = System.nanoTime();
                // The service has noticed the outage once it reports itself not ready and marks what
                // it serves from the cache as stale (asserted in full below).
                Awaitility.await("the outage noticed").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                        .until(() -> RestAssured.given().baseUri(service.management()).get("/q/health/ready").statusCode() == 503
                                && "imprimatur; hit; detail=stale-if-error".equals(RestAssured.given().baseUri(base)
                                        .get("/api/v1/articles/" + cachedSlug).header("Cache-Status")));

                // Cached: served, and marked stale.
                Response stale = RestAssured.given().baseUri(base).get("/api/v1/articles/" + cachedSlug);
                stale.then().statusCode(200).header("Age", notNullValue())
                        .header("Cache-Status", equalTo("imprimatur; hit; detail=stale-if-error"));
                RestAssured.given().baseUri(base).get("/api/v1/articles").then().statusCode(200)
                        .header("Cache-Status", notNullValue());

                // Not cached: a quick 503, never a hang.
                long started = System.nanoTime();
                Response uncached = RestAssured.given().baseUri(base).get("/api/v1/articles/" + uncachedSlug);
                long uncachedMillis = (System.nanoTime() - started) / 1_000_000;
                assertUnavailable(uncached);
                assertTrue(uncachedMillis < 1000, "uncached read took " + uncachedMillis + " ms");

                // A write: 503 within two seconds.
                started = System.nanoTime();
                Response write = save(base, cachedId, etag, cachedSlug, "Written while the database was away.");
                long writeMillis = (System.nanoTime() - started) / 1_000_000;
                assertUnavailable(write);
                assertTrue(writeMillis < 2000, "write took " + writeMillis + " ms");

                // Not ready, but alive.
                RestAssured.given().baseUri(service.management()).get("/q/health/ready").then().statusCode(503);
                RestAssured.given().baseUri(service.management()).get("/q/health/live").then().statusCode(200);

                // The outage itself lasts OUTAGE: this wait is the behaviour under test, not a guess.
                org.awaitility.Awaitility.await().atMost(OUTAGE.plusSeconds(1)).pollInterval(java.time.Duration.ofMillis(20))
                        .until(() -> System.nanoTime() - outageStarted >= OUTAGE.toNanos());
                database = EmbeddedDatabase.start(data, EmbeddedDatabase.Commits.FAST_UNSAFE_FOR_TESTS, databasePort);
                long back = System.nanoTime();
                int status;
                try {
                    status = Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                            .until(() -> save(base, cachedId, etag, cachedSlug, "Written once the database was back.").statusCode(),
                                    answered -> answered == 200);
                } catch (org.awaitility.core.ConditionTimeoutException notBack) {
                    status = 0;
                }
                long recoveredMillis = (System.nanoTime() - back) / 1_000_000;
                assertEquals(200, status, "writes did not recover");
                assertTrue(recoveredMillis <= 5000, "writes recovered after " + recoveredMillis + " ms");
                System.out.printf("Outage: %d cached reads, %d failed; uncached 503 in %d ms, write 503 in %d ms, "
                        + "writes back %d ms after the database%n", load.ok.get() + load.failed.get(), load.failed.get(),
                        uncachedMillis, writeMillis, recoveredMillis);
            }
            Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).ignoreExceptions()
                    .until(() -> RestAssured.given().baseUri(service.management()).get("/q/health/ready").statusCode() == 200);
            RestAssured.given().baseUri(service.management()).get("/q/health/ready").then().statusCode(200);
            // Fresh again once the replica LISTENs again (it retries every half second; an attempt
            // made while the server was still starting may take up to its 2-3 s timeouts).
            Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                    .until(() -> RestAssured.given().baseUri(base).get("/api/v1/articles/" + cachedSlug).header("Cache-Status") == null);
            RestAssured.given().baseUri(base).get("/api/v1/articles/" + cachedSlug).then().statusCode(200)
                    .header("Age", org.hamcrest.Matchers.nullValue())
                    .header("Cache-Status", org.hamcrest.Matchers.nullValue());
        } finally {
            database.close();
        }
    }

    private static void assertUnavailable(Response response) {
        response.then().statusCode(503).contentType("application/problem+json")
                .header("Retry-After", notNullValue()).body("status", equalTo(503));
    }

    private static String publish(String base, String slug) {
        String id = as(base, "editor").body(Fixtures.article(slug)).post("/api/v1/editorial/articles")
                .then().statusCode(201).extract().path("id");
        as(base, "editor").post("/api/v1/editorial/articles/" + id + "/submit").then().statusCode(200);
        Response latest = as(base, "editor").get("/api/v1/editorial/articles/" + id);
        as(base, "reviewer").body(Map.<String, Object>of("version", latest.path("version"), "contentHash", latest.path("contentHash"),
                        "evidence", Workflow.allCurrent(latest)))
                .post("/api/v1/editorial/articles/" + id + "/approve").then().statusCode(200);
        return id;
    }

    private static Response save(String base, String id, String etag, String slug, String intro) {
        return as(base, "editor").header("If-Match", etag).body(Fixtures.edited(Fixtures.article(slug), intro))
                .put("/api/v1/editorial/articles/" + id);
    }



    /** Readers that fetch one article as fast as they can until closed, counting answers. */
    private static final class ReadLoad implements AutoCloseable {
        final AtomicLong ok = new AtomicLong();
        final AtomicLong failed = new AtomicLong();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final List<Thread> readers = new ArrayList<>();

        ReadLoad(String url, int threads) {
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build();
            for (int i = 0; i < threads; i++) {
                Thread reader = new Thread(() -> {
                    while (running.get()) {
                        try {
                            int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                            (status == 200 ? ok : failed).incrementAndGet();
                        } catch (Exception e) {
                            failed.incrementAndGet();
                        }
                    }
                });
                reader.start();
                readers.add(reader);
            }
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            for (Thread reader : readers) {
                reader.join();
            }
            long total = ok.get() + failed.get();
            assertTrue(total > 1000, "too few reads to judge: " + total);
            assertTrue(ok.get() >= total * 0.999, failed.get() + " of " + total + " cached reads failed");
        }
    }
}
