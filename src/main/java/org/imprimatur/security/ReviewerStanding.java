package org.imprimatur.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.imprimatur.infrastructure.Timestamps;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
        return parts.isEmpty() ? null : String.join("; ", parts);
    }

    private record Event(String by, LocalDate on, String credentials) {
    }

    private Optional<Event> newest(UUID accountId, String condition) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        SELECT coalesce(a.username, 'Imprimatur'), e.at,
                               coalesce(e.changes -> 'credentials' ->> 'to', e.changes ->> 'credentials', '')
                        FROM account_events e LEFT JOIN accounts a ON a.id = e.actor_id
                        WHERE e.account_id = ?1 AND (%s)
                        ORDER BY e.id DESC LIMIT 1""".formatted(condition))
                .setParameter(1, accountId).getResultList();
        return rows.stream().findFirst().map(row -> new Event((String) row[0],
                LocalDate.ofInstant(Timestamps.fromColumn(row[1]), ZoneOffset.UTC),
                (String) row[2]));
    }
}
