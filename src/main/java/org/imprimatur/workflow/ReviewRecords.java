package org.imprimatur.workflow;

import org.imprimatur.article.ReviewRecord;
import org.imprimatur.rules.ReviewDates;
import org.imprimatur.security.Actor;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

/** The review record an approval or reconfirmation leaves: who reviewed which exact content, and the dates it sets. */
final class ReviewRecords {

    private ReviewRecords() {
    }

    static void persist(ArticleAtHand at, ReviewRecord.Kind kind, Actor reviewer) {
        LocalDate today = LocalDate.ofInstant(at.now(), ZoneOffset.UTC);
        ReviewRecord record = new ReviewRecord();
        record.id = UUID.randomUUID();
        record.articleId = at.article().id;
        record.versionNo = at.latest().versionNo;
        record.contentHash = at.latest().contentHash;
        record.kind = kind;
        record.reviewerId = reviewer.id();
        record.reviewerName = reviewer.name();
        record.reviewerCredentials = reviewer.credentials() == null ? "" : reviewer.credentials();
        record.lastReviewedOn = today;
        record.nextReviewDue = ReviewDates.nextReviewDue(today, at.article().reviewIntervalMonths);
        record.createdAt = at.now();
        record.persist();
    }
}
