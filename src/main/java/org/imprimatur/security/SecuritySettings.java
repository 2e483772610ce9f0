package org.imprimatur.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** Token issuing and the optional external OpenID Connect issuer. */
@ConfigMapping(prefix = "imprimatur.auth")
public interface SecuritySettings {

    /** The {@code iss} of the tokens this service issues. */
    @WithDefault("imprimatur")
    String issuer();

    @WithDefault("PT1H")
    Duration tokenLifetime();

    /**
     * How long after a rotation the new signing key starts to sign: longer than the replicas' key
     * refresh ({@link #keyRefreshInterval()}), so that every replica verifies the new key's first token.
     */
    @WithDefault("PT30S")
    Duration keyActivationDelay();

    /** How often each replica reloads the signing keys from the database. */
    @WithDefault("10S")
    Duration keyRefreshInterval();

    /**
     * How often each replica reloads which accounts exist and are disabled: a disabled account's
     * tokens stop working on the other replicas within this long.
     */
    @WithDefault("2S")
    Duration disabledAccountsRefreshInterval();

    Oidc oidc();

    interface Oidc {
        /** The external issuer's {@code iss}; without it only our own tokens are accepted. */
        Optional<String> issuer();

        /** Where the issuer publishes its keys (JWKS), e.g. Keycloak's .../protocol/openid-connect/certs. */
        Optional<String> jwksUrl();

        /** Alternatively, the issuer's public key as PEM text. */
        Optional<String> publicKey();

        /** Dotted path of the claim holding the roles, e.g. {@code realm_access.roles}. */
        @WithDefault("groups")
        String rolesClaim();

        /**
         * Which of the issuer's roles are which of ours, as {@code theirs=ours} pairs separated by
         * commas, e.g. {@code cms-editors=editor,clinicians=medical-reviewer}. A role not named
         * here gives no right, whatever it is called.
         */
        Optional<String> roleMapping();

        /** The claim whose value names a new external account; the account is found by {@code sub}. */
        @WithDefault("preferred_username")
        String usernameClaim();

        /** The {@code aud} our tokens must carry; required once an issuer is set. */
        Optional<String> audience();
    }
}
