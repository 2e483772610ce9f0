package org.imprimatur.rules;

/** The answer of the workflow rules: the action may go ahead to a state, or a named rule refuses it. */
public sealed interface Decision {

    record Allowed(WorkflowState to) implements Decision {
    }

    record Rejected(String rule, String reason, Refusal refusal) implements Decision {
    }

    /** How a refusal reaches the client: 403 for who is acting, 409 for the article's state, 422 for content. */
    enum Refusal {
        FORBIDDEN(403), CONFLICT(409), INVALID(422);

        private final int status;

        Refusal(int status) {
            this.status = status;
        }

        public int status() {
            return status;
        }
    }
}
