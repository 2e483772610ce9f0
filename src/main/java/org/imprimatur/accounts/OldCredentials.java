package org.imprimatur.accounts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.imprimatur.infrastructure.Timestamps;
import org.imprimatur.security.Account;

import java.time.Clock;

/**
 * Ends what an account could do before a credential change (docs/security.md, "Sessions and tokens
 * after a credential change"): tokens issued before now are refused, and its studio sessions end.
 */
@ApplicationScoped
public class OldCredentials {

    private final EntityManager entityManager;
    private final Clock clock;

    public OldCredentials(EntityManager entityManager, Clock clock) {
        this.entityManager = entityManager;
        this.clock = clock;
    }

    void end(Account account) {
        account.credentialsChangedAt = Timestamps.now(clock);
        entityManager.createNativeQuery("DELETE FROM studio_sessions WHERE account_id = ?1")
                .setParameter(1, account.id).executeUpdate();
    }
}
