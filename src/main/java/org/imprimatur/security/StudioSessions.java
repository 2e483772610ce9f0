package org.imprimatur.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Studio sign-ins: a random token in an HttpOnly cookie, its SHA-256 in {@code studio_sessions}.
 * Each request looks the session and its account up, so sign-out, inactivity, the absolute lifetime,
 * a disabled account and a credential change end the session on every replica at once
 * (docs/studio.md).
 */
@ApplicationScoped
public class StudioSessions {

    public static final String COOKIE = "imprimatur_session";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final java.time.Duration TOUCH_INTERVAL = java.time.Duration.ofMinutes(1);

    private final EntityManager entityManager;
    private final StudioSessionSettings settings;
    private final Clock clock;

    public StudioSessions(EntityManager entityManager, StudioSessionSettings settings, Clock clock) {
        this.entityManager = entityManager;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Starts a session on a checked password and returns the cookie's token. The session dates from
     * when the credentials were read, so a change made while they were being checked ends it.
     */
    @Transactional
    public String start(TokenService.Authenticated signedIn) {
        return start(signedIn.account().id, signedIn.validFrom());
    }

    /** Starts a session for the account with this id, from now, and returns the cookie's token. */
    @Transactional
    public String start(UUID accountId) {
        return start(accountId, now());
    }

    private String start(UUID accountId, Instant createdAt) {
        byte[] token = new byte[32];
        RANDOM.nextBytes(token);
        String encoded = Base64.getUrlEncoder().withoutPadding().encodeToString(token);
        entityManager.createNativeQuery("""
                        INSERT INTO studio_sessions (token_hash, account_id, created_at, last_seen_at) VALUES (?1, ?2, ?3, ?4)""")
                .setParameter(1, hash(encoded)).setParameter(2, accountId).setParameter(3, createdAt)
                .setParameter(4, now()).executeUpdate();
        return encoded;
    }

    /** The signed-in actor, when the token names a live session of an enabled account; touches it. */
    @Transactional
    public Optional<Actor> resume(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        Instant now = now();
        @SuppressWarnings("unchecked")
        List<UUID> live = entityManager.createNativeQuery("""
                        SELECT s.account_id FROM studio_sessions s JOIN accounts a ON a.id = s.account_id
                        WHERE s.token_hash = ?1 AND NOT a.disabled AND s.last_seen_at > ?2 AND s.created_at > ?3
                          AND (a.credentials_changed_at IS NULL OR s.created_at >= a.credentials_changed_at)""")
                .setParameter(1, hash(token)).setParameter(2, now.minus(settings.idleTimeout()))
                .setParameter(3, now.minus(settings.absoluteLifetime())).getResultList();
        Optional<Account> account = live.stream().findFirst().map(id -> Account.<Account>findById(id));
        // Inactivity is measured in minutes: a session read every second need not be written every second.
        account.ifPresent(found -> entityManager.createNativeQuery(
                        "UPDATE studio_sessions SET last_seen_at = ?2 WHERE token_hash = ?1 AND last_seen_at < ?3")
                .setParameter(1, hash(token)).setParameter(2, now).setParameter(3, now.minus(TOUCH_INTERVAL))
                .executeUpdate());
        return account.map(Account::toActor);
    }

    /** Ends the session the token names, and sessions idle too long or older than their lifetime. */
    @Transactional
    public void end(String token) {
        if (token != null && !token.isBlank()) {
            entityManager.createNativeQuery("DELETE FROM studio_sessions WHERE token_hash = ?1")
                    .setParameter(1, hash(token)).executeUpdate();
        }
        entityManager.createNativeQuery("DELETE FROM studio_sessions WHERE last_seen_at < ?1 OR created_at < ?2")
                .setParameter(1, now().minus(settings.idleTimeout()))
                .setParameter(2, now().minus(settings.absoluteLifetime())).executeUpdate();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
