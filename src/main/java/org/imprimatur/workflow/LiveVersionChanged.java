package org.imprimatur.workflow;

/**
 * Fired inside the transaction that changes an article's live version; observers that need the
 * committed state (such as this replica's delivery cache) observe it after success.
 */
public record LiveVersionChanged(String slug) {
}
