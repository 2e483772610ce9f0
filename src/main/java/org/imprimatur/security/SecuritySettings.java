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

        @WithDefault("preferred_username")
        String usernameClaim();

        Optional<String> audience();
    }
}
