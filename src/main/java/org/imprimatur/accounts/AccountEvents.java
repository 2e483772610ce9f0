package org.imprimatur.accounts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.imprimatur.infrastructure.NativeRows;
import org.imprimatur.infrastructure.Timestamps;
import org.imprimatur.security.Account;
import org.imprimatur.security.Actor;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The append-only record of what was done to each account (docs/security.md, "Accounts"): who,
 * when, which action, and which fields changed from what to what; never a password or hash.
 */
@ApplicationScoped
public class AccountEvents {

    private final EntityManager entityManager;
    private final ObjectMapper json;
    private final Clock clock;

    public AccountEvents(EntityManager entityManager, ObjectMapper json, Clock clock) {
        this.entityManager = entityManager;
        this.json = json;
        this.clock = clock;
    }

    void record(Actor actor, Account account, AccountAction action, Map<String, Object> changes) {
        try {
            entityManager.createNativeQuery("""
                            INSERT INTO account_events (at, actor_id, account_id, action, changes)
                            VALUES (?1, ?2, ?3, ?4, CAST(?5 AS jsonb))""")
                    .setParameter(1, Timestamps.now(clock))
                    .setParameter(2, actor.id())
                    .setParameter(3, account.id)
                    .setParameter(4, action.label())
                    .setParameter(5, json.writeValueAsString(changes))
                    .executeUpdate();
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** An event as stored, its changes as the JSON they were kept in. */
    private record EventRow(long id, Instant at, String actor, String action, String changes) {
    }

    /** The account's events, newest first; changes made by the service itself name "Imprimatur". */
    List<AccountEventView> of(Account account) {
        return NativeRows.select(entityManager, """
                        SELECT e.id, e.at, coalesce(a.username, 'Imprimatur') AS actor, e.action,
                               CAST(e.changes AS text) AS changes
                        FROM account_events e LEFT JOIN accounts a ON a.id = e.actor_id
                        WHERE e.account_id = ?1 ORDER BY e.id DESC""", EventRow.class)
                .setParameter(1, account.id)
                .getResultList().stream()
                .map(row -> new AccountEventView(row.id(), row.at(), row.actor(), AccountAction.fromLabel(row.action()),
                        parse(row.changes())))
                .toList();
    }

    private Map<String, Object> parse(String changes) {
        try {
            return json.readValue(changes, new TypeReference<>() {
            });
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
