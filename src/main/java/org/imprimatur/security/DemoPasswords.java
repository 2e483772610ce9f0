package org.imprimatur.security;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Function;

/**
 * The password each demo account gets: the configured one; else the well-known one from the
 * configuration while the service is reachable from this machine only; else a random one per account.
 */
record DemoPasswords(Optional<String> configured, String wellKnown, boolean loopbackOnly)
        implements Function<String, String> {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Override
    public String apply(String username) {
        if (configured.isPresent()) {
            return configured.get();
        }
        if (loopbackOnly) {
            return wellKnown;
        }
        byte[] bytes = new byte[15];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    boolean generated() {
        return configured.isEmpty() && !loopbackOnly;
    }
}
