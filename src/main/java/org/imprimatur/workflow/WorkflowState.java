package org.imprimatur.workflow;

/** Where an article stands in editing, review and publication (SPEC §2). */
public enum WorkflowState {
    DRAFT, IN_REVIEW, CHANGES_REQUESTED, APPROVED, PUBLISHED, RETRACTED
}
