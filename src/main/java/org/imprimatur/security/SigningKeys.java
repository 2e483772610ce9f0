package org.imprimatur.security;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;

/**
 * The RSA key pair that signs our access tokens. Generated on the first start and kept in
 * PostgreSQL, so that every replica signs and verifies with the same key and restarts keep tokens valid.
 */
@ApplicationScoped
public class SigningKeys {

    static final String KEY_ID = "imprimatur-rs256-1";

    private final EntityManager entityManager;
    private volatile KeyPair keyPair;

    public SigningKeys(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    void onStart(@Observes StartupEvent event) {
        load();
    }

    @Transactional
    void load() {
        KeyPair candidate = generate();
        // Two replicas starting together both try; the first insert wins and both read it back.
        entityManager.createNativeQuery("""
                        INSERT INTO signing_keys (key_id, algorithm, private_key, public_key)
                        VALUES (?1, 'RS256', ?2, ?3) ON CONFLICT (key_id) DO NOTHING""")
                .setParameter(1, KEY_ID)
                .setParameter(2, candidate.getPrivate().getEncoded())
                .setParameter(3, candidate.getPublic().getEncoded())
                .executeUpdate();
        Object[] stored = (Object[]) entityManager
                .createNativeQuery("SELECT private_key, public_key FROM signing_keys WHERE key_id = ?1")
                .setParameter(1, KEY_ID)
                .getSingleResult();
        keyPair = decode((byte[]) stored[0], (byte[]) stored[1]);
    }

    public PrivateKey privateKey() {
        return keyPair.getPrivate();
    }

    public PublicKey publicKey() {
        return keyPair.getPublic();
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
