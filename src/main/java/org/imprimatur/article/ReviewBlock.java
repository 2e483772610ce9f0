package org.imprimatur.article;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.UUID;

/** The newest review of an article: when, until when, and by whom. Only approvals and reconfirmations write it. */
public record ReviewBlock(LocalDate lastReviewedOn, LocalDate nextReviewDue, Reviewer reviewedBy, int version,
                          String contentHash) {

    /** No id for the reviewer of an imported approval, who has no account here. */
    public record Reviewer(@Schema(nullable = true) UUID id, String name, String credentials) {
    }
}
