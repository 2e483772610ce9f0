package org.imprimatur.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.imprimatur.article.ArticleLookup;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An article's audit trail as people read it: what happened, oldest first, and whether the chain holds. */
@ApplicationScoped
public class AuditHistory {

    private final AuditTrail auditTrail;

    public AuditHistory(AuditTrail auditTrail) {
        this.auditTrail = auditTrail;
    }

    /** One recorded action; the hashes that chain it stay with the trail. */
    public record Entry(int seq, Instant occurredAt, String actorName, String action, String fromState, String toState,
                        Integer versionNo, String comment) {

        static Entry of(AuditEvent event) {
            return new Entry(event.seq, event.occurredAt, event.actorName, event.action, event.fromState, event.toState,
                    event.versionNo, event.comment);
        }
    }

    /** The events, oldest first, and whether their hash chain is unbroken, verified as they are read. */
    public record Trail(boolean chainValid, List<Entry> events) {
    }

    /** The article's events, oldest first; none for an id that names no article. */
    @Transactional
    public List<Entry> eventsOf(UUID articleId) {
        return auditTrail.eventsOf(articleId).stream().map(Entry::of).toList();
    }

    /** The article's trail with the verdict of its chain; 404 when there is no such article. */
    @Transactional
    public Trail trailOf(UUID articleId) {
        ArticleLookup.article(articleId);
        List<AuditEvent> events = auditTrail.eventsOf(articleId);
        return new Trail(AuditChain.isValid(events), events.stream().map(Entry::of).toList());
    }
}
