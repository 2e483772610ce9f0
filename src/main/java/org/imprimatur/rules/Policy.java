package org.imprimatur.rules;

import org.imprimatur.infrastructure.FieldError;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** One named rule that can refuse an action; it returns the refusal, or nothing when it allows. */
public interface Policy {

    String name();

    Optional<Decision.Rejected> check(Attempt attempt);

    /** A rule with one reason to refuse, or null when it allows. */
    static Policy of(String name, Decision.Refusal refusal, Function<Attempt, String> reasonToRefuse) {
        return named(name, attempt -> Optional.ofNullable(reasonToRefuse.apply(attempt))
                .map(reason -> new Decision.Rejected(name, reason, refusal)));
    }

    /**
     * A rule that finds faults in the request, each located by a field: it refuses when there is
     * any, with a reason made of them all and the faults as the problem's errors.
     */
    static Policy listing(String name, Decision.Refusal refusal, Function<Attempt, List<FieldError>> faults,
                          Function<List<FieldError>, String> reason) {
        return named(name, attempt -> {
            List<FieldError> found = faults.apply(attempt);
            return found.isEmpty() ? Optional.empty()
                    : Optional.of(new Decision.Rejected(name, reason.apply(found), refusal, found));
        });
    }

    private static Policy named(String name, Function<Attempt, Optional<Decision.Rejected>> check) {
        return new Policy() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Optional<Decision.Rejected> check(Attempt attempt) {
                return check.apply(attempt);
            }
        };
    }
}
