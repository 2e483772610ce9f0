package org.imprimatur.rules;

/** Where an article stands in editing, review and publication (docs/workflow.md). */
public enum WorkflowState {
    DRAFT, IN_REVIEW, CHANGES_REQUESTED, APPROVED, PUBLISHED, RETRACTED
}
