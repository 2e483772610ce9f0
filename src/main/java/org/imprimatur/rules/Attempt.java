package org.imprimatur.rules;

import org.imprimatur.infrastructure.FieldError;
import org.imprimatur.security.Actor;

import java.time.Instant;
import java.util.List;
import java.util.Map;
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
 * @param scope              the review scope the request names, or null when it names none
 * @param citationKeys       citation keys of the version the review certifies
 * @param evidence           citation key → current or replace, as the reviewer confirmed it; null when not sent
 * @param currentFindings    where the clinical checks find something in that version now
 * @param acceptedFindings   findings the reviewer accepts, each with a reason
 * @param specialty          the article's specialty, or null when any reviewer may review it
 * @param language           the language tag of the version the action is about, or null when none is
 * @param translation        whether the article is a translation of another (docs/translations.md)
 * @param reviewerScope      the acting reviewer's specialties and languages; null when not read, which
 *                           allows no article with a specialty or a language to be certified
 * @param release            the release an approval is for, or null when it is not for one
 * @param awaitingRelease    the article is approved for a release (rather than for a time of its own)
 * @param now                the instant of the decision
 */
public record Attempt(WorkflowAction action, Actor actor, WorkflowState state, Integer latestVersion, String latestHash,
                      Integer publishedVersion, Set<UUID> authorsOfChange, Set<UUID> passwordSetters, Set<String> sectionKeys,
                      List<FieldError> reviewBlockers, Integer requestedVersion, String requestedHash,
                      Instant publishAt, List<ReviewComment> comments, String reason, ReviewScope scope,
                      Set<String> citationKeys, Map<String, String> evidence, Set<AcceptedFinding.Place> currentFindings,
                      List<AcceptedFinding> acceptedFindings, String specialty, String language, boolean translation,
                      ReviewerScope reviewerScope, ReleaseSlot release, boolean awaitingRelease, Instant now) {

    /**
     * The scope the review has: a reconfirmation is always a full review; an approval with nothing
     * live is a first publication, full unless the request names another scope (which the rules
     * refuse); otherwise the scope named, and a change approval when none is (docs/workflow.md).
     */
    public ReviewScope effectiveScope() {
        if (action == WorkflowAction.RECONFIRM) {
            return ReviewScope.FULL;
        }
        if (scope != null) {
            return scope;
        }
        return publishedVersion == null ? ReviewScope.FULL : ReviewScope.CHANGE;
    }

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
        private ReviewScope scope;
        private Set<String> citationKeys = Set.of();
        private Map<String, String> evidence;
        private Set<AcceptedFinding.Place> currentFindings = Set.of();
        private List<AcceptedFinding> acceptedFindings = List.of();
        private String specialty;
        private String language;
        private boolean translation;
        private ReviewerScope reviewerScope;
        private ReleaseSlot release;
        private boolean awaitingRelease;
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

        public Builder scope(ReviewScope reviewScope) {
            this.scope = reviewScope;
            return this;
        }

        /** The version's citation keys and the reviewer's confirmation of each (null when none was sent). */
        public Builder evidence(Set<String> keys, Map<String, String> confirmed) {
            this.citationKeys = Set.copyOf(keys);
            this.evidence = confirmed == null ? null : Map.copyOf(confirmed);
            return this;
        }

        public Builder findings(Set<AcceptedFinding.Place> current, List<AcceptedFinding> accepted) {
            this.currentFindings = Set.copyOf(current);
            this.acceptedFindings = accepted == null ? List.of() : List.copyOf(accepted);
            return this;
        }

        /** Who the article needs as its reviewer: its specialty (or null) and the language of the version. */
        public Builder subject(String articleSpecialty, String versionLanguage) {
            this.specialty = articleSpecialty;
            this.language = versionLanguage;
            return this;
        }

        /** The article translates another, so its reviewer certifies a translation. */
        public Builder translation(boolean isTranslation) {
            this.translation = isTranslation;
            return this;
        }

        public Builder reviewerScope(ReviewerScope scope) {
            this.reviewerScope = scope;
            return this;
        }

        /** The release the approval is for, as it stands; null for an approval that is not for one. */
        public Builder release(ReleaseSlot slot) {
            this.release = slot;
            return this;
        }

        public Builder awaitingRelease(boolean awaiting) {
            this.awaitingRelease = awaiting;
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
                    passwordSetters, sectionKeys, reviewBlockers, requestedVersion, requestedHash, publishAt, comments, reason, scope, citationKeys, evidence,
                    currentFindings, acceptedFindings, specialty, language, translation, reviewerScope, release, awaitingRelease, now);
        }
    }
}
