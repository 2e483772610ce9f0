package org.imprimatur.security;

import java.time.Instant;

/**
 * Which tokens a credential change ends (docs/security.md, "Sessions and tokens after a credential
 * change"). A token's {@code iat} counts whole seconds, so one issued in the second of the change
 * may have been issued before it: it is refused, and a token issued after the change is dated to
 * the next second instead (see {@link TokenService}), so that it works.
 */
public final class CredentialChanges {

    private CredentialChanges() {
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
