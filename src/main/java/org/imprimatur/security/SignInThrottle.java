package org.imprimatur.security;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.imprimatur.infrastructure.ProblemException;
import org.imprimatur.infrastructure.Timestamps;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Limits password guessing (docs/security.md, "Sign-in throttling"): after too many failures for
 * one username, or from one client address, within the window, every further attempt — a correct
 * password included — is refused with 429 until enough failures have aged out. The failures are
 * kept in PostgreSQL, so every replica sees the same count.
 */
@ApplicationScoped
public class SignInThrottle {

    private static final Logger LOG = Logger.getLogger(SignInThrottle.class);

    @ConfigMapping(prefix = "imprimatur.auth.throttle")
    public interface Settings {
        /** Failures for one username within the window after which it is locked. */
        @WithDefault("5")
        int perUsername();

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

    private final Clock clock;

    public SignInThrottle(EntityManager entityManager, Settings settings, MeterRegistry registry, Clock clock) {
        this.clock = clock;
        this.entityManager = entityManager;
        this.settings = settings;
        this.failures = Counter.builder("imprimatur.sign_in.failures").description("Failed sign-ins").register(registry);
        this.lockouts = Counter.builder("imprimatur.sign_in.lockouts")
                .description("Sign-in attempts refused because of earlier failures").register(registry);
    }

    /**
     * A sign-in under the throttle, for every door that takes a password (token endpoint, studio):
     * refused with 429 while locked, and an empty answer counts as a failure.
     */
    public <T> java.util.Optional<T> attempt(String username, String address, java.util.function.Supplier<java.util.Optional<T>> signIn) {
        checkAllowed(username, address);
        java.util.Optional<T> result = signIn.get();
        if (result.isEmpty()) {
            recordFailure(username, address);
        }
        return result;
    }

    /** The client's address as the throttle counts it. */
    public static String clientAddress(io.vertx.core.http.HttpServerRequest request) {
        return request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
    }

    /** Refuses the attempt with 429 and Retry-After when the username or the address is locked. */
    @Transactional
    public void checkAllowed(String username, String address) {
        Instant now = Timestamps.now(clock);
        long byUsername = secondsUntilBelowLimit("username", bounded(username, 200), settings.perUsername(), now);
        long byAddress = secondsUntilBelowLimit("client_address", bounded(address, 100), settings.perAddress(), now);
        long wait = Math.max(byUsername, byAddress);
        if (wait > 0) {
            lockouts.increment();
            LOG.warnf("Sign-in refused for the username %s from %s: too many failed attempts (%s)",
                    org.imprimatur.infrastructure.ControlCharacters.forLog(username),
                    org.imprimatur.infrastructure.ControlCharacters.forLog(address),
                    byUsername > 0 ? "username" : "address");
            throw ProblemException.tooManyRequests(
                    "Too many failed sign-ins; try again in " + wait + " seconds.", wait);
        }
    }

    /** Counts a failure; expired failures are removed on the way. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void recordFailure(String username, String address) {
        Instant now = Timestamps.now(clock);
        failures.increment();
        // As typed: escaped, so that a username with a line break cannot forge a log line.
        LOG.infof("Sign-in failed for the username %s from %s", org.imprimatur.infrastructure.ControlCharacters.forLog(username),
                org.imprimatur.infrastructure.ControlCharacters.forLog(address));
        entityManager.createNativeQuery("DELETE FROM sign_in_failures WHERE failed_at <= ?1")
                .setParameter(1, now.minus(settings.window()).atOffset(ZoneOffset.UTC))
                .executeUpdate();
        entityManager.createNativeQuery(
                        "INSERT INTO sign_in_failures (username, client_address, failed_at) VALUES (?1, ?2, ?3)")
                .setParameter(1, bounded(username, 200))
                .setParameter(2, bounded(address, 100))
                .setParameter(3, now.atOffset(ZoneOffset.UTC))
                .executeUpdate();
    }

    /**
     * 0 while fewer than {@code limit} failures lie in the window; otherwise the seconds until the
     * failure whose expiry brings the count below the limit leaves it.
     */
    private long secondsUntilBelowLimit(String column, String value, int limit, Instant now) {
        @SuppressWarnings("unchecked")
        List<Object> newest = entityManager.createNativeQuery("SELECT failed_at FROM sign_in_failures WHERE " + column
                        + " = ?1 AND failed_at > ?2 ORDER BY failed_at DESC OFFSET ?3 LIMIT 1")
                .setParameter(1, value)
                .setParameter(2, now.minus(settings.window()).atOffset(ZoneOffset.UTC))
                .setParameter(3, limit - 1)
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
