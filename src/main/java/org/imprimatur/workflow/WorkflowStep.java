package org.imprimatur.workflow;

import org.imprimatur.rules.Attempt;
import org.imprimatur.rules.WorkflowAction;
import org.imprimatur.security.Actor;

/**
 * A workflow action as a screen asks about it: the attempt it would make if the actor took it now,
 * with the request's own parts (a comment, a reason, the version under review) filled in as a
 * well-formed request would. The action builds its real attempt with the same method.
 */
interface WorkflowStep {

    WorkflowAction action();

    Attempt prospect(ArticleAtHand at, Actor actor);
}
