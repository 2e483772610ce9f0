package org.imprimatur.rules;

/** Where a release stands (docs/releases.md): it moves forward only, and the database keeps it so. */
public enum ReleaseState {
    /** Being filled and approved; goes live when published, or at its time. */
    OPEN,
    /** Every item went live in one transaction. */
    PUBLISHED,
    /** Every item's version before the release was made live again in one transaction. */
    REVERTED
}
