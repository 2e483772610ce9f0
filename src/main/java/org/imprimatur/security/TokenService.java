package org.imprimatur.security;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.smallrye.jwt.build.Jwt;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.util.Optional;
import java.util.stream.Collectors;

/** Exchanges a built-in account's password for a signed access token. */
@ApplicationScoped
public class TokenService {

    // Compared against when the account does not exist, so that timing does not reveal usernames.
    private static final String UNKNOWN_ACCOUNT_HASH = BcryptUtil.bcryptHash("no account has this password");

    private final SigningKeys signingKeys;
    private final SecuritySettings settings;
    private final Clock clock;

    public TokenService(SigningKeys signingKeys, SecuritySettings settings, Clock clock) {
        this.signingKeys = signingKeys;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Bcrypt takes tens of milliseconds by design, so it runs after the account is read and its
     * connection returned: a burst of bogus sign-ins cannot hold the pool (docs/security.md).
     */
    public Optional<IssuedToken> issue(String username, String password) {
        return authenticate(username, password).map(this::tokenFor);
    }

    /** The enabled built-in account with this username and password. */
    public Optional<Account> authenticate(String username, String password) {
        Optional<Account> account = QuarkusTransaction.requiringNew().call(() -> Account.findByUsername(username))
                .filter(found -> found.passwordHash != null && !found.disabled);
        String hash = account.map(found -> found.passwordHash).orElse(UNKNOWN_ACCOUNT_HASH);
        boolean matches = BcryptUtil.matches(password, hash);
        return account.filter(found -> matches);
    }

    IssuedToken tokenFor(Account account) {
        long lifetime = settings.tokenLifetime().toSeconds();
        // Authenticated with the credentials as they are now, so after any change read with them:
        // dated no earlier than the first second the verifier accepts (CredentialChanges).
        long issuedAt = clock.instant().getEpochSecond();
        if (account.credentialsChangedAt != null) {
            issuedAt = Math.max(issuedAt, CredentialChanges.firstAcceptedSecond(account.credentialsChangedAt));
        }
        String token = Jwt.issuer(settings.issuer())
                .issuedAt(issuedAt)
                .subject(account.id.toString())
                .upn(account.username)
                .claim("name", account.displayName)
                .groups(account.roleSet().stream().map(Role::tokenName).collect(Collectors.toSet()))
                .expiresAt(issuedAt + lifetime)
                .jws().keyId(signingKeys.signingKey().id())
                .sign(signingKeys.signingKey().privateKey());
        return new IssuedToken(token, "Bearer", lifetime);
    }

    /** The OAuth 2.0 token response. */
    public record IssuedToken(@com.fasterxml.jackson.annotation.JsonProperty("access_token") String accessToken,
                              @com.fasterxml.jackson.annotation.JsonProperty("token_type") String tokenType,
                              @com.fasterxml.jackson.annotation.JsonProperty("expires_in") long expiresIn) {
    }
}
