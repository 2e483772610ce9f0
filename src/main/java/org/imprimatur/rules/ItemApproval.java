package org.imprimatur.rules;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** Where an item of a release stands with its approval (docs/releases.md, "Ready"); its name in JSON is lower-case. */
public enum ItemApproval {
    /** Approved for the release, exactly the item's version and hash: ready. */
    APPROVED,
    /** No approval for the release of the item's version yet. */
    NOT_APPROVED,
    /** The article was saved again after the item's version: the item is not the newest text. */
    NEWER_VERSION_SAVED,
    /** Approved for the release, then withdrawn. */
    WITHDRAWN,
    /** The release went live (or was reverted): the item is history. */
    RELEASED;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
