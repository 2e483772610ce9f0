package org.imprimatur.rules;

import org.imprimatur.infrastructure.FieldError;

import java.util.List;
import java.util.Optional;

/** One named rule that can refuse an action; it returns the refusal, or nothing when it allows. */
public interface Policy {

    String name();

    Optional<Decision.Rejected> check(Attempt attempt);

    static Policy of(String name, Decision.Refusal refusal, java.util.function.Function<Attempt, String> reasonToRefuse) {
        return new Policy() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Optional<Decision.Rejected> check(Attempt attempt) {
                return Optional.ofNullable(reasonToRefuse.apply(attempt))
                        .map(reason -> new Decision.Rejected(name, reason, refusal));
            }
        };
    }

    /**
     * A rule that finds faults in the request, each located by a field: it refuses when there is
     * any, with a reason made of them all and the faults as the problem's errors.
     */
    static Policy listing(String name, Decision.Refusal refusal, java.util.function.Function<Attempt, List<FieldError>> faults,
                          java.util.function.Function<List<FieldError>, String> reason) {
        return new Policy() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Optional<Decision.Rejected> check(Attempt attempt) {
                List<FieldError> found = faults.apply(attempt);
                return found.isEmpty() ? Optional.empty()
                        : Optional.of(new Decision.Rejected(name, reason.apply(found), refusal, found));
            }
        };
    }
}
