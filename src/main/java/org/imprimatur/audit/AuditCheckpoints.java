package org.imprimatur.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.imprimatur.infrastructure.CanonicalJson;
import org.imprimatur.infrastructure.NativeRows;
import org.imprimatur.infrastructure.ProblemException;
import org.imprimatur.infrastructure.Timestamps;
import org.imprimatur.security.SigningKeys;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.lang.JoseException;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Takes, signs, keeps and verifies audit checkpoints (docs/security.md, "Verifying the audit
 * trail"): the heads of every article's chain and a root over them, published so that outsiders
 * can keep copies.
 */
@ApplicationScoped
public class AuditCheckpoints {

    private final EntityManager entityManager;
    private final SigningKeys signingKeys;
    private final ObjectMapper mapper;

    private final Clock clock;

    public AuditCheckpoints(EntityManager entityManager, SigningKeys signingKeys, ObjectMapper mapper, Clock clock) {
        this.clock = clock;
        this.entityManager = entityManager;
        this.signingKeys = signingKeys;
        this.mapper = mapper;
    }

    /**
     * A signed checkpoint. {@code signature} is a JWS (RS256, {@code kid} in its header, key in
     * /api/v1/auth/jwks) whose payload is the canonical JSON of id, issuedAt, articleCount and root.
     */
    public record Checkpoint(long id, Instant issuedAt, int articleCount, String root, String signature) {
    }

    /** What a verification found: whether every head the checkpoint recorded is still in its chain. */
    public record Verification(long checkpointId, boolean matches, String keptRoot, String recordedRoot,
                               List<UUID> rewrittenArticles) {
    }

    /** Every quarter of an hour, when anything was audited since the last checkpoint. */
    // AuditSettings declares the interval; the scheduler does not see a mapping's defaults, so it is
    // repeated here, and ConfigurationTableTest checks that both say the same.
    @Scheduled(every = "${imprimatur.audit.checkpoint-interval:15M}", delayed = "1m")
    @Transactional
    void takeIfChanged() {
        List<AuditHeads.Head> heads = currentHeads();
        Optional<Checkpoint> latest = latest();
        if (latest.isEmpty() || !latest.get().root().equals(AuditHeads.root(heads))) {
            store(heads);
        }
    }

    @Transactional
    public Checkpoint take() {
        return store(currentHeads());
    }

    @Transactional
    public Optional<Checkpoint> latest() {
        return NativeRows.select(entityManager, """
                        SELECT id, issued_at AS issuedAt, article_count AS articleCount, root, signature
                        FROM audit_checkpoints ORDER BY id DESC LIMIT 1""", Checkpoint.class)
                .getResultList().stream().findFirst();
    }

    /** A checkpoint with the heads it recorded, so that anyone can recompute its root. */
    public record WithHeads(Checkpoint checkpoint, List<AuditHeads.Head> heads) {
    }

    @Transactional
    public WithHeads withHeads(long checkpointId) {
        StoredCheckpoint stored = NativeRows.select(entityManager, """
                        SELECT id, issued_at AS issuedAt, article_count AS articleCount, root, signature,
                               CAST(heads AS text) AS heads
                        FROM audit_checkpoints WHERE id = ?1""", StoredCheckpoint.class)
                .setParameter(1, checkpointId)
                .getResultList().stream().findFirst()
                .orElseThrow(() -> ProblemException.notFound("There is no audit checkpoint " + checkpointId + "."));
        return new WithHeads(new Checkpoint(stored.id(), stored.issuedAt(), stored.articleCount(), stored.root(),
                stored.signature()), parseHeads(stored.heads()));
    }

    /** A checkpoint's row, its heads as the JSON they were kept in. */
    private record StoredCheckpoint(long id, Instant issuedAt, int articleCount, String root, String signature,
                                    String heads) {
    }

    /**
     * Checks a kept root against the heads the checkpoint recorded and those against the chains as
     * they are now: a chain rewritten after the checkpoint, however carefully re-hashed, no longer
     * has the recorded hash at the recorded position.
     */
    @Transactional
    public Verification verify(long checkpointId, String keptRoot) {
        RecordedRoot recorded = NativeRows.select(entityManager,
                        "SELECT root, CAST(heads AS text) AS heads FROM audit_checkpoints WHERE id = ?1", RecordedRoot.class)
                .setParameter(1, checkpointId)
                .getResultList().stream().findFirst()
                .orElseThrow(() -> ProblemException.notFound("There is no audit checkpoint " + checkpointId + "."));
        String recordedRoot = recorded.root();
        List<AuditHeads.Head> heads = parseHeads(recorded.heads());
        List<UUID> rewritten = heads.stream().filter(head -> !stillInChain(head)).map(AuditHeads.Head::articleId).toList();
        boolean headsMatchRoot = AuditHeads.root(heads).equals(recordedRoot);
        boolean matches = headsMatchRoot && recordedRoot.equals(keptRoot) && rewritten.isEmpty();
        return new Verification(checkpointId, matches, keptRoot, recordedRoot, rewritten);
    }

    /** What a checkpoint recorded: its root and the heads (as JSON) it was computed from. */
    private record RecordedRoot(String root, String heads) {
    }

    private boolean stillInChain(AuditHeads.Head head) {
        List<AuditEvent> chain = AuditEvent.list("articleId = ?1 order by seq", head.articleId());
        return AuditChain.isValid(chain) && chain.size() >= head.seq() && chain.get(head.seq() - 1).hash.equals(head.hash());
    }

    private List<AuditHeads.Head> currentHeads() {
        return NativeRows.select(entityManager, """
                        SELECT DISTINCT ON (article_id) article_id AS articleId, seq, hash FROM audit_events
                        ORDER BY article_id, seq DESC""", AuditHeads.Head.class)
                .getResultList();
    }

    private Checkpoint store(List<AuditHeads.Head> heads) {
        Instant issuedAt = Timestamps.now(clock);
        String root = AuditHeads.root(heads);
        long id = ((Number) entityManager.createNativeQuery("SELECT nextval(pg_get_serial_sequence('audit_checkpoints', 'id'))")
                .getSingleResult()).longValue();
        SigningKeys.StoredKey key = signingKeys.signingKey();
        String signature = sign(key, id, issuedAt, heads.size(), root);
        entityManager.createNativeQuery("""
                        INSERT INTO audit_checkpoints (id, issued_at, article_count, root, heads, key_id, signature)
                        OVERRIDING SYSTEM VALUE VALUES (?1, ?2, ?3, ?4, CAST(?5 AS jsonb), ?6, ?7)""")
                .setParameter(1, id)
                .setParameter(2, issuedAt.atOffset(ZoneOffset.UTC))
                .setParameter(3, heads.size())
                .setParameter(4, root)
                .setParameter(5, json(heads))
                .setParameter(6, key.id())
                .setParameter(7, signature)
                .executeUpdate();
        return new Checkpoint(id, issuedAt, heads.size(), root, signature);
    }

    /** The signed statement: canonical JSON, so that any verifier can rebuild the exact bytes. */
    static String signedPayload(long id, Instant issuedAt, int articleCount, String root) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("articleCount", articleCount);
        payload.put("id", id);
        payload.put("issuedAt", issuedAt.toString());
        payload.put("root", root);
        return CanonicalJson.serialize(payload);
    }

    private static String sign(SigningKeys.StoredKey key, long id, Instant issuedAt, int articleCount, String root) {
        try {
            JsonWebSignature jws = new JsonWebSignature();
            jws.setPayload(signedPayload(id, issuedAt, articleCount, root));
            jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
            jws.setKeyIdHeaderValue(key.id());
            jws.setKey(key.privateKey());
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("The audit checkpoint could not be signed", e);
        }
    }

    private String json(List<AuditHeads.Head> heads) {
        try {
            return mapper.writeValueAsString(heads);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<AuditHeads.Head> parseHeads(String json) {
        try {
            return mapper.readValue(json, new TypeReference<List<AuditHeads.Head>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored checkpoint's heads cannot be read", e);
        }
    }
}
