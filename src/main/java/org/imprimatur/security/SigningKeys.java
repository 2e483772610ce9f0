package org.imprimatur.security;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.imprimatur.infrastructure.NativeRows;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The RSA keys that sign our access tokens, kept in PostgreSQL so that every replica signs and
 * verifies with the same keys and restarts keep tokens valid. One key signs at a time. Rotation
 * makes a new key that starts signing after an activation delay longer than the replicas' refresh
 * interval, so every replica can verify its tokens from the first; the old key stops signing then
 * and keeps verifying until its last tokens have expired (docs/security.md, "Rotating the signing key").
 */
@ApplicationScoped
public class SigningKeys {

    /** The first key's id; rotated keys get ids of their own. */
    static final String FIRST_KEY_ID = "imprimatur-rs256-1";
    /** How often every replica re-reads the keys; shorter than any sensible activation delay. */
    static final Duration REFRESH = Duration.ofSeconds(10);

    /** One stored key: it signs from {@code signsFrom} until {@code retiredAt} (null: no successor yet). */
    public record StoredKey(String id, PublicKey publicKey, PrivateKey privateKey, Instant signsFrom, Instant retiredAt) {

        boolean signsAt(Instant now) {
            return !now.isBefore(signsFrom) && (retiredAt == null || now.isBefore(retiredAt));
        }

        /** A retired key still verifies until the last token it could have signed has expired. */
        boolean verifiesAt(Instant now, Duration tokenLifetime) {
            return retiredAt == null || now.isBefore(retiredAt.plus(tokenLifetime));
        }
    }

    private final EntityManager entityManager;
    private final Clock clock;
    private final Duration tokenLifetime;
    private final Duration activationDelay;
    private volatile Map<String, StoredKey> keys = Map.of();

    public SigningKeys(EntityManager entityManager, Clock clock, SecuritySettings settings) {
        this.entityManager = entityManager;
        this.clock = clock;
        this.tokenLifetime = settings.tokenLifetime();
        this.activationDelay = settings.keyActivationDelay();
    }

    void onStart(@Observes StartupEvent event) {
        ensureOneExists();
        reload();
    }

    @Transactional
    void ensureOneExists() {
        // Making an RSA key costs a good part of a second: only when there is none to read.
        if (Boolean.TRUE.equals(entityManager.createNativeQuery("SELECT EXISTS (SELECT 1 FROM signing_keys)").getSingleResult())) {
            return;
        }
        KeyPair candidate = generate();
        // Two replicas starting together both try; the first insert wins and both read it back.
        entityManager.createNativeQuery("""
                        INSERT INTO signing_keys (key_id, algorithm, private_key, public_key, signs_from)
                        SELECT ?1, 'RS256', ?2, ?3, now() - interval '1 second' WHERE NOT EXISTS (SELECT 1 FROM signing_keys)
                        ON CONFLICT DO NOTHING""")
                .setParameter(1, FIRST_KEY_ID)
                .setParameter(2, candidate.getPrivate().getEncoded())
                .setParameter(3, candidate.getPublic().getEncoded())
                .executeUpdate();
    }

    // SecuritySettings declares the interval; the scheduler does not see a mapping's defaults, so it
    // is repeated here, and ConfigurationTableTest checks that both say the same.
    @Scheduled(every = "${imprimatur.auth.key-refresh-interval:10S}", delayed = "${imprimatur.auth.key-refresh-interval:10S}")
    @Transactional
    void reload() {
        Map<String, StoredKey> loaded = new HashMap<>();
        for (KeyRow row : NativeRows.select(entityManager, """
                        SELECT key_id AS keyId, private_key AS privateKey, public_key AS publicKey, signs_from AS signsFrom,
                               retired_at AS retiredAt
                        FROM signing_keys""", KeyRow.class).getResultList()) {
            KeyPair pair = decode(row.privateKey(), row.publicKey());
            loaded.put(row.keyId(), new StoredKey(row.keyId(), pair.getPublic(), pair.getPrivate(), row.signsFrom(),
                    row.retiredAt()));
        }
        keys = Map.copyOf(loaded);
    }

    /** A key as stored: the pair in its encoded forms, and when it signs. */
    private record KeyRow(String keyId, byte[] privateKey, byte[] publicKey, Instant signsFrom, Instant retiredAt) {
    }

    /** The new key and the instant it starts to sign. */
    public record Rotation(String keyId, Instant signsFrom) {
    }

    /**
     * Makes a new key that signs from the end of the activation delay, and retires the current one
     * at that instant, for every replica.
     */
    @Transactional
    public Rotation rotate() {
        // Rotations on two replicas at once happen one after the other.
        entityManager.createNativeQuery("LOCK TABLE signing_keys IN SHARE ROW EXCLUSIVE MODE").executeUpdate();
        Instant signsFrom = clock.instant().plus(activationDelay).truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        // A rotation pending from an earlier call is overtaken: the newest key takes over at signsFrom.
        entityManager.createNativeQuery("UPDATE signing_keys SET retired_at = ?1 WHERE retired_at IS NULL OR retired_at > ?1")
                .setParameter(1, signsFrom.atOffset(java.time.ZoneOffset.UTC))
                .executeUpdate();
        KeyPair pair = generate();
        String id = "imprimatur-rs256-" + UUID.randomUUID();
        entityManager.createNativeQuery("""
                        INSERT INTO signing_keys (key_id, algorithm, private_key, public_key, signs_from)
                        VALUES (?1, 'RS256', ?2, ?3, ?4)""")
                .setParameter(1, id)
                .setParameter(2, pair.getPrivate().getEncoded())
                .setParameter(3, pair.getPublic().getEncoded())
                .setParameter(4, signsFrom.atOffset(java.time.ZoneOffset.UTC))
                .executeUpdate();
        entityManager.flush();
        reload();
        return new Rotation(id, signsFrom);
    }

    /** The key that signs now. */
    public StoredKey signingKey() {
        Instant now = clock.instant();
        return keys.values().stream().filter(key -> key.signsAt(now)).findFirst()
                .orElseThrow(() -> new IllegalStateException("No signing key signs at " + now));
    }

    /** The public key for a token's {@code kid}, if that key still verifies. */
    public Optional<PublicKey> verificationKey(String keyId) {
        StoredKey key = keyId == null ? null : keys.get(keyId);
        return Optional.ofNullable(key).filter(found -> found.verifiesAt(clock.instant(), tokenLifetime))
                .map(StoredKey::publicKey);
    }

    /** Public keys that still verify, for the JWKS document. */
    public List<StoredKey> verifyingKeys() {
        Instant now = clock.instant();
        return keys.values().stream().filter(key -> key.verifiesAt(now, tokenLifetime)).toList();
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA key generation is unavailable", e);
        }
    }

    private static KeyPair decode(byte[] privateKey, byte[] publicKey) {
        try {
            KeyFactory factory = KeyFactory.getInstance("RSA");
            return new KeyPair(factory.generatePublic(new X509EncodedKeySpec(publicKey)),
                    factory.generatePrivate(new PKCS8EncodedKeySpec(privateKey)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The stored signing key cannot be read", e);
        }
    }
}
