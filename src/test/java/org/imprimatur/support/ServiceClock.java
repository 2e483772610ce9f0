package org.imprimatur.support;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The service's clock in tests: real time, plus however far a test has moved it ahead, so that
 * expiry and due dates are tested without sleeping. A test that moves it puts it back when done.
 */
public final class ServiceClock extends Clock {

    private static volatile Duration ahead = Duration.ZERO;
    private final ZoneId zone;

    ServiceClock(ZoneId zone) {
        this.zone = zone;
    }

    public static void moveAhead(Duration by) {
        ahead = ahead.plus(by);
    }

    public static void reset() {
        ahead = Duration.ZERO;
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(ahead);
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        return new ServiceClock(other);
    }

    /** Replaces the production clock in every Quarkus test. */
    public static class Producer {
        @Produces
        @Singleton
        @Alternative
        @Priority(1)
        Clock clock() {
            return new ServiceClock(ZoneOffset.UTC);
        }
    }
}
