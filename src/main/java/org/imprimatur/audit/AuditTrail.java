package org.imprimatur.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.imprimatur.security.Actor;
import org.imprimatur.rules.WorkflowAction;
import org.imprimatur.rules.WorkflowState;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Appends audit events inside the caller's transaction. Callers hold the article's row lock, so
 * events of one article are appended one at a time and the chain cannot fork.
 */
@ApplicationScoped
public class AuditTrail {

    public static final String SYSTEM_ACTOR = "Imprimatur scheduler";

    @Transactional(Transactional.TxType.MANDATORY)
    public AuditEvent record(UUID articleId, Actor actor, WorkflowAction action, WorkflowState from, WorkflowState to,
                             Integer versionNo, String comment, Instant at) {
        AuditEvent previous = AuditEvent.<AuditEvent>find("articleId = ?1 order by seq desc", articleId)
                .firstResultOptional().orElse(null);
        return append(previous, articleId, actor, action, from, to, versionNo, comment, at);
    }

    /**
     * The first event of an article created in this transaction: it has no chain to look up, so a
     * batch of new articles is recorded without a query per article.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public AuditEvent recordFirst(UUID articleId, Actor actor, WorkflowAction action, WorkflowState to,
                                  Integer versionNo, String comment, Instant at) {
        return append(null, articleId, actor, action, null, to, versionNo, comment, at);
    }

    private static AuditEvent append(AuditEvent previous, UUID articleId, Actor actor, WorkflowAction action,
                                     WorkflowState from, WorkflowState to, Integer versionNo, String comment, Instant at) {
        AuditEvent event = new AuditEvent();
        event.articleId = articleId;
        event.seq = previous == null ? 1 : previous.seq + 1;
        event.occurredAt = at;
        event.actorId = actor == null ? null : actor.id();
        event.actorName = actor == null ? SYSTEM_ACTOR : actor.name();
        event.action = action.auditName();
        event.fromState = from == null ? null : from.name();
        event.toState = to.name();
        event.versionNo = versionNo;
        event.comment = comment;
        event.previousHash = previous == null ? AuditChain.GENESIS : previous.hash;
        event.hash = AuditChain.hash(event.previousHash, event);
        event.persist();
        return event;
    }

    public List<AuditEvent> eventsOf(UUID articleId) {
        return AuditEvent.list("articleId = ?1 order by seq", articleId);
    }
}
