package org.imprimatur.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.imprimatur.infrastructure.NativeRows;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Where a reviewer's standing comes from, in words for the audit trail of the articles they approve
 * (docs/workflow.md, "Who"): who gave the account the medical-reviewer role and when, and who last
 * set its credentials. Read from the append-only account events, so an admin who makes themselves
 * a clinician is named on every approval that follows.
 */
@ApplicationScoped
public class ReviewerStanding {

    private final EntityManager entityManager;

    public ReviewerStanding(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** "Reviewer role granted by admin on 2026-12-01; credentials "MD" set by admin on 2026-12-01", or null. */
    public String describe(UUID accountId) {
        List<String> parts = new ArrayList<>();
        newest(accountId, """
                (e.action = 'created' AND e.changes -> 'roles' @> '["medical-reviewer"]'::jsonb)
                OR (e.action = 'changed' AND e.changes -> 'roles' -> 'to' @> '["medical-reviewer"]'::jsonb
                    AND NOT e.changes -> 'roles' -> 'from' @> '["medical-reviewer"]'::jsonb)""")
                .ifPresent(grant -> parts.add("reviewer role granted by " + grant.by() + " on " + grant.on()));
        newest(accountId, """
                (e.action = 'created' AND coalesce(e.changes ->> 'credentials', '') <> '')
                OR (e.action = 'changed' AND jsonb_exists(e.changes, 'credentials'))""")
                .ifPresent(set -> parts.add(set.credentials().isEmpty()
                        ? "credentials removed by " + set.by() + " on " + set.on()
                        : "credentials \"" + set.credentials() + "\" set by " + set.by() + " on " + set.on()));
        newest(accountId, """
                e.action IN ('created', 'password-reset') AND e.actor_id IS DISTINCT FROM e.account_id
                AND e.id > coalesce((SELECT max(o.id) FROM account_events o
                                     WHERE o.account_id = e.account_id AND o.action = 'password-changed'), 0)""")
                .ifPresent(set -> parts.add("password set by " + set.by() + " on " + set.on()
                        + ", not changed by its owner since"));
        return parts.isEmpty() ? null : String.join("; ", parts);
    }

    /**
     * The other accounts that set this account's password (creating it or resetting it) since its
     * owner last changed it: until then they can sign in as it, so four-eyes counts them as the
     * reviewer too (docs/workflow.md, policy reviewerIsNotAnAuthor).
     */
    public Set<UUID> passwordSetters(UUID accountId) {
        @SuppressWarnings("unchecked")
        List<UUID> setters = entityManager.createNativeQuery("""
                        SELECT DISTINCT e.actor_id FROM account_events e
                        WHERE e.account_id = ?1 AND e.action IN ('created', 'password-reset')
                          AND e.actor_id IS NOT NULL AND e.actor_id <> e.account_id
                          AND e.id > coalesce((SELECT max(o.id) FROM account_events o
                                               WHERE o.account_id = ?1 AND o.action = 'password-changed'), 0)""", UUID.class)
                .setParameter(1, accountId).getResultList();
        return Set.copyOf(setters);
    }

    private record Event(String by, LocalDate on, String credentials) {
    }

    /** The newest matching account event: who made it, when, and the credentials it set. */
    private record EventRow(String madeBy, Instant at, String credentials) {
    }

    private Optional<Event> newest(UUID accountId, String condition) {
        return NativeRows.select(entityManager, """
                        SELECT coalesce(a.username, e.changes ->> 'source', 'Imprimatur') AS madeBy, e.at,
                               coalesce(e.changes -> 'credentials' ->> 'to', e.changes ->> 'credentials', '') AS credentials
                        FROM account_events e LEFT JOIN accounts a ON a.id = e.actor_id
                        WHERE e.account_id = ?1 AND (%s)
                        ORDER BY e.id DESC LIMIT 1""".formatted(condition), EventRow.class)
                .setParameter(1, accountId).getResultList().stream().findFirst()
                .map(row -> new Event(row.madeBy(), LocalDate.ofInstant(row.at(), ZoneOffset.UTC), row.credentials()));
    }
}
