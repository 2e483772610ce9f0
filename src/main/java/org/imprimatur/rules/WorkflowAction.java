package org.imprimatur.rules;

/** What can happen to an article; the audit trail records these names. */
public enum WorkflowAction {
    CREATE, SAVE, RESTORE, SUBMIT, WITHDRAW, REQUEST_CHANGES, APPROVE, RECONFIRM, RETRACT,
    /** A scheduled approval going live; done by the service itself, never by a request. */
    PUBLISH_SCHEDULED,
    /** An article brought in from another system with its history (docs/operations.md, "Importing a library"). */
    IMPORTED,
    /** An item's approved version going live with its release (docs/releases.md). */
    PUBLISH_RELEASE,
    /** An item's version before its release made live again, or taken off, by reverting the release. */
    REVERT_RELEASE;

    /** The name in the audit trail, also its name in JSON. */
    @com.fasterxml.jackson.annotation.JsonValue
    public String auditName() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
