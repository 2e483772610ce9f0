package org.imprimatur.security;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.smallrye.jwt.build.Jwt;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
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

    /**
     * An account whose password was checked, and the instant its row was read: the check proves the
     * credentials as of then, so what is issued on it is dated then. A password changed while the
     * hash was being checked (tens of milliseconds) thus ends the session or token issued on the old
     * one, like every other (docs/security.md, "Sessions and tokens after a credential change").
     */
    public record Authenticated(Account account, Instant readAt) {

        /**
         * From when what is issued on this check holds: its read, or the account's last credential
         * change if that seems later (another replica's clock, a clock moved in tests) — the read saw
         * that change, so it came after it. A later change ends what is issued.
         */
        public Instant validFrom() {
            Instant changed = account.credentialsChangedAt;
            Instant from = changed != null && changed.isAfter(readAt) ? changed : readAt;
            return from.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        }
    }

    /** The enabled built-in account with this username and password. */
    public Optional<Authenticated> authenticate(String username, String password) {
        Instant readAt = clock.instant();
        Optional<Account> account = QuarkusTransaction.requiringNew().call(() -> Account.findByUsername(username))
                .filter(found -> found.passwordHash != null && !found.disabled);
        String hash = account.map(found -> found.passwordHash).orElse(UNKNOWN_ACCOUNT_HASH);
        boolean matches = BcryptUtil.matches(password, hash);
        return account.filter(found -> matches).map(found -> new Authenticated(found, readAt));
    }

    IssuedToken tokenFor(Authenticated signedIn) {
        Account account = signedIn.account();
        long lifetime = settings.tokenLifetime().toSeconds();
        // Dated when the credentials were read, to the microsecond in a claim of its own: a change
        // after that read ends the token, however soon it comes (CredentialChanges).
        long issuedAt = signedIn.readAt().getEpochSecond();
        if (account.credentialsChangedAt != null) {
            issuedAt = Math.max(issuedAt, CredentialChanges.firstAcceptedSecond(account.credentialsChangedAt));
        }
        String token = Jwt.issuer(settings.issuer())
                .issuedAt(issuedAt)
                .subject(account.id.toString())
                .claim(CredentialChanges.READ_AT_CLAIM, CredentialChanges.micros(signedIn.validFrom()))
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
