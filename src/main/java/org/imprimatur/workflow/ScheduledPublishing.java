package org.imprimatur.workflow;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.imprimatur.article.Article;
import org.imprimatur.rules.WorkflowAction;
import org.imprimatur.rules.WorkflowGate;
import org.imprimatur.rules.WorkflowState;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/** Publishes approvals whose time has come. Row locks with SKIP LOCKED let only one replica take each. */
@ApplicationScoped
public class ScheduledPublishing {

    private final EntityManager entityManager;
    private final GoingLive goingLive;
    private final WorkflowEventRecorder recorder;
    private final Clock clock;

    public ScheduledPublishing(EntityManager entityManager, GoingLive goingLive, WorkflowEventRecorder recorder, Clock clock) {
        this.entityManager = entityManager;
        this.goingLive = goingLive;
        this.recorder = recorder;
        this.clock = clock;
    }

    /** Publishes up to a hundred due approvals, oldest due first; returns how many. */
    @Transactional
    public int publishDue() {
        List<UUID> due = entityManager.createNativeQuery("""
                        SELECT id FROM articles WHERE state = 'APPROVED' AND publish_at <= ?1
                        ORDER BY publish_at LIMIT 100 FOR UPDATE SKIP LOCKED""", UUID.class)
                .setParameter(1, clock.instant().atOffset(ZoneOffset.UTC))
                .getResultList();
        for (UUID articleId : due) {
            Article article = Article.findById(articleId);
            entityManager.refresh(article);
            ArticleAtHand at = ArticleAtHand.of(article, clock);
            WorkflowState to = WorkflowGate.require(at.attempt(WorkflowAction.PUBLISH_SCHEDULED, null).build());
            Instant scheduledFor = article.publishAt;
            Transition transition = at.enter(to, null);
            article.publishAt = null;
            goingLive.newestVersion(at);
            recorder.record(new WorkflowEvent.ArticlePublished(transition, scheduledFor));
        }
        return due.size();
    }
}
