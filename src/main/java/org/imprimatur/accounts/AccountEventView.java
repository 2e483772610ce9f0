package org.imprimatur.accounts;

import java.time.Instant;
import java.util.Map;

/** One recorded change to an account: when, by whom, what was done and which fields changed. */
public record AccountEventView(long id, Instant at, String actor, String action, Map<String, Object> changes) {
}
