package org.imprimatur.security;

import java.time.Instant;

/**
 * Which tokens a credential change ends (docs/security.md, "Sessions and tokens after a credential
 * change"). Our tokens say, to the microsecond, from when the credentials they were issued on hold
 * ({@value #READ_AT_CLAIM}); a token from before the change is refused. A token without that
 * claim is judged by its {@code iat}, which counts whole seconds: one issued in the second of the
 * change may have been issued before it, so it is refused.
 */
public final class CredentialChanges {

    private CredentialChanges() {
    }

    /** The claim of our tokens: epoch microseconds from which the credentials they were issued on hold. */
    public static final String READ_AT_CLAIM = "credentials_read_at";

    /** Whether a token predates the change: by its read instant when it has one, else by its {@code iat}. */
    public static boolean predates(Long validFromMicros, Long issuedAtSecond, Instant changedAt) {
        return validFromMicros != null ? validFromMicros < micros(changedAt) : issuedBefore(issuedAtSecond, changedAt);
    }

    /** Epoch microseconds, the precision PostgreSQL keeps instants in. */
    public static long micros(Instant instant) {
        return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1_000;
    }

    /** The first whole second whose tokens were certainly issued after the change. */
    public static long firstAcceptedSecond(Instant changedAt) {
        return changedAt.getEpochSecond() + 1;
    }

    /** Whether a token issued at this second (null: the token does not say) predates the change. */
    public static boolean issuedBefore(Long issuedAtSecond, Instant changedAt) {
        return issuedAtSecond == null || issuedAtSecond < firstAcceptedSecond(changedAt);
    }
}
