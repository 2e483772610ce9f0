package org.imprimatur.integration;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.imprimatur.support.Api;
import org.imprimatur.support.Fixtures;
import org.imprimatur.support.NonDefaultSettings;
import org.imprimatur.support.WebhookReceiver;
import org.imprimatur.support.Workflow;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * docs/integration.md, "Target addresses": with the default setting, a loopback target is refused
 * when registered by address, and when a name resolves to it at the time of sending.
 */
@QuarkusTest
@TestProfile(NonDefaultSettings.class)
class PrivateTargetsTest {

    @Test
    void privateAddressesAreRefusedAtRegistration() {
        for (String url : List.of("http://127.0.0.1:9/hook", "http://10.1.2.3/hook", "http://[::1]/hook",
                "http://169.254.169.254/latest/meta-data", "http://192.168.0.10/", "http://[fd00::1]/")) {
            Api.as("admin").body(Map.of("url", url, "events", List.of("org.imprimatur.article.published")))
                    .post("/api/v1/webhooks").then().statusCode(422).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("url"))
                    .body("errors[0].message", containsString("public addresses only"));
        }
    }

    @Test
    void aNameThatResolvesToLoopbackIsRefusedWhenSending() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            String webhookId = Api.as("admin").body(Map.of("url", "http://localhost:" + receiver.port() + "/hook",
                            "events", List.of("org.imprimatur.article.submitted")))
                    .post("/api/v1/webhooks").then().statusCode(201).extract().path("id");
            String slug = Fixtures.uniqueSlug("refused");
            Workflow.submit("editor", Api.createdId(Fixtures.article(slug))).then().statusCode(200);

            Map<String, Object> line = awaitAttempt(webhookId, slug);
            assertEquals("pending", line.get("status"), "refused attempts are retried like failed ones");
            assertEquals(null, line.get("lastStatusCode"));
            String error = (String) line.get("lastError");
            org.junit.jupiter.api.Assertions.assertTrue(error.startsWith("refused: localhost resolves to")
                    && error.contains("a loopback address"), error);
            assertEquals(List.of(), receiver.received(), "nothing reached the loopback receiver");
            Api.as("admin").delete("/api/v1/webhooks/" + webhookId).then().statusCode(204);
        }
    }

    private static Map<String, Object> awaitAttempt(String webhookId, String slug) throws InterruptedException {
        return org.awaitility.Awaitility.await("an attempt recorded for " + slug).atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    List<Map<String, Object>> items = Api.as("admin").get("/api/v1/webhooks/" + webhookId + "/deliveries")
                            .then().statusCode(200).extract().path("items");
                    return items.stream().filter(item -> slug.equals(item.get("slug"))
                            && ((Integer) item.get("attempts")) > 0 && item.get("lastError") != null).findFirst();
                }, java.util.Optional::isPresent).get();
    }
}
