package org.imprimatur.rules;

import org.imprimatur.security.Actor;
import org.imprimatur.security.Role;

import java.util.Optional;

/**
 * Who may do what with a release (docs/releases.md, "Who"): editors (and admins, who hold the
 * editor's rights) create and fill releases; a medical reviewer or an admin publishes or reverts
 * one. Publishing takes no clinical decision: every item was approved by a reviewer already.
 */
public final class ReleaseRules {

    private ReleaseRules() {
    }

    public static Optional<Decision.Rejected> mayEdit(Actor actor) {
        return actor.holds(Role.EDITOR) ? Optional.empty() : Optional.of(refusal("editing a release needs the role editor"));
    }

    public static Optional<Decision.Rejected> mayPublish(Actor actor, String what) {
        return actor.holds(Role.MEDICAL_REVIEWER) || actor.holds(Role.ADMIN) ? Optional.empty()
                : Optional.of(refusal(what + " a release needs the role admin or medical-reviewer"));
    }

    private static Decision.Rejected refusal(String reason) {
        return new Decision.Rejected("actorHoldsARequiredRole", reason, Decision.Refusal.FORBIDDEN);
    }
}
