package org.imprimatur.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.response.Response;
import org.awaitility.Awaitility;
import org.imprimatur.support.Fixtures;
import org.imprimatur.support.PackagedService;
import org.imprimatur.support.Workflow;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docs/releases.md, "Publishing": readers never see half a release. Two packaged replicas on one
 * PostgreSQL, readers on both recording per request which version of each item they saw: while
 * the release's transaction is under way nobody sees a new version, and from a second after its
 * commit nobody sees an old one.
 */
class ReleaseReplicasIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The change feed's advisory lock (PublicationHistory): holding it stops a publication just before its last writes. */
    private static final long CHANGE_FEED_LOCK = 727_271_001L;
    private static final int READERS_PER_REPLICA = 3;

    private static PackagedService services;
    private static String first;
    private static String second;

    /** One read: which replica, which item, when it was sent and answered (nanoTime), and the version served (0: none). */
    private record Read(String replica, String slug, long sentAt, long answeredAt, int version) {
    }

    @BeforeAll
    static void startTwoReplicas() throws Exception {
        services = PackagedService.onFreshDatabase();
        first = services.startInstance("release-first");
        second = services.startInstance("release-second");
    }

    @AfterAll
    static void stopEverything() throws Exception {
        services.close();
    }

    @Test
    void noReplicaServesANewVersionBeforeTheCommitAndEveryReplicaServesAllOfThemASecondAfter() throws Exception {
        Map<String, Integer> before = new HashMap<>();
        Map<String, Integer> after = new HashMap<>();
        String release = services.as(first, "editor").body(Map.of("title", "Eczema guideline 2027"))
                .post("/api/v1/editorial/releases").then().statusCode(201).extract().path("id");
        for (int i = 0; i < 6; i++) {
            String slug = Fixtures.uniqueSlug("release-replicated");
            // Half the items edit a live article (version 1 → 2), half are new (nothing → 1).
            String id = i % 2 == 0 ? editedOn(first, slug) : submittedOn(first, slug);
            before.put(slug, i % 2 == 0 ? 1 : 0);
            after.put(slug, i % 2 == 0 ? 2 : 1);
            Response latest = services.as(first, "editor").get("/api/v1/editorial/articles/" + id);
            Object version = latest.path("version");
            Object hash = latest.path("contentHash");
            services.as(first, "editor").body(Map.of("version", version, "contentHash", hash))
                    .put("/api/v1/editorial/releases/" + release + "/items/" + id).then().statusCode(200);
            Map<String, Object> approval = new HashMap<>();
            approval.put("version", version);
            approval.put("contentHash", hash);
            approval.put("scope", "full");
            approval.put("evidence", Workflow.allCurrent(latest));
            approval.put("release", release);
            // Approvals go through the other replica: the release does not depend on where it was filled.
            services.as(second, "reviewer").body(approval).post("/api/v1/editorial/articles/" + id + "/approve")
                    .then().statusCode(200);
        }
        services.as(first, "editor").get("/api/v1/editorial/releases/" + release).then().statusCode(200)
                .body("ready", equalTo(true));

        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        ConcurrentLinkedQueue<Read> reads = new ConcurrentLinkedQueue<>();
        AtomicBoolean reading = new AtomicBoolean(true);
        ExecutorService readers = Executors.newFixedThreadPool(2 * READERS_PER_REPLICA + 1);
        List<String> slugs = new ArrayList<>(before.keySet());
        for (String replica : List.of(first, second)) {
            for (int r = 0; r < READERS_PER_REPLICA; r++) {
                int offset = r;
                readers.submit(() -> {
                    int n = offset;
                    while (reading.get()) {
                        String slug = slugs.get(n++ % slugs.size());
                        reads.add(read(http, replica, slug));
                    }
                    return null;
                });
            }
        }

        // Readers on both replicas first fill their caches with what is live before the release.
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> reads.size() >= 300);
        long lockReleasedAt;
        long committedBy;
        try (Connection holder = services.connect(); Statement lock = holder.createStatement()) {
            lock.execute("SELECT pg_advisory_lock(" + CHANGE_FEED_LOCK + ")");
            CompletableFuture<Integer> publishing = CompletableFuture.supplyAsync(() -> services.as(first, "reviewer")
                    .post("/api/v1/editorial/releases/" + release + "/publish").statusCode(), readers);
            // The release's transaction has locked its rows and changed the articles, and waits for the lock.
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> waitsForTheLock(holder));
            Awaitility.await().pollDelay(Duration.ofMillis(1500)).until(() -> true);
            lockReleasedAt = System.nanoTime();
            lock.execute("SELECT pg_advisory_unlock(" + CHANGE_FEED_LOCK + ")");
            assertEquals(200, publishing.get(20, TimeUnit.SECONDS));
            committedBy = System.nanoTime();
        }
        long oneSecondAfter = committedBy + Duration.ofSeconds(1).toNanos();
        Awaitility.await().pollDelay(Duration.ofMillis(2500)).until(() -> true);
        reading.set(false);
        readers.shutdown();
        assertTrue(readers.awaitTermination(20, TimeUnit.SECONDS));

        int beforeCommit = 0;
        int afterASecond = 0;
        List<String> faults = new ArrayList<>();
        for (Read read : reads) {
            if (read.answeredAt() < lockReleasedAt) {
                beforeCommit++;
                if (read.version() != before.get(read.slug())) {
                    faults.add("before the commit " + read + " saw a new version");
                }
            } else if (read.sentAt() > oneSecondAfter) {
                afterASecond++;
                if (read.version() != after.get(read.slug())) {
                    faults.add("a second after the commit " + read + " saw an old version");
                }
            }
        }
        System.out.printf("Release of %d items: %d reads before the commit, %d from a second after it, %d in all%n",
                slugs.size(), beforeCommit, afterASecond, reads.size());
        assertEquals(List.of(), faults);
        assertTrue(beforeCommit > 100 && afterASecond > 100,
                "too few reads to tell: " + beforeCommit + " before, " + afterASecond + " after");
        for (String replica : List.of(first, second)) {
            assertTrue(reads.stream().anyMatch(read -> read.replica().equals(replica) && read.answeredAt() < lockReleasedAt),
                    replica + " was not read before the commit");
            assertTrue(reads.stream().anyMatch(read -> read.replica().equals(replica) && read.sentAt() > oneSecondAfter),
                    replica + " was not read after the commit");
        }
    }

    private static boolean waitsForTheLock(Connection connection) throws Exception {
        try (PreparedStatement query = connection.prepareStatement("""
                SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND objid = ?""")) {
            query.setLong(1, CHANGE_FEED_LOCK);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1) > 0;
            }
        }
    }

    private static Read read(HttpClient http, String replica, String slug) {
        long sent = System.nanoTime();
        try {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(replica + "/api/v1/articles/" + slug))
                    .header("Accept", "application/json").timeout(Duration.ofSeconds(5)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            long answered = System.nanoTime();
            if (answer.statusCode() == 404) {
                return new Read(replica, slug, sent, answered, 0);
            }
            if (answer.statusCode() != 200) {
                return new Read(replica, slug, sent, answered, -answer.statusCode());
            }
            JsonNode article = JSON.readTree(answer.body());
            return new Read(replica, slug, sent, answered, article.get("version").asInt());
        } catch (Exception failed) {
            return new Read(replica, slug, sent, System.nanoTime(), -1);
        }
    }

    private static String submittedOn(String base, String slug) {
        String id = services.as(base, "editor").body(Fixtures.article(slug)).post("/api/v1/editorial/articles")
                .then().statusCode(201).extract().path("id");
        services.as(base, "editor").post("/api/v1/editorial/articles/" + id + "/submit").then().statusCode(200);
        return id;
    }

    /** Version 1 live, version 2 submitted. */
    private static String editedOn(String base, String slug) {
        Map<String, Object> content = Fixtures.article(slug);
        String id = submittedOn(base, slug);
        Response latest = services.as(base, "editor").get("/api/v1/editorial/articles/" + id);
        Object version = latest.path("version");
        Object hash = latest.path("contentHash");
        services.as(base, "reviewer").body(Map.of("version", version, "contentHash", hash,
                "evidence", Workflow.allCurrent(latest))).post("/api/v1/editorial/articles/" + id + "/approve")
                .then().statusCode(200);
        services.as(base, "editor").header("If-Match", services.as(base, "editor").get("/api/v1/editorial/articles/" + id)
                        .header("ETag")).body(Fixtures.edited(content, "Eczema is very common [@lee-2021]."))
                .put("/api/v1/editorial/articles/" + id).then().statusCode(200);
        services.as(base, "editor").post("/api/v1/editorial/articles/" + id + "/submit").then().statusCode(200);
        return id;
    }
}
