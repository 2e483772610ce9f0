package org.imprimatur.article;

import java.time.LocalDate;
import java.util.UUID;

/** The newest review of an article: when, until when, and by whom. Only approvals and reconfirmations write it. */
public record ReviewBlock(LocalDate lastReviewedOn, LocalDate nextReviewDue, Reviewer reviewedBy, int version,
                          String contentHash) {

    public record Reviewer(UUID id, String name, String credentials) {
    }
}
