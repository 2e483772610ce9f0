package org.imprimatur.workflow;

import org.imprimatur.article.ReviewRecord;
import org.imprimatur.rules.AcceptedFinding;
import org.imprimatur.rules.ReviewDates;
import org.imprimatur.rules.ReviewScope;
import org.imprimatur.rules.ReviewerScope;
import org.imprimatur.security.Actor;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The review record an approval or reconfirmation leaves: who reviewed which exact content, in which
 * scope, and the dates it sets. Only a full review sets new dates; a change approval keeps those of
 * the record before it, so "last reviewed" stays the day someone last reviewed the whole article.
 */
final class ReviewRecords {

    private ReviewRecords() {
    }

    /**
     * @param findings  the current findings of the version by place, to keep each accepted one's sentence
     * @param releaseId the release an approval is for, or null
     */
    static ReviewRecord persist(ArticleAtHand at, ReviewRecord.Kind kind, ReviewScope scope, Map<String, String> evidence,
                                List<AcceptedFinding> accepted, Map<AcceptedFinding.Place, String> findings, Actor reviewer,
                                ReviewerScope reviewerScope, UUID releaseId) {
        ReviewRecord record = new ReviewRecord();
        record.id = UUID.randomUUID();
        record.articleId = at.article().id;
        record.versionNo = at.latest().versionNo;
        record.contentHash = at.latest().contentHash;
        record.kind = kind;
        record.scope = scope.wireName();
        record.reviewerId = reviewer.id();
        record.reviewerName = reviewer.name();
        record.reviewerCredentials = reviewer.credentials() == null ? "" : reviewer.credentials();
        if (scope == ReviewScope.FULL) {
            LocalDate today = LocalDate.ofInstant(at.now(), ZoneOffset.UTC);
            record.lastReviewedOn = today;
            record.nextReviewDue = ReviewDates.nextReviewDue(today, at.article().reviewIntervalMonths);
        } else {
            // The rules allow a change approval only while a version is live, and every live version was approved.
            ReviewRecord previous = ReviewRecord.newestOf(at.article().id).orElseThrow(
                    () -> new IllegalStateException("a change approval of an article that was never reviewed"));
            record.lastReviewedOn = previous.lastReviewedOn;
            record.nextReviewDue = previous.nextReviewDue;
        }
        record.evidence = evidence == null ? new TreeMap<>() : new TreeMap<>(evidence);
        record.acceptedFindings = new ArrayList<>(accepted.stream().map(finding -> {
            Map<String, Object> kept = new LinkedHashMap<>();
            kept.put("rule", finding.rule());
            kept.put("sectionKey", finding.sectionKey());
            kept.put("start", finding.start());
            kept.put("end", finding.end());
            kept.put("sentence", findings.getOrDefault(finding.place(), ""));
            kept.put("reason", finding.reason().strip());
            return kept;
        }).toList());
        Map<String, List<String>> inForce = new LinkedHashMap<>();
        inForce.put("specialties", List.copyOf(reviewerScope.specialties()));
        inForce.put("languages", reviewerScope.languages());
        record.reviewerScope = inForce;
        record.createdAt = at.now();
        record.releaseId = releaseId;
        record.persist();
        return record;
    }

    /** What the audit row of the decision says about its review: scope, evidence and accepted findings. */
    static String describe(ReviewRecord record) {
        List<String> sentences = new ArrayList<>();
        if (ReviewScope.CHANGE.wireName().equals(record.scope)) {
            sentences.add("Change approval: review dates kept from the last full review (last reviewed on "
                    + record.lastReviewedOn + ")");
        } else {
            sentences.add(record.evidence.isEmpty() ? "Full review; the version cites no source"
                    : "Full review; sources confirmed current: " + String.join(", ", record.evidence.keySet()));
        }
        for (Map<String, Object> accepted : record.acceptedFindings) {
            sentences.add("Accepted finding " + accepted.get("rule") + " in " + accepted.get("sectionKey") + " at "
                    + accepted.get("start") + "–" + accepted.get("end") + ": " + accepted.get("reason"));
        }
        if (record.reviewerScope != null) {
            sentences.add("Reviewer's scope: " + new ReviewerScope(new java.util.TreeSet<>(record.reviewerScope.get("specialties")),
                    record.reviewerScope.get("languages")).describe());
        }
        return sentences.stream().collect(Collectors.joining(". "));
    }
}
