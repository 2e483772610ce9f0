package org.imprimatur.security;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.HashSet;
import java.util.List;
import java.util.Set;


/**
 * Which accounts exist and which are disabled, held in memory so that a request is checked without
 * a database round trip: a disabled account's tokens are refused on the replica that disabled it
 * from the next request, and on every other replica within the refresh interval; a token whose
 * account does not exist (any more) is refused (docs/security.md).
 */
@ApplicationScoped
public class DisabledAccounts {

    private final EntityManager entityManager;
    // Own accounts by id; external ones by "issuer sub", which is what their tokens carry.
    private volatile Set<String> disabled = Set.of();
    // Ids of our own accounts; one created since the last refresh is looked up on first sight.
    private volatile Set<String> ownAccounts = Set.of();

    public DisabledAccounts(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    void onStart(@Observes StartupEvent event) {
        refresh();
    }

    @Scheduled(every = "2s", delayed = "2s")
    @Transactional
    void refresh() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery(
                "SELECT id, external_issuer, external_subject, disabled FROM accounts").getResultList();
        Set<String> loadedDisabled = new HashSet<>();
        Set<String> loadedOwn = new HashSet<>();
        for (Object[] row : rows) {
            String key = row[1] == null ? row[0].toString() : row[1] + " " + row[2];
            if (row[1] == null) {
                loadedOwn.add(key);
            }
            if ((Boolean) row[3]) {
                loadedDisabled.add(key);
            }
        }
        disabled = Set.copyOf(loadedDisabled);
        ownAccounts = Set.copyOf(loadedOwn);
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

    /** A disabling or enabling takes effect on this replica at once, before the next refresh. */
    public void changed(Account account) {
        String key = account.externalIssuer == null ? account.id.toString() : account.externalIssuer + " " + account.externalSubject;
        Set<String> updated = new HashSet<>(disabled);
        if (account.disabled) {
            updated.add(key);
        } else {
            updated.remove(key);
        }
        disabled = Set.copyOf(updated);
    }

    boolean ownAccountDisabled(String subject) {
        return disabled.contains(subject);
    }

    boolean externalAccountDisabled(String issuer, String subject) {
        return disabled.contains(issuer + " " + subject);
    }

}
