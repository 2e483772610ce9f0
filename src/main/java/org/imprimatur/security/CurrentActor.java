package org.imprimatur.security;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import io.quarkus.security.UnauthorizedException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.imprimatur.infrastructure.Timestamps;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The account behind the current request. Roles come from the verified token; name and credentials
 * from the account, which an external issuer's user gets on first use.
 */
@RequestScoped
public class CurrentActor {

    private static final long FIRST_SIGN_INS_LOCK = 727271003L;

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
            // Read from the database on every replica: refused at once, before the replicas' cache learns it.
            if (account.credentialsChangedAt != null
                    && CredentialChanges.predates(readAt(), issuedAt(), account.credentialsChangedAt)) {
                throw new UnauthorizedException("The token was issued before its account's credentials changed");
            }
            return account;
        } catch (IllegalArgumentException notOurSubject) {
            throw new UnauthorizedException();
        }
    }

    private Long readAt() {
        Object readAt = token.getClaim(CredentialChanges.READ_AT_CLAIM);
        return readAt instanceof Number millis ? millis.longValue() : null;
    }

    private Long issuedAt() {
        Object iat = token.getClaim("iat");
        return iat instanceof Number seconds ? seconds.longValue() : null;
    }

    /**
     * The account of an external identity: found by issuer and {@code sub} only, so that a user
     * renamed at the identity provider stays who they were, and a token whose username claim names
     * an existing account never becomes that account (docs/security.md). The claims were checked by
     * TokenVerifier.
     */
    private Account externalAccount(String issuer, Set<Role> roles) {
        String subject = token.getSubject();
        Account account = Account.<Account>findExternal(issuer, subject).orElseGet(() -> newExternalAccount(issuer, subject));
        String name = token.getClaim("name");
        account.displayName = name == null || name.isBlank() ? account.username : name;
        account.credentials = account.credentials == null ? "" : account.credentials;
        String email = token.getClaim("email");
        account.email = email == null || email.isBlank() ? null : email;
        String[] before = account.roles == null ? new String[0] : account.roles.clone();
        account.roles = roles.stream().map(Role::tokenName).sorted().toArray(String[]::new);
        account.persist();
        Arrays.sort(before);
        if (!Arrays.equals(before, account.roles)) {
            recordRolesFromProvider(account, issuer, before);
        }
        return account;
    }

    /**
     * The identity provider gave the account other roles: an account event like an admin's change,
     * naming the provider, so that the reviewer role of an external account is traceable too
     * (docs/workflow.md, "Who").
     */
    private void recordRolesFromProvider(Account account, String issuer, String[] before) {
        Account.getEntityManager().flush();
        String changes = "{\"roles\": {\"from\": " + jsonArray(before) + ", \"to\": " + jsonArray(account.roles)
                + "}, \"source\": " + jsonString(issuer) + "}";
        Account.getEntityManager().createNativeQuery("""
                        INSERT INTO account_events (at, actor_id, account_id, action, changes)
                        VALUES (?1, NULL, ?2, ?3, CAST(?4 AS jsonb))""")
                .setParameter(1, Timestamps.now(clock)).setParameter(2, account.id)
                .setParameter(3, "changed").setParameter(4, changes).executeUpdate();
    }

    private static String jsonArray(String[] values) {
        return Arrays.stream(values).map(CurrentActor::jsonString).collect(Collectors.joining(", ", "[", "]"));
    }

    private static String jsonString(String value) {
        return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(value)) + "\"";
    }

    /**
     * A first sign-in gets a new account, named by the configured claim when that name is free and
     * fit to show, else by the subject, else by a random name; never an account found by name.
     */
    private Account newExternalAccount(String issuer, String subject) {
        // First sign-ins are rare: serialised, so that two at once cannot pick one name or both
        // record one identity (which the unique keys would refuse with an error).
        Account.getEntityManager().createNativeQuery("SELECT pg_advisory_xact_lock(?1)")
                .setParameter(1, FIRST_SIGN_INS_LOCK).getSingleResult();
        Optional<Account> recordedMeanwhile = Account.findExternal(issuer, subject);
        if (recordedMeanwhile.isPresent()) {
            return recordedMeanwhile.get();
        }
        Object claimed = token.getClaim(settings.oidc().usernameClaim());
        List<String> candidates = new ArrayList<>();
        if (claimed instanceof String text && !text.isBlank()) {
            candidates.add(text + "@" + issuer);
        }
        candidates.add(subject + "@" + issuer);
        String username = candidates.stream()
                .filter(candidate -> candidate.length() <= 200 && candidate.chars().noneMatch(Character::isISOControl))
                .filter(candidate -> Account.findByUsername(candidate).isEmpty())
                .findFirst()
                .orElseGet(() -> "external-" + UUID.randomUUID());
        Account created = new Account();
        created.id = UUID.randomUUID();
        created.username = username;
        created.externalIssuer = issuer;
        created.externalSubject = subject;
        created.createdAt = Timestamps.now(clock);
        return created;
    }
}
