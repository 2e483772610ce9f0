package org.imprimatur.security;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.imprimatur.infrastructure.NativeRows;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;


/**
 * Which accounts exist and which are disabled, held in memory so that a request is checked without
 * a database round trip: a disabled account's tokens are refused on the replica that disabled it
 * from the next request, and on every other replica within the refresh interval; a token whose
 * account does not exist (any more) is refused (docs/security.md). It also holds each account's
 * {@code credentials_changed_at}, before which its tokens were issued under old credentials.
 */
@ApplicationScoped
public class DisabledAccounts {

    private final EntityManager entityManager;
    // Own accounts by id; external ones by "issuer sub", which is what their tokens carry.
    private volatile Set<String> disabled = Set.of();
    // Ids of our own accounts; one created since the last refresh is looked up on first sight.
    private volatile Set<String> ownAccounts = Set.of();
    // Same keys: the instant of the last credential change; tokens issued before it are refused.
    private volatile Map<String, Instant> credentialsChanged = Map.of();

    public DisabledAccounts(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    void onStart(@Observes StartupEvent event) {
        refresh();
    }

    // SecuritySettings declares the interval; the scheduler does not see a mapping's defaults, so it
    // is repeated here, and ConfigurationTableTest checks that both say the same.
    @Scheduled(every = "${imprimatur.auth.disabled-accounts-refresh-interval:2S}",
            delayed = "${imprimatur.auth.disabled-accounts-refresh-interval:2S}")
    @Transactional
    void refresh() {
        List<AccountRow> rows = NativeRows.select(entityManager, """
                SELECT id, external_issuer AS externalIssuer, external_subject AS externalSubject, disabled,
                       credentials_changed_at AS credentialsChangedAt
                FROM accounts""", AccountRow.class).getResultList();
        Set<String> loadedDisabled = new HashSet<>();
        Set<String> loadedOwn = new HashSet<>();
        // A change this replica made while the query ran must not be forgotten: the instants only
        // move forward, so the later of the two is kept.
        Map<String, Instant> loadedChanges = new HashMap<>(credentialsChanged);
        for (AccountRow row : rows) {
            String key = row.externalIssuer() == null ? row.id().toString() : row.externalIssuer() + " " + row.externalSubject();
            if (row.externalIssuer() == null) {
                loadedOwn.add(key);
            }
            if (row.disabled()) {
                loadedDisabled.add(key);
            }
            Instant changedAt = row.credentialsChangedAt();
            if (changedAt != null) {
                loadedChanges.merge(key, changedAt, (kept, loaded) -> kept.isAfter(loaded) ? kept : loaded);
            }
        }
        disabled = Set.copyOf(loadedDisabled);
        ownAccounts = Set.copyOf(loadedOwn);
        credentialsChanged = Map.copyOf(loadedChanges);
    }

    /** What the refresh reads of an account. */
    private record AccountRow(UUID id, String externalIssuer, String externalSubject, boolean disabled,
                              Instant credentialsChangedAt) {
    }

    /** Whether one of our own accounts with this id exists; a miss is checked in the database once. */
    @Transactional
    boolean ownAccountExists(String id) {
        if (ownAccounts.contains(id)) {
            return true;
        }
        boolean exists = !entityManager.createNativeQuery(
                        "SELECT 1 FROM accounts WHERE id = CAST(?1 AS uuid) AND external_issuer IS NULL")
                .setParameter(1, id).getResultList().isEmpty();
        if (exists) {
            Set<String> updated = new HashSet<>(ownAccounts);
            updated.add(id);
            ownAccounts = Set.copyOf(updated);
        }
        return exists;
    }

    /**
     * A disabling, enabling or credential change takes effect on this replica at once, before the
     * next refresh.
     */
    public void changed(Account account) {
        String key = account.externalIssuer == null ? account.id.toString() : account.externalIssuer + " " + account.externalSubject;
        Set<String> updated = new HashSet<>(disabled);
        if (account.disabled) {
            updated.add(key);
        } else {
            updated.remove(key);
        }
        disabled = Set.copyOf(updated);
        if (account.credentialsChangedAt != null) {
            Map<String, Instant> changes = new HashMap<>(credentialsChanged);
            changes.merge(key, account.credentialsChangedAt, (kept, now) -> kept.isAfter(now) ? kept : now);
            credentialsChanged = Map.copyOf(changes);
        }
    }

    /** When this own account's credentials last changed, if ever. */
    Optional<Instant> ownCredentialsChangedAt(String subject) {
        return Optional.ofNullable(credentialsChanged.get(subject));
    }

    /** When this external account's credentials (enabled state) last changed here, if ever. */
    Optional<Instant> externalCredentialsChangedAt(String issuer, String subject) {
        return Optional.ofNullable(credentialsChanged.get(issuer + " " + subject));
    }

    boolean ownAccountDisabled(String subject) {
        return disabled.contains(subject);
    }

    boolean externalAccountDisabled(String issuer, String subject) {
        return disabled.contains(issuer + " " + subject);
    }

}
