package org.imprimatur.workflow;

import org.imprimatur.rules.WorkflowState;
import org.imprimatur.security.Actor;

import java.time.Instant;
import java.util.UUID;

/**
 * What every workflow event says: which article, at which newest version, went from which state to
 * which, by whom (null: the scheduler) and when.
 */
public record Transition(UUID articleId, String slug, int version, String contentHash, WorkflowState from,
                         WorkflowState to, Actor actor, Instant at) {
}
