package org.imprimatur.delivery;

import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.imprimatur.support.Fixtures;
import org.imprimatur.support.PackagedService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two packaged services on one PostgreSQL: what one publishes or retracts, the other serves
 * within a second, also after its listening connection was cut.
 */
class ReplicasIT {

    private static PackagedService services;
    private static String first;
    private static String second;

    @BeforeAll
    static void startTwoReplicas() throws Exception {
        services = PackagedService.onFreshDatabase();
        first = services.startInstance("replica-first");
        second = services.startInstance("replica-second");
        // The first rendition a JVM renders loads and compiles the Markdown and JSON code; do that
        // before anything is timed, so the timings below measure how publications propagate.
        String warmUp = Fixtures.uniqueSlug("warm-up");
        publishOn(first, warmUp);
        millisUntil(second, warmUp, 200);
    }

    @AfterAll
    static void stopEverything() throws Exception {
        services.close();
    }

    @Test
    void aPublishOnOneReplicaIsServedByTheOtherWithinASecond() throws Exception {
        String slug = Fixtures.uniqueSlug("replicated");
        get(second, slug).then().statusCode(404); // the other replica now holds "missing" in its cache

        String id = publishOn(first, slug);
        long visibleAfter = millisUntil(second, slug, 200);
        System.out.printf("Publish on one replica served by the other after %d ms%n", visibleAfter);
        assertTrue(visibleAfter < 1000, "the second replica served the publish after " + visibleAfter + " ms");

        services.as(first, "reviewer").body(Map.of("reason", "Superseded"))
                .post("/api/v1/editorial/articles/" + id + "/retract").then().statusCode(200);
        long goneAfter = millisUntil(second, slug, 410);
        System.out.printf("Retraction on one replica served by the other after %d ms%n", goneAfter);
        assertTrue(goneAfter < 1000, "the second replica served the retraction after " + goneAfter + " ms");
    }

    @Test
    void aReplicaThatLostItsListeningConnectionCatchesUp() throws Exception {
        String slug = Fixtures.uniqueSlug("reconnect");
        get(second, slug).then().statusCode(404);
        try (Connection admin = services.connect(); Statement statement = admin.createStatement()) {
            statement.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = '"
                    + PublicationListener.APPLICATION_NAME + "'");
        }
        publishOn(first, slug);
        long visibleAfter = millisUntil(second, slug, 200);
        assertTrue(visibleAfter < 3000, "served after " + visibleAfter + " ms");
    }

    private static String publishOn(String base, String slug) {
        String id = services.as(base, "editor").body(Fixtures.article(slug)).post("/api/v1/editorial/articles")
                .then().statusCode(201).extract().path("id");
        services.as(base, "editor").post("/api/v1/editorial/articles/" + id + "/submit").then().statusCode(200);
        Response latest = services.as(base, "editor").get("/api/v1/editorial/articles/" + id);
        Object version = latest.path("version");
        Object hash = latest.path("contentHash");
        services.as(base, "reviewer").body(Map.of("version", version, "contentHash", hash))
                .post("/api/v1/editorial/articles/" + id + "/approve").then().statusCode(200);
        return id;
    }

    private static long millisUntil(String base, String slug, int status) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            if (get(base, slug).statusCode() == status) {
                return Duration.ofNanos(System.nanoTime() - start).toMillis();
            }
            Thread.sleep(10);
        }
        throw new AssertionError(base + " never answered " + status + " for " + slug);
    }

    private static Response get(String base, String slug) {
        return RestAssured.given().baseUri(base).get("/api/v1/articles/" + slug);
    }
}
