package org.imprimatur.rules;

import org.imprimatur.infrastructure.Problem;
import org.imprimatur.infrastructure.ProblemException;

/** Asks the workflow rules and turns a refusal into the problem document that names the rule. */
public final class WorkflowGate {

    private WorkflowGate() {
    }

    /** The state the action leads to; throws 403, 409 or 422 when a rule refuses. */
    public static WorkflowState require(Attempt attempt) {
        Decision decision = WorkflowRules.decide(attempt);
        if (decision instanceof Decision.Rejected rejected) {
            Problem problem = Problem.of(rejected.refusal().status(), "workflow",
                    "Refused by the workflow rule " + rejected.rule(), rejected.reason()).withRule(rejected.rule());
            // Content that cannot be reviewed yet: every reason, not only the first, so the editor fixes all at once.
            boolean content = rejected.refusal() == Decision.Refusal.INVALID && !attempt.reviewBlockers().isEmpty();
            throw new ProblemException(!rejected.errors().isEmpty() ? problem.withErrors(rejected.errors())
                    : content ? problem.withErrors(attempt.reviewBlockers()) : problem);
        }
        return ((Decision.Allowed) decision).to();
    }

    /** The problem document of a refusal, naming its rule, with its errors when it lists any. */
    public static ProblemException refusal(Decision.Rejected rejected) {
        Problem problem = Problem.of(rejected.refusal().status(), "workflow",
                "Refused by the workflow rule " + rejected.rule(), rejected.reason()).withRule(rejected.rule());
        return new ProblemException(rejected.errors().isEmpty() ? problem : problem.withErrors(rejected.errors()));
    }
}
