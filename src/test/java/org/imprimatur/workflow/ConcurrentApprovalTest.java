package org.imprimatur.workflow;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.imprimatur.support.Api;
import org.imprimatur.support.Database;
import org.imprimatur.support.Fixtures;
import org.imprimatur.support.Workflow;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class ConcurrentApprovalTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void twoReviewersApprovingAtOnceMakeExactlyOnePublication() throws Exception {
        for (int round = 0; round < 5; round++) {
            String id = Api.createdId(Fixtures.article(Fixtures.uniqueSlug("double-approve")));
            Workflow.submit("editor", id).then().statusCode(200);
            Object version = Api.latest(id).path("version");
            Object hash = Api.latest(id).path("contentHash");
            Api.token("reviewer");
            Api.token("reviewer2");
            CountDownLatch start = new CountDownLatch(1);
            List<CompletableFuture<Integer>> approvals = List.of("reviewer", "reviewer2").stream()
                    .map(reviewer -> CompletableFuture.supplyAsync(() -> {
                        try {
                            start.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        return Workflow.approve(reviewer, id, version, hash, null).statusCode();
                    }))
                    .toList();
            start.countDown();
            List<Integer> statuses = approvals.stream().map(f -> f.orTimeout(30, TimeUnit.SECONDS).join()).sorted().toList();

            assertEquals(List.of(200, 409), statuses);
            UUID articleId = UUID.fromString(id);
            assertEquals(1, Database.queryLong(dataSource, "SELECT count(*) FROM publications WHERE article_id = ?", articleId));
            assertEquals(1, Database.queryLong(dataSource, "SELECT count(*) FROM review_records WHERE article_id = ?", articleId));
            Api.as("editor").get(Api.ARTICLES + "/" + id + "/audit").then().body("chainValid", equalTo(true));
        }
    }
}
