package org.imprimatur.security;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.imprimatur.infrastructure.ControlCharacters;
import org.imprimatur.infrastructure.NativeRows;
import org.imprimatur.infrastructure.ProblemException;
import org.imprimatur.infrastructure.Timestamps;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Limits password guessing (docs/security.md, "Sign-in throttling"). Three rules, over the failures
 * of the window:
 * <ul>
 * <li>one username from one client address backs off exponentially: after {@code
 * perUsernameAndAddress} failures, 1 s, then 2, 4, … up to the window;</li>
 * <li>one username from all addresses together is slowed, never locked: after {@code perUsername}
 * failures, 1 s after the latest, then 2, 4, … up to {@link #ACCOUNT_DELAY_CAP}, so that nobody
 * can keep its owner out for longer than that by guessing from elsewhere;</li>
 * <li>one client address is locked after {@code perAddress} failures for any usernames, until they
 * age out.</li>
 * </ul>
 * An attempt reserves its place before the password is hashed: under a lock on the username and
 * the address, the rules are checked and the attempt is recorded as a failure, which a correct
 * password removes again. So parallel guesses count as they arrive, and those beyond the allowance
 * are refused without hashing; on one replica, a second attempt for a username while one is
 * under way is refused without touching the database. The failures are kept in PostgreSQL,
 * shared by every replica.
 */
@ApplicationScoped
public class SignInThrottle {

    private static final Logger LOG = Logger.getLogger(SignInThrottle.class);

    /** The longest a username's failures from all addresses together make anyone wait. */
    public static final Duration ACCOUNT_DELAY_CAP = Duration.ofSeconds(60);

    // Advisory lock classes (the two-key form) of the username and the address being counted.
    private static final int USERNAME_LOCK = 727271;
    private static final int ADDRESS_LOCK = 727272;

    @ConfigMapping(prefix = "imprimatur.auth.throttle")
    public interface Settings {
        /** Failures for one username from all addresses after which its attempts are spaced out. */
        @WithDefault("5")
        int perUsername();

        /** Failures for one username from one address after which that pair backs off. */
        @WithDefault("3")
        int perUsernameAndAddress();

        /** Failures from one client address within the window after which it is locked. */
        @WithDefault("20")
        int perAddress();

        @WithDefault("PT15M")
        Duration window();
    }

    private final EntityManager entityManager;
    private final Settings settings;
    private final Counter failures;
    private final Counter lockouts;
    private final Counter evaluations;
    private final java.util.Set<String> inFlight = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private final Clock clock;

    public SignInThrottle(EntityManager entityManager, Settings settings, MeterRegistry registry, Clock clock) {
        this.clock = clock;
        this.entityManager = entityManager;
        this.settings = settings;
        this.failures = Counter.builder("imprimatur.sign_in.failures").description("Failed sign-ins").register(registry);
        this.lockouts = Counter.builder("imprimatur.sign_in.lockouts")
                .description("Sign-in attempts refused because of earlier failures").register(registry);
        this.evaluations = Counter.builder("imprimatur.sign_in.evaluations")
                .description("Sign-in attempts allowed to have their password checked").register(registry);
    }

    /**
     * A sign-in under the throttle, for every door that takes a password (token endpoint, studio):
     * refused with 429 while the rules say wait; an empty answer stays counted as a failure.
     */
    public <T> java.util.Optional<T> attempt(String username, String address, java.util.function.Supplier<java.util.Optional<T>> signIn) {
        String name = bounded(username, 200);
        String from = bounded(address, 100);
        // One attempt per username at a time on this replica while it is counted: a burst of
        // parallel guesses is refused here, before it takes database connections (the lock in
        // reserve() covers the other replicas). The turn is held for the count alone, a few
        // milliseconds, not while the password is checked: so a flood of guesses, each refused or
        // counted at once, can hardly keep the owner's attempt from its turn.
        if (!inFlight.add(name)) {
            throw refused(username, address, "concurrent", 1);
        }
        long reservation;
        try {
            reservation = QuarkusTransaction.requiringNew().call(() -> reserve(name, from));
        } finally {
            inFlight.remove(name);
        }
        return evaluate(username, address, name, from, reservation, signIn);
    }

    private <T> java.util.Optional<T> evaluate(String username, String address, String name, String from, long reservation,
                                             java.util.function.Supplier<java.util.Optional<T>> signIn) {
        evaluations.increment();
        java.util.Optional<T> result;
        try {
            result = signIn.get();
        } catch (RuntimeException unanswered) {
            // Not the password's fault (the database, say): the attempt does not count.
            QuarkusTransaction.requiringNew().run(() -> delete("id = ?1", reservation, null));
            throw unanswered;
        }
        if (result.isEmpty()) {
            failures.increment();
            // As typed: escaped, so that a username with a line break cannot forge a log line.
            LOG.infof("Sign-in failed for the username %s from %s", ControlCharacters.forLog(username),
                    ControlCharacters.forLog(address));
        } else {
            // The password is proven from this address: its earlier failures there stop counting.
            QuarkusTransaction.requiringNew().run(() -> delete("username = ?1 AND client_address = ?2", name, from));
        }
        return result;
    }

    /** The client's address as the throttle counts it. */
    public static String clientAddress(io.vertx.core.http.HttpServerRequest request) {
        return request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
    }

    /**
     * Checks the rules and records the attempt as a failure, returning its row's id; refuses with
     * 429 and Retry-After when the rules say wait, or while another attempt for the username or
     * from the address is being counted (a few milliseconds), which a waiting lock would have
     * answered the same way while holding a database connection.
     */
    private long reserve(String username, String address) {
        Instant now = Timestamps.now(clock);
        if (!tryLock(USERNAME_LOCK, username) || !tryLock(ADDRESS_LOCK, address)) {
            throw refused(username, address, "concurrent", 1);
        }
        OffsetDateTime windowStart = now.minus(settings.window()).atOffset(ZoneOffset.UTC);
        entityManager.createNativeQuery("DELETE FROM sign_in_failures WHERE failed_at <= ?1")
                .setParameter(1, windowStart).executeUpdate();
        FailureCounts counts = NativeRows.select(entityManager, """
                        SELECT count(*) FILTER (WHERE client_address = ?2) AS fromAddress,
                               max(failed_at) FILTER (WHERE client_address = ?2) AS latestFromAddress,
                               count(*) AS total, max(failed_at) AS latest
                        FROM sign_in_failures WHERE username = ?1 AND failed_at > ?3""", FailureCounts.class)
                .setParameter(1, username).setParameter(2, address).setParameter(3, windowStart).getSingleResult();
        long byPair = secondsLeft(counts.latestFromAddress(),
                delay(counts.fromAddress(), settings.perUsernameAndAddress(), settings.window()), now);
        long byUsername = secondsLeft(counts.latest(), delay(counts.total(), settings.perUsername(), ACCOUNT_DELAY_CAP), now);
        long byAddress = secondsUntilAddressBelowLimit(address, now, windowStart);
        long wait = Math.max(byPair, Math.max(byUsername, byAddress));
        if (wait > 0) {
            throw refused(username, address, byAddress == wait ? "address" : byPair == wait ? "username and address" : "username", wait);
        }
        return ((Number) entityManager.createNativeQuery(
                        "INSERT INTO sign_in_failures (username, client_address, failed_at) VALUES (?1, ?2, ?3) RETURNING id")
                .setParameter(1, username).setParameter(2, address).setParameter(3, now.atOffset(ZoneOffset.UTC))
                .getSingleResult()).longValue();
    }

    /** The username's failures in the window: from this address, and from anywhere. */
    private record FailureCounts(int fromAddress, Instant latestFromAddress, int total, Instant latest) {
    }

    /**
     * How long to wait after the latest of {@code failures}: nothing below {@code allowed}, then
     * 1 s doubling with each further failure, at most {@code cap}.
     */
    static Duration delay(int failures, int allowed, Duration cap) {
        if (failures < allowed) {
            return Duration.ZERO;
        }
        Duration doubled = Duration.ofSeconds(1L << Math.min(failures - allowed, 30));
        return doubled.compareTo(cap) > 0 ? cap : doubled;
    }

    private static long secondsLeft(Instant latest, Duration delay, Instant now) {
        if (latest == null || delay.isZero()) {
            return 0;
        }
        long millis = Duration.between(now, latest.plus(delay)).toMillis();
        return millis <= 0 ? 0 : (long) Math.ceil(millis / 1000.0);
    }

    private ProblemException refused(String username, String address, String reason, long wait) {
        lockouts.increment();
        LOG.warnf("Sign-in refused for the username %s from %s: too many failed attempts (%s)",
                ControlCharacters.forLog(username), ControlCharacters.forLog(address), reason);
        return ProblemException.tooManyRequests("Too many failed sign-ins; try again in " + wait + " seconds.", wait);
    }

    private boolean tryLock(int kind, String key) {
        return (Boolean) entityManager.createNativeQuery("SELECT pg_try_advisory_xact_lock(?1, hashtext(?2))")
                .setParameter(1, kind).setParameter(2, key).getSingleResult();
    }

    private void delete(String condition, Object first, Object second) {
        var delete = entityManager.createNativeQuery("DELETE FROM sign_in_failures WHERE " + condition)
                .setParameter(1, first);
        if (second != null) {
            delete.setParameter(2, second);
        }
        delete.executeUpdate();
    }

    /**
     * 0 while fewer than {@code perAddress} failures from the address lie in the window; otherwise
     * the seconds until the failure whose expiry brings the count below the limit leaves it.
     */
    private long secondsUntilAddressBelowLimit(String address, Instant now, OffsetDateTime windowStart) {
        @SuppressWarnings("unchecked")
        List<Object> newest = entityManager.createNativeQuery("""
                        SELECT failed_at FROM sign_in_failures WHERE client_address = ?1 AND failed_at > ?2
                        ORDER BY failed_at DESC OFFSET ?3 LIMIT 1""")
                .setParameter(1, address)
                .setParameter(2, windowStart)
                .setParameter(3, settings.perAddress() - 1)
                .getResultList();
        if (newest.isEmpty()) {
            return 0;
        }
        Instant frees = Timestamps.fromColumn(newest.get(0)).plus(settings.window());
        return Math.max(1, (long) Math.ceil(Duration.between(now, frees).toMillis() / 1000.0));
    }

    private static String bounded(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length);
    }
}
