package org.imprimatur.rules;

import org.imprimatur.infrastructure.FieldError;

import java.util.List;

/** The answer of the workflow rules: the action may go ahead to a state, or a named rule refuses it. */
public sealed interface Decision {

    record Allowed(WorkflowState to) implements Decision {
    }

    /** A refusal; {@code errors} locates each fault in the request when the rule lists several. */
    record Rejected(String rule, String reason, Refusal refusal, List<FieldError> errors) implements Decision {

        public Rejected {
            errors = List.copyOf(errors);
        }

        public Rejected(String rule, String reason, Refusal refusal) {
            this(rule, reason, refusal, List.of());
        }
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
