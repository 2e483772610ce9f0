package org.imprimatur.workflow;

import org.imprimatur.infrastructure.ProblemException;
import org.imprimatur.rules.AcceptedFinding;
import org.imprimatur.rules.ReviewScope;

import java.util.List;
import java.util.Map;

/**
 * What a reviewer certifies beyond the version and hash (docs/workflow.md, "Review scope"): the
 * scope of the review ({@code change} or {@code full}, or null for the default), each source of the
 * version confirmed as {@code current} or {@code replace}, and the clinical-check findings accepted
 * with a reason (docs/clinical-checks.md).
 */
public record ReviewConfirmation(String scope, Map<String, String> evidence, List<AcceptedFinding> acceptedFindings) {

    public static final ReviewConfirmation NONE = new ReviewConfirmation(null, null, List.of());

    public ReviewConfirmation {
        acceptedFindings = acceptedFindings == null ? List.of() : List.copyOf(acceptedFindings);
    }

    /** The scope named, null when none is; a name that is neither scope is a 422 naming the field. */
    ReviewScope requestedScope() {
        if (scope == null) {
            return null;
        }
        return ReviewScope.fromWireName(scope)
                .orElseThrow(() -> ProblemException.invalid("scope", "must be change or full"));
    }
}
