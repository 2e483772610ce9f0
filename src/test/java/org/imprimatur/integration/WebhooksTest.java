package org.imprimatur.integration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.imprimatur.support.Api;
import org.imprimatur.support.ApiContract;
import org.imprimatur.support.Fixtures;
import org.imprimatur.support.WebhookReceiver;
import org.imprimatur.support.ServiceClock;
import org.imprimatur.support.Workflow;
import org.imprimatur.workflow.ScheduledPublishing;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** docs/integration.md, "Webhooks": signed CloudEvents from the outbox, retried, logged and redelivered. */
@QuarkusTest
class WebhooksTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    ScheduledPublishing scheduledPublishing;
    private WebhookReceiver receiver;
    private String webhookId;

    @BeforeEach
    void startReceiver() throws Exception {
        receiver = new WebhookReceiver();
    }

    @AfterEach
    void stopReceiver() {
        if (webhookId != null) {
            Api.as("admin").delete("/api/v1/webhooks/" + webhookId).then().statusCode(204);
        }
        receiver.close();
    }

    @Test
    void aPublicationArrivesSignedAsACloudEventWithinTwoSeconds() throws Exception {
        Response created = subscribe(List.of("org.imprimatur.article.published"));
        String secret = created.path("secret");
        String slug = Fixtures.uniqueSlug("hooked");
        String id = Api.createdId(Fixtures.article(slug));
        Workflow.submit("editor", id).then().statusCode(200);
        long approvedAt = System.nanoTime();
        Response approved = Workflow.approve("reviewer", id);
        approved.then().statusCode(200);

        WebhookReceiver.Received event = receiver.await(r -> r.body().contains(slug), Duration.ofSeconds(2));
        assertTrue(event.receivedAtNanos() - approvedAt < Duration.ofSeconds(2).toNanos());
        assertEquals("application/cloudevents+json; charset=utf-8", event.header("Content-Type"));
        JsonNode cloudEvent = JSON.readTree(event.body());
        assertEquals("1.0", cloudEvent.path("specversion").asText());
        assertEquals("org.imprimatur.article.published", cloudEvent.path("type").asText());
        assertEquals(slug, cloudEvent.path("subject").asText());
        assertEquals(event.header("webhook-id"), cloudEvent.path("id").asText());
        JsonNode data = cloudEvent.path("data");
        assertEquals(id, data.path("articleId").asText());
        assertEquals(1, data.path("version").asInt());
        assertEquals(approved.path("contentHash").toString(), data.path("contentHash").asText());
        assertEquals("PUBLISHED", data.path("state").asText());
        assertTrue(data.path("url").asText().endsWith("/api/v1/articles/" + slug), data.toString());
        assertTrue(data.hasNonNull("occurredAt"));

        // Standard Webhooks: HMAC-SHA256 over "id.timestamp.body" with the secret's key, base64, "v1," first.
        byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        String signed = event.header("webhook-id") + "." + event.header("webhook-timestamp") + "." + event.body();
        String expected = "v1," + Base64.getEncoder().encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
        assertEquals(expected, event.header("webhook-signature"));
        new com.standardwebhooks.Webhook(secret).verify(event.body(), event.headers());
    }

    /** docs/releases.md: each article's published, then one release-published naming them, about no single article. */
    @Test
    void aReleaseIsAnnouncedArticleByArticleThenAsAWhole() throws Exception {
        subscribe(List.of("org.imprimatur.article.published", "org.imprimatur.article.release-published"));
        String slug = Fixtures.uniqueSlug("hooked-release");
        String id = Api.createdId(Fixtures.article(slug));
        Workflow.submit("editor", id).then().statusCode(200);
        String release = Api.as("editor").body(Map.of("title", "Hooked")).post("/api/v1/editorial/releases")
                .then().statusCode(201).extract().path("id");
        Response latest = Api.latest(id);
        Object version = latest.path("version");
        Object hash = latest.path("contentHash");
        Api.as("editor").body(Map.of("version", version, "contentHash", hash))
                .put("/api/v1/editorial/releases/" + release + "/items/" + id).then().statusCode(200);
        Api.as("reviewer").body(Map.of("version", version, "contentHash", hash,
                "scope", "full", "evidence", Workflow.allCurrent(latest), "release", release))
                .post(Api.ARTICLES + "/" + id + "/approve").then().statusCode(200);
        Api.as("reviewer").post("/api/v1/editorial/releases/" + release + "/publish").then().statusCode(200);

        WebhookReceiver.Received whole = receiver.await(r -> r.body().contains("release-published"), Duration.ofSeconds(5));
        JsonNode releaseEvent = JSON.readTree(whole.body());
        assertTrue(releaseEvent.path("subject").isMissingNode(), releaseEvent.toString());
        assertEquals(release, releaseEvent.path("data").path("releaseId").asText());
        assertEquals(slug, releaseEvent.path("data").path("articles").path(0).path("slug").asText());
        List<String> types = new java.util.ArrayList<>();
        for (WebhookReceiver.Received received : receiver.received()) {
            JsonNode event = JSON.readTree(received.body());
            if (event.path("subject").asText().equals(slug) || event.path("type").asText().endsWith("release-published")) {
                types.add(event.path("type").asText());
            }
        }
        assertEquals(List.of("org.imprimatur.article.published", "org.imprimatur.article.release-published"), types);
        deliveryLog().then().body("items.type", org.hamcrest.Matchers.hasItem("org.imprimatur.article.release-published"))
                .body("items.find { it.type == 'org.imprimatur.article.release-published' }.slug", org.hamcrest.Matchers.nullValue());
    }

    /**
     * Security finding 8 (docs/integration.md, "Target addresses"): the name is resolved once and
     * the request goes to that answer. {@code rebinding.test} exists in no DNS, and any later
     * question is answered with an address where nothing listens; the event arrives only if the
     * relay connected to the first answer, under the webhook's own host name.
     */
    @Test
    void theRequestGoesToTheAddressResolvedOnceUnderTheUrlsHostName() {
        java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();
        QuarkusMock.installMockForType(new HostResolver() {
            @Override
            public List<java.net.InetAddress> resolve(String host) throws java.net.UnknownHostException {
                if (!host.equals("rebinding.test")) {
                    return super.resolve(host);
                }
                return List.of(java.net.InetAddress.getByName(asked.getAndIncrement() == 0 ? "127.0.0.1" : "192.0.2.1"));
            }
        }, HostResolver.class);
        String url = "http://rebinding.test:" + receiver.port() + "/hook";
        Response created = Api.as("admin").body(Map.of("url", url, "events", List.of("org.imprimatur.article.submitted")))
                .post("/api/v1/webhooks");
        created.then().statusCode(201);
        webhookId = created.path("id");
        String slug = Fixtures.uniqueSlug("pinned");
        Workflow.submit("editor", Api.createdId(Fixtures.article(slug))).then().statusCode(200);

        WebhookReceiver.Received event = receiver.await(r -> r.body().contains(slug), Duration.ofSeconds(5));
        assertEquals("rebinding.test:" + receiver.port(), event.header("Host"));
        assertEquals(1, asked.get(), "one lookup for the one attempt");
    }

    @Test
    void aReceiverFailingThreeTimesGetsTheEventOnTheFourthAttemptWithTheSameId() {
        receiver.answer(500, 500, 500);
        subscribe(List.of("org.imprimatur.article.submitted"));
        String slug = Fixtures.uniqueSlug("retried");
        String id = Api.createdId(Fixtures.article(slug));
        Workflow.submit("editor", id).then().statusCode(200);

        WebhookReceiver.Received accepted = receiver.await(r -> r.body().contains(slug) && r.answeredWith() == 200,
                Duration.ofSeconds(15));
        List<WebhookReceiver.Received> attempts = receiver.received().stream().filter(r -> r.body().contains(slug)).toList();
        assertEquals(List.of(500, 500, 500, 200), attempts.stream().map(WebhookReceiver.Received::answeredWith).toList());
        assertEquals(1, attempts.stream().map(r -> r.header("webhook-id")).distinct().count(), "one webhook-id for all attempts");
        for (int i = 1; i < attempts.size(); i++) {
            assertTrue(attempts.get(i).receivedAtNanos() - attempts.get(i - 1).receivedAtNanos() >= Duration.ofMillis(50).toNanos(),
                    "attempts are spaced by a backoff");
        }

        Response log = deliveryLog();
        Map<String, Object> line = log.<List<Map<String, Object>>>path("items").stream()
                .filter(item -> slug.equals(item.get("slug"))).findFirst().orElseThrow();
        assertEquals("delivered", line.get("status"));
        assertEquals(4, line.get("attempts"));
        assertEquals(200, line.get("lastStatusCode"));
        assertEquals(accepted.header("webhook-id"), line.get("eventId"));
    }

    @Test
    void eventsOfOneArticleArriveInOrderEvenWhenTheFirstIsRetried() throws Exception {
        receiver.answer(503, 503);
        subscribe(List.of("org.imprimatur.article.approved", "org.imprimatur.article.published",
                "org.imprimatur.article.retracted"));
        String slug = Fixtures.uniqueSlug("ordered");
        String id = Workflow.published(Fixtures.article(slug));
        Workflow.retract("reviewer", id, "Superseded").then().statusCode(200);

        receiver.await(r -> r.body().contains(slug) && r.body().contains("article.retracted"), Duration.ofSeconds(15));
        List<String> types = receiver.received().stream().filter(r -> r.body().contains(slug))
                .map(r -> type(r.body()) + " " + r.answeredWith()).toList();
        assertEquals(List.of("org.imprimatur.article.approved 503", "org.imprimatur.article.approved 503",
                "org.imprimatur.article.approved 200", "org.imprimatur.article.published 200",
                "org.imprimatur.article.retracted 200"), types);
    }

    @Test
    void aScheduledApprovalAnnouncesApprovedAndScheduledThenPublishedWhenItGoesLive() throws Exception {
        subscribe(List.of("org.imprimatur.article.approved", "org.imprimatur.article.scheduled",
                "org.imprimatur.article.published"));
        String slug = Fixtures.uniqueSlug("scheduled-hook");
        String id = Api.createdId(Fixtures.article(slug));
        Workflow.submit("editor", id).then().statusCode(200);
        Response latest = Api.latest(id);
        java.time.Instant publishAt = java.time.Instant.now().plus(Duration.ofDays(3)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        Workflow.approve("reviewer", id, latest.path("version"), latest.path("contentHash"), publishAt.toString())
                .then().statusCode(200).body("state", equalTo("APPROVED"));
        WebhookReceiver.Received scheduled = receiver.await(r -> r.body().contains(slug) && r.body().contains("article.scheduled"),
                Duration.ofSeconds(2));
        assertEquals(publishAt.toString(), JSON.readTree(scheduled.body()).path("data").path("publishAt").asText());
        try {
            ServiceClock.moveAhead(Duration.ofDays(3).plusMinutes(1));
            scheduledPublishing.publishDue();
        } finally {
            ServiceClock.reset();
        }
        receiver.await(r -> r.body().contains(slug) && r.body().contains("article.published"), Duration.ofSeconds(2));
        assertEquals(List.of("org.imprimatur.article.approved", "org.imprimatur.article.scheduled",
                "org.imprimatur.article.published"), receiver.received().stream().filter(r -> r.body().contains(slug))
                .map(r -> type(r.body())).toList());
    }

    @Test
    void aRedeliverySendsTheSameEventAgain() {
        subscribe(List.of("org.imprimatur.article.submitted"));
        String slug = Fixtures.uniqueSlug("again");
        String id = Api.createdId(Fixtures.article(slug));
        Workflow.submit("editor", id).then().statusCode(200);
        WebhookReceiver.Received first = receiver.await(r -> r.body().contains(slug), Duration.ofSeconds(2));
        String deliveryId = awaitDelivered(slug);

        Api.as("admin").post("/api/v1/webhooks/" + webhookId + "/deliveries/" + deliveryId + "/redeliver")
                .then().statusCode(202).body("id", equalTo(deliveryId)).body("status", equalTo("pending"));
        receiver.await(r -> r.body().contains(slug) && r != first && r.receivedAtNanos() > first.receivedAtNanos(),
                Duration.ofSeconds(2));
        List<WebhookReceiver.Received> both = receiver.received().stream().filter(r -> r.body().contains(slug)).toList();
        assertEquals(2, both.size());
        assertEquals(both.get(0).header("webhook-id"), both.get(1).header("webhook-id"));
        assertEquals(both.get(0).body(), both.get(1).body(), "the same document, as written at the time");
        Api.as("admin").post("/api/v1/webhooks/" + webhookId + "/deliveries/" + java.util.UUID.randomUUID() + "/redeliver")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void onlyAdminsManageWebhooksAndTheSecretIsShownOnce() {
        Api.as("editor").body(Map.of("url", receiver.url("/"), "events", List.of("org.imprimatur.article.published")))
                .post("/api/v1/webhooks").then().statusCode(403).contentType("application/problem+json");
        Response created = subscribe(List.of("org.imprimatur.article.published"));
        created.then().statusCode(201).header("Location", containsString("/api/v1/webhooks/" + webhookId))
                .body("secret", containsString("whsec_")).body("enabled", equalTo(true));
        Api.as("admin").get("/api/v1/webhooks/" + webhookId).then().statusCode(200).body("$", not(hasKey("secret")));
        Api.as("admin").get("/api/v1/webhooks").then().statusCode(200).body("find { it.id == '" + webhookId + "' }.url",
                equalTo(receiver.url("/hook")));

        String rotated = Api.as("admin").body(Map.of("rotateSecret", true, "enabled", false))
                .patch("/api/v1/webhooks/" + webhookId).then().statusCode(200).body("enabled", equalTo(false))
                .body("secret", notNullValue()).extract().path("secret");
        assertTrue(!rotated.equals(created.path("secret")));
        Api.as("admin").body(Map.of("description", "x".repeat(501)))
                .patch("/api/v1/webhooks/" + webhookId).then().statusCode(422);
    }

    @Test
    void badSubscriptionsAreRefusedAndNothingIsStored() {
        int before = Api.as("admin").get("/api/v1/webhooks").then().statusCode(200).extract().path("size()");
        Api.as("admin").filter(ApiContract.answerOnly()).body(Map.of("url", receiver.url("/"), "events", List.of("article.published")))
                .post("/api/v1/webhooks").then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("events[0]"));
        Api.as("admin").filter(ApiContract.answerOnly()).body(Map.of("url", "ftp://example.org/x", "events", List.of("org.imprimatur.article.published")))
                .post("/api/v1/webhooks").then().statusCode(422).body("errors[0].field", equalTo("url"));
        Api.as("admin").filter(ApiContract.answerOnly()).body(Map.of("url", "https://user:pw@example.org/x", "events", List.of("org.imprimatur.article.published")))
                .post("/api/v1/webhooks").then().statusCode(422);
        Api.as("admin").filter(ApiContract.answerOnly()).body(Map.of("url", "https://example.org/x", "events", List.of()))
                .post("/api/v1/webhooks").then().statusCode(422);
        Api.as("admin").filter(ApiContract.answerOnly()).body(Map.of("url", "https://example.org/x", "events", List.of("org.imprimatur.article.published"),
                        "secret", "mine")).post("/api/v1/webhooks").then().statusCode(400);
        // docs/security.md, "Control characters": a description and a URL are single lines.
        Api.as("admin").filter(ApiContract.answerOnly()).body(Map.of("url", "https://example.org/x", "events", List.of("org.imprimatur.article.published"),
                        "description", "CDN purge\nX-Injected: yes")).post("/api/v1/webhooks").then().statusCode(422)
                .contentType("application/problem+json").body("errors[0].field", equalTo("description"));
        Api.as("admin").filter(ApiContract.answerOnly()).body(Map.of("url", "https://example.org/\u202Eexe.x", "events", List.of("org.imprimatur.article.published")))
                .post("/api/v1/webhooks").then().statusCode(422).body("errors[0].field", equalTo("url"));
        Api.as("admin").filter(ApiContract.answerOnly()).get("/api/v1/webhooks/not-a-uuid").then().statusCode(404);
        Api.as("admin").get("/api/v1/webhooks/" + java.util.UUID.randomUUID() + "/deliveries").then().statusCode(404);
        assertEquals(before, (int) Api.as("admin").get("/api/v1/webhooks").then().extract().path("size()"));
    }

    private Response subscribe(List<String> events) {
        Response created = Api.as("admin").body(Map.of("url", receiver.url("/hook"), "events", events,
                "description", "test receiver")).post("/api/v1/webhooks");
        created.then().statusCode(201);
        webhookId = created.path("id");
        return created;
    }

    private Response deliveryLog() {
        Response log = Api.as("admin").get("/api/v1/webhooks/" + webhookId + "/deliveries");
        log.then().statusCode(200);
        return log;
    }

    private String awaitDelivered(String slug) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline) {
            for (Map<String, Object> item : deliveryLog().<List<Map<String, Object>>>path("items")) {
                if (slug.equals(item.get("slug")) && "delivered".equals(item.get("status"))) {
                    return (String) item.get("id");
                }
            }
        }
        throw new AssertionError("not delivered: " + slug);
    }

    private static String type(String body) {
        try {
            return JSON.readTree(body).path("type").asText();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
