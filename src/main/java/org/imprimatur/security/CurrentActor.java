package org.imprimatur.security;

import io.quarkus.security.UnauthorizedException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.imprimatur.infrastructure.Timestamps;

import java.time.Clock;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The account behind the current request. Roles come from the verified token; name and credentials
 * from the account, which an external issuer's user gets on first use.
 */
@RequestScoped
public class CurrentActor {

    private final JsonWebToken token;
    private final SecuritySettings settings;
    private Actor actor;

    private final Clock clock;

    public CurrentActor(JsonWebToken token, SecuritySettings settings, Clock clock) {
        this.clock = clock;
        this.token = token;
        this.settings = settings;
    }

    @Transactional
    public Actor get() {
        if (actor == null) {
            actor = resolve();
        }
        return actor;
    }

    private Actor resolve() {
        if (token == null || token.getSubject() == null) {
            throw new UnauthorizedException();
        }
        Set<Role> roles = token.getGroups().stream()
                .map(Role::fromTokenName).flatMap(java.util.Optional::stream).collect(Collectors.toSet());
        String externalIssuer = token.getClaim(TokenVerifier.EXTERNAL_ISSUER_CLAIM);
        Account account = externalIssuer == null ? ownAccount() : externalAccount(externalIssuer, roles);
        if (account.disabled) {
            throw new UnauthorizedException("The token's account is disabled");
        }
        return new Actor(account.id, account.username, account.displayName, account.credentials, roles);
    }

    private Account ownAccount() {
        try {
            Account account = Account.findById(UUID.fromString(token.getSubject()));
            if (account == null) {
                throw new UnauthorizedException("The token's account no longer exists");
            }
            return account;
        } catch (IllegalArgumentException notOurSubject) {
            throw new UnauthorizedException();
        }
    }

    /**
     * The account of an external identity: found by issuer and {@code sub}, so that a user renamed
     * at the identity provider stays who they were and cannot become someone else. An account
     * recorded by name before subjects were kept is adopted once. The user name is the configured
     * claim at first sign-in, or the subject when that name is taken.
     */
    private Account externalAccount(String issuer, Set<Role> roles) {
        String subject = token.getSubject();
        String claimed = token.getClaim(settings.oidc().usernameClaim());
        String wanted = (claimed == null || claimed.isBlank() ? subject : claimed) + "@" + issuer;
        Account account = Account.findExternal(issuer, subject)
                .or(() -> Account.findByUsername(wanted)
                        .filter(legacy -> issuer.equals(legacy.externalIssuer) && legacy.externalSubject == null))
                .orElseGet(() -> {
                    Account created = new Account();
                    created.id = UUID.randomUUID();
                    created.username = Account.findByUsername(wanted).isEmpty() ? wanted : subject + "@" + issuer;
                    created.externalIssuer = issuer;
                    created.createdAt = Timestamps.now(clock);
                    return created;
                });
        account.externalSubject = subject;
        String name = token.getClaim("name");
        account.displayName = name == null || name.isBlank() ? account.username : name;
        account.credentials = account.credentials == null ? "" : account.credentials;
        account.email = token.getClaim("email");
        account.roles = roles.stream().map(Role::tokenName).toArray(String[]::new);
        account.persist();
        return account;
    }
}
