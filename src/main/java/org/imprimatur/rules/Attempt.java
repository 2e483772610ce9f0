package org.imprimatur.rules;

import org.imprimatur.infrastructure.FieldError;
import org.imprimatur.security.Actor;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Everything the workflow rules look at to decide one action: who acts, the article as it is now,
 * and what the request names. Built by the service, decided by {@link WorkflowRules} alone.
 *
 * @param state              the article's state; null before it exists
 * @param latestVersion      number of the newest version
 * @param latestHash         content hash of the newest version
 * @param publishedVersion   number of the live version, or null
 * @param authorsOfChange    who authored the versions the action would certify
 * @param passwordSetters    other accounts that set the actor's password since the actor last changed
 *                           it themselves: they could sign in as the actor, so four-eyes counts them too
 * @param sectionKeys        section keys of the version under review
 * @param reviewBlockers     content rules the newest version breaks for review
 * @param requestedVersion   the version number the request names, if any
 * @param requestedHash      the content hash the request names, if any
 * @param publishAt          requested publication instant, if any
 * @param comments           review comments of the request
 * @param reason             retraction reason
 * @param now                the instant of the decision
 */
public record Attempt(WorkflowAction action, Actor actor, WorkflowState state, Integer latestVersion, String latestHash,
                      Integer publishedVersion, Set<UUID> authorsOfChange, Set<UUID> passwordSetters, Set<String> sectionKeys,
                      List<FieldError> reviewBlockers, Integer requestedVersion, String requestedHash,
                      Instant publishAt, List<ReviewComment> comments, String reason, Instant now) {

    /** A review comment on the version under review, optionally aimed at one section. */
    public record ReviewComment(String sectionKey, String text) {
    }

    public static Builder of(WorkflowAction action, Actor actor) {
        return new Builder(action, actor);
    }

    /** Attempts carry many optional parts; the builder keeps call sites readable. */
    public static final class Builder {
        private final WorkflowAction action;
        private final Actor actor;
        private WorkflowState state;
        private Integer latestVersion;
        private String latestHash;
        private Integer publishedVersion;
        private Set<UUID> authorsOfChange = Set.of();
        private Set<UUID> passwordSetters = Set.of();
        private Set<String> sectionKeys = Set.of();
        private List<FieldError> reviewBlockers = List.of();
        private Integer requestedVersion;
        private String requestedHash;
        private Instant publishAt;
        private List<ReviewComment> comments = List.of();
        private String reason;
        private Instant now;

        private Builder(WorkflowAction action, Actor actor) {
            this.action = action;
            this.actor = actor;
        }

        public Builder article(WorkflowState state, Integer latestVersion, String latestHash, Integer publishedVersion) {
            this.state = state;
            this.latestVersion = latestVersion;
            this.latestHash = latestHash;
            this.publishedVersion = publishedVersion;
            return this;
        }

        public Builder authorsOfChange(Set<UUID> authors) {
            this.authorsOfChange = Set.copyOf(authors);
            return this;
        }

        public Builder passwordSetters(Set<UUID> setters) {
            this.passwordSetters = Set.copyOf(setters);
            return this;
        }

        public Builder sectionKeys(Set<String> keys) {
            this.sectionKeys = Set.copyOf(keys);
            return this;
        }

        public Builder reviewBlockers(List<FieldError> blockers) {
            this.reviewBlockers = List.copyOf(blockers);
            return this;
        }

        public Builder names(Integer version, String hash) {
            this.requestedVersion = version;
            this.requestedHash = hash;
            return this;
        }

        public Builder publishAt(Instant instant) {
            this.publishAt = instant;
            return this;
        }

        public Builder comments(List<ReviewComment> reviewComments) {
            this.comments = reviewComments == null ? List.of() : List.copyOf(reviewComments);
            return this;
        }

        public Builder reason(String retractionReason) {
            this.reason = retractionReason;
            return this;
        }

        public Builder at(Instant instant) {
            this.now = instant;
            return this;
        }

        /** An attempt happens at an instant, from the caller's clock ({@link #at}). */
        public Attempt build() {
            if (now == null) {
                throw new IllegalStateException("an attempt needs the instant it happens at: call at(now)");
            }
            return new Attempt(action, actor, state, latestVersion, latestHash, publishedVersion, authorsOfChange,
                    passwordSetters, sectionKeys, reviewBlockers, requestedVersion, requestedHash, publishAt, comments, reason, now);
        }
    }
}
