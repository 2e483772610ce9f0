package org.imprimatur.accounts;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** One recorded change to an account: when, by whom, what was done and which fields changed. */
public record AccountEventView(long id, Instant at, String actor, AccountAction action, Map<String, Object> changes) {

    /** The changed fields in words, as the studio's account history shows them: "roles: editor → editor, medical-reviewer". */
    public String summary() {
        return changes.entrySet().stream().map(entry -> entry.getKey() + ": " + describe(entry.getValue()))
                .collect(Collectors.joining("; "));
    }

    private static String describe(Object value) {
        if (value instanceof Map<?, ?> fromTo && fromTo.containsKey("to")) {
            return describe(fromTo.get("from")) + " → " + describe(fromTo.get("to"));
        }
        if (value instanceof List<?> list) {
            return list.isEmpty() ? "none" : list.stream().map(String::valueOf).collect(Collectors.joining(", "));
        }
        return value == null || "".equals(value) ? "none" : "\"" + value + "\"";
    }
}
