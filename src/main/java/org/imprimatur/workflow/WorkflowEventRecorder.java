package org.imprimatur.workflow;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.imprimatur.audit.AuditTrail;
import org.imprimatur.infrastructure.PublicUrl;

/**
 * The one place a workflow event becomes records: its outbox rows, which webhooks and the change
 * listeners read (docs/integration.md), then its audit row; in the action's transaction, so that
 * both exist exactly when the change committed.
 */
@ApplicationScoped
public class WorkflowEventRecorder {

    private final AuditTrail auditTrail;
    private final Outbox outbox;
    private final PublicUrl publicUrl;

    public WorkflowEventRecorder(AuditTrail auditTrail, Outbox outbox, PublicUrl publicUrl) {
        this.auditTrail = auditTrail;
        this.outbox = outbox;
        this.publicUrl = publicUrl;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(WorkflowEvent event) {
        Transition transition = event.transition();
        for (WorkflowEvent.Announcement announcement : event.announcements(publicUrl.of("/api/v1/articles/" + transition.slug()))) {
            outbox.append(announcement.type(), announcement.facts(), announcement.extra());
        }
        auditTrail.record(transition.articleId(), transition.actor(), event.action(), transition.from(), transition.to(),
                event.auditedVersion(), event.auditComment(), transition.at());
    }

    /**
     * An event that no action of the article took, such as a translation left behind by its source
     * (docs/translations.md): its outbox row only; the audit trail records the article's own actions.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void announce(WorkflowEvent.Announcement announcement) {
        outbox.append(announcement.type(), announcement.facts(), announcement.extra());
    }
}
