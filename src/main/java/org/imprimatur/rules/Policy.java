package org.imprimatur.rules;

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
}
