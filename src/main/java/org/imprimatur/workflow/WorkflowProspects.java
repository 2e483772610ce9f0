package org.imprimatur.workflow;

import io.quarkus.arc.All;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.imprimatur.rules.Decision;
import org.imprimatur.rules.WorkflowAction;
import org.imprimatur.rules.WorkflowRules;
import org.imprimatur.security.Actor;

import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the rules would answer if the actor took each workflow action on the article's current
 * version now, with a comment or reason given: so that a screen offers only the actions that can
 * succeed, and says why the others cannot. Built from the same attempts the actions make; the
 * actions themselves decide again.
 */
@ApplicationScoped
public class WorkflowProspects {

    private final List<WorkflowStep> steps;
    private final Clock clock;

    public WorkflowProspects(@All List<WorkflowStep> steps, Clock clock) {
        this.steps = steps;
        this.clock = clock;
    }

    @Transactional
    public Map<WorkflowAction, Decision> of(UUID articleId, Actor actor) {
        ArticleAtHand at = ArticleAtHand.read(articleId, clock);
        Map<WorkflowAction, Decision> prospects = new EnumMap<>(WorkflowAction.class);
        prospects.put(WorkflowAction.SAVE, WorkflowRules.decide(at.attempt(WorkflowAction.SAVE, actor).build()));
        for (WorkflowStep step : steps) {
            prospects.put(step.action(), WorkflowRules.decide(step.prospect(at, actor)));
        }
        return prospects;
    }
}
