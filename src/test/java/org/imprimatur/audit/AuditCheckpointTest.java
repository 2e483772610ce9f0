package org.imprimatur.audit;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.imprimatur.support.Api;
import org.imprimatur.support.Database;
import org.imprimatur.support.Fixtures;
import org.imprimatur.support.Workflow;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jws.JsonWebSignature;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docs/security.md, "Verifying the audit trail": a chain rewritten and re-hashed so carefully that
 * it verifies on its own is still caught against a checkpoint someone kept.
 */
@QuarkusTest
class AuditCheckpointTest {

    @Test
    void aRewrittenChainNoLongerReachesTheHeadAKeptCheckpointRecorded() throws Exception {
        String id = Workflow.published(Fixtures.article(Fixtures.uniqueSlug("witnessed")));

        Api.as("editor").post("/api/v1/editorial/audit/checkpoints").then().statusCode(403);
        Response taken = Api.as("admin").post("/api/v1/editorial/audit/checkpoints");
        taken.then().statusCode(201);
        long checkpointId = taken.jsonPath().getLong("id");
        String keptRoot = taken.path("root");
        String signature = taken.path("signature");

        // Anyone can fetch it and check the signature with the published keys.
        RestAssured.get("/api/v1/audit/checkpoints/latest").then().statusCode(200)
                .body("root", equalTo(keptRoot)).body("signature", equalTo(signature));
        JsonWebSignature jws = new JsonWebSignature();
        jws.setCompactSerialization(signature);
        JsonWebKeySet keys = new JsonWebKeySet(RestAssured.get("/api/v1/auth/jwks").asString());
        JsonWebKey key = keys.findJsonWebKey(jws.getKeyIdHeaderValue(), "RSA", "sig", "RS256");
        jws.setKey(key.getKey());
        assertTrue(jws.verifySignature());
        assertEquals(AuditCheckpoints.signedPayload(checkpointId, Instant.parse(taken.path("issuedAt")),
                taken.path("articleCount"), keptRoot), jws.getPayload());

        verify(checkpointId, keptRoot).then().statusCode(200).body("rewrittenArticles", not(hasItem(id)));
        // The heads it recorded recompute to the same root, as docs/security.md shows with sha256sum.
        List<Map<String, Object>> heads = Api.as("editor").get("/api/v1/editorial/audit/checkpoints/" + checkpointId)
                .then().statusCode(200).extract().path("heads");
        StringBuilder lines = new StringBuilder();
        heads.stream().sorted(java.util.Comparator.comparing(head -> head.get("articleId").toString()))
                .forEach(head -> lines.append(head.get("articleId")).append(' ').append(head.get("seq")).append(' ')
                        .append(head.get("hash")).append('\n'));
        assertEquals(keptRoot, org.imprimatur.infrastructure.CanonicalJson.sha256Hex(lines.toString()));
        assertTrue(heads.stream().anyMatch(head -> head.get("articleId").equals(id)));

        rewriteAndRehash(UUID.fromString(id));
        // On its own the rewritten chain looks perfect...
        Api.as("editor").get(Api.ARTICLES + "/" + id + "/audit").then().statusCode(200)
                .body("chainValid", equalTo(true))
                .body("events.find { it.action == 'approve' }.actor.name", equalTo("Someone Else"));
        // ...but it no longer reaches the head the kept checkpoint recorded.
        verify(checkpointId, keptRoot).then().statusCode(200)
                .body("matches", equalTo(false))
                .body("rewrittenArticles", hasItem(id));
        // A root that was never published does not match either.
        verify(checkpointId, "f".repeat(64)).then().statusCode(200).body("matches", equalTo(false));
        verify(999_999_999L, keptRoot).then().statusCode(404);
        Api.as("editor").body(Map.of("id", checkpointId, "root", "not-hex")).post("/api/v1/editorial/audit/checkpoints/verify")
                .then().statusCode(422);
        // The checkpoints themselves are append-only.
        Database.assertImmutable(Database.owner(), "audit_checkpoints", "UPDATE",
                "UPDATE audit_checkpoints SET root = ? WHERE id = ?", "0".repeat(64), checkpointId);
    }

    private static Response verify(long checkpointId, String root) {
        return Api.as("editor").contentType(ContentType.JSON).body(Map.of("id", checkpointId, "root", root))
                .post("/api/v1/editorial/audit/checkpoints/verify");
    }

    /** What someone with the owner's password could do: change an event and re-hash the chain after it. */
    private static void rewriteAndRehash(UUID articleId) throws Exception {
        try (Connection owner = Database.owner().getConnection()) {
            owner.setAutoCommit(false);
            List<AuditEvent> events = new ArrayList<>();
            try (PreparedStatement select = owner.prepareStatement("""
                    SELECT id, seq, occurred_at, actor_id, actor_name, action, from_state, to_state, version_no, comment
                    FROM audit_events WHERE article_id = ? ORDER BY seq""")) {
                select.setObject(1, articleId);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        AuditEvent event = new AuditEvent();
                        event.id = rows.getLong(1);
                        event.articleId = articleId;
                        event.seq = rows.getInt(2);
                        event.occurredAt = rows.getObject(3, java.time.OffsetDateTime.class).toInstant();
                        event.actorId = (UUID) rows.getObject(4);
                        event.actorName = rows.getString(5);
                        event.action = rows.getString(6);
                        event.fromState = rows.getString(7);
                        event.toState = rows.getString(8);
                        event.versionNo = (Integer) rows.getObject(9);
                        event.comment = rows.getString(10);
                        events.add(event);
                    }
                }
            }
            try (Statement statement = owner.createStatement();
                 PreparedStatement update = owner.prepareStatement(
                         "UPDATE audit_events SET actor_name = ?, previous_hash = ?, hash = ? WHERE id = ?")) {
                statement.execute("ALTER TABLE audit_events DISABLE TRIGGER audit_events_immutable");
                String previous = AuditChain.GENESIS;
                for (AuditEvent event : events) {
                    if (event.action.equals("approve")) {
                        event.actorName = "Someone Else";
                    }
                    event.previousHash = previous;
                    event.hash = AuditChain.hash(previous, event);
                    update.setString(1, event.actorName);
                    update.setString(2, event.previousHash);
                    update.setString(3, event.hash);
                    update.setLong(4, event.id);
                    update.executeUpdate();
                    previous = event.hash;
                }
                statement.execute("ALTER TABLE audit_events ENABLE TRIGGER audit_events_immutable");
            }
            owner.commit();
        }
    }
}
