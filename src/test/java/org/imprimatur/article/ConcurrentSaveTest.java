package org.imprimatur.article;

import io.quarkus.test.junit.QuarkusTest;
import org.imprimatur.support.Api;
import org.imprimatur.support.Fixtures;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.hamcrest.Matchers.contains;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class ConcurrentSaveTest {

    @Test
    void twentySavesWithTheSameIfMatchLetExactlyOneWin() throws Exception {
        Map<String, Object> content = Fixtures.article(Fixtures.uniqueSlug("race"));
        String id = Api.createdId(content);
        String etag = Api.etag(id);
        Api.token("editor");

        int clients = 20;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<Integer>> statuses = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            String body = "Edit number " + i + " [@lee-2021].";
            Callable<Integer> save = () -> {
                start.await();
                return Api.save("editor", id, etag, Fixtures.edited(content, body)).statusCode();
            };
            statuses.add(pool.submit(save));
        }
        start.countDown();
        List<Integer> results = new ArrayList<>();
        for (Future<Integer> status : statuses) {
            results.add(status.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();

        assertEquals(1, results.stream().filter(status -> status == 200).count(), "winners: " + results);
        assertEquals(clients - 1, results.stream().filter(status -> status == 412).count(), "losers: " + results);
        Api.as("editor").get(Api.ARTICLES + "/" + id + "/versions").then().statusCode(200)
                .body("version", contains(2, 1));
    }

    @Test
    void sequentialSavesUnderContentionKeepNumbersGapless() throws Exception {
        Map<String, Object> content = Fixtures.article(Fixtures.uniqueSlug("gapless"));
        String id = Api.createdId(content);
        Api.token("editor");
        int clients = 8;
        int savesEach = 5;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<Integer>> wins = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            wins.add(pool.submit(() -> {
                int won = 0;
                for (int s = 0; s < savesEach; s++) {
                    // read-modify-write until this save lands, as a real editor client would
                    while (Api.save("editor", id, Api.etag(id),
                            Fixtures.edited(content, "Client " + client + " save " + s)).statusCode() != 200) {
                        Thread.onSpinWait();
                    }
                    won++;
                }
                return won;
            }));
        }
        int total = 0;
        for (Future<Integer> win : wins) {
            total += win.get(120, TimeUnit.SECONDS);
        }
        pool.shutdown();
        List<Integer> numbers = Api.as("editor").get(Api.ARTICLES + "/" + id + "/versions").path("version");
        assertEquals(total + 1, numbers.size());
        for (int i = 0; i < numbers.size(); i++) {
            assertEquals(numbers.size() - i, numbers.get(i));
        }
    }
}
