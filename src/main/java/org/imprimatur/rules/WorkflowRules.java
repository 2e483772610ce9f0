package org.imprimatur.rules;

import org.imprimatur.infrastructure.FieldError;
import org.imprimatur.security.Role;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.imprimatur.rules.Decision.Refusal.CONFLICT;
import static org.imprimatur.rules.Decision.Refusal.FORBIDDEN;
import static org.imprimatur.rules.Decision.Refusal.INVALID;
import static org.imprimatur.rules.WorkflowAction.APPROVE;
import static org.imprimatur.rules.WorkflowAction.CREATE;
import static org.imprimatur.rules.WorkflowAction.IMPORTED;
import static org.imprimatur.rules.WorkflowAction.PUBLISH_RELEASE;
import static org.imprimatur.rules.WorkflowAction.PUBLISH_SCHEDULED;
import static org.imprimatur.rules.WorkflowAction.RECONFIRM;
import static org.imprimatur.rules.WorkflowAction.REQUEST_CHANGES;
import static org.imprimatur.rules.WorkflowAction.RESTORE;
import static org.imprimatur.rules.WorkflowAction.RETRACT;
import static org.imprimatur.rules.WorkflowAction.REVERT_RELEASE;
import static org.imprimatur.rules.WorkflowAction.SAVE;
import static org.imprimatur.rules.WorkflowAction.SUBMIT;
import static org.imprimatur.rules.WorkflowAction.WITHDRAW;
import static org.imprimatur.rules.WorkflowState.APPROVED;
import static org.imprimatur.rules.WorkflowState.CHANGES_REQUESTED;
import static org.imprimatur.rules.WorkflowState.DRAFT;
import static org.imprimatur.rules.WorkflowState.IN_REVIEW;
import static org.imprimatur.rules.WorkflowState.PUBLISHED;
import static org.imprimatur.rules.WorkflowState.RETRACTED;

/**
 * The editorial workflow of docs/workflow.md as a table: who may take each action, from which states, to
 * which state, and the named policies that must all allow it. Nothing else decides transitions.
 */
public final class WorkflowRules {

    private static final Set<WorkflowState> EDITABLE = EnumSet.of(DRAFT, CHANGES_REQUESTED, PUBLISHED, RETRACTED);
    private static final Set<WorkflowState> WHILE_SOMETHING_IS_LIVE =
            EnumSet.of(DRAFT, IN_REVIEW, CHANGES_REQUESTED, APPROVED, PUBLISHED);

    private static final Map<WorkflowAction, Transition> TABLE = Map.ofEntries(
            Map.entry(CREATE, new Transition(Set.of(Role.EDITOR), Set.of(), attempt -> DRAFT, List.of())),
            // An imported article is live when the library says its newest version is; a newer draft
            // after the live version leaves it a draft with a live version, as a save after publishing does.
            Map.entry(IMPORTED, new Transition(Set.of(Role.ADMIN), Set.of(), attempt -> attempt.publishedVersion() != null
                    && attempt.publishedVersion().equals(attempt.latestVersion()) ? PUBLISHED : DRAFT, List.of())),
            // A save while the article waits for a release takes it out of the release's ready set (docs/releases.md).
            Map.entry(SAVE, new Transition(Set.of(Role.EDITOR), EDITABLE, attempt -> DRAFT, List.of(), true)),
            Map.entry(RESTORE, new Transition(Set.of(Role.EDITOR), EDITABLE, attempt -> DRAFT, List.of(), true)),
            Map.entry(SUBMIT, new Transition(Set.of(Role.EDITOR), EnumSet.of(DRAFT), attempt -> IN_REVIEW,
                    List.of(Policies.CONTENT_IS_READY_FOR_REVIEW))),
            Map.entry(WITHDRAW, new Transition(Set.of(Role.EDITOR), EnumSet.of(IN_REVIEW, APPROVED), attempt -> DRAFT, List.of())),
            Map.entry(REQUEST_CHANGES, new Transition(Set.of(Role.MEDICAL_REVIEWER), EnumSet.of(IN_REVIEW),
                    attempt -> CHANGES_REQUESTED,
                    List.of(Policies.NAMES_THE_VERSION_UNDER_REVIEW, Policies.HAS_A_COMMENT,
                            Policies.COMMENTS_NAME_EXISTING_SECTIONS))),
            Map.entry(APPROVE, new Transition(Set.of(Role.MEDICAL_REVIEWER), EnumSet.of(IN_REVIEW),
                    attempt -> attempt.release() != null
                            || attempt.publishAt() != null && attempt.publishAt().isAfter(attempt.now()) ? APPROVED : PUBLISHED,
                    List.of(Policies.NAMES_THE_VERSION_AND_HASH_UNDER_REVIEW, Policies.A_RELEASE_OR_A_TIME,
                            Policies.RELEASE_IS_OPEN, Policies.APPROVAL_NAMES_THE_RELEASE_ITEM, Policies.REVIEWER_IS_NOT_AN_AUTHOR,
                            Policies.REVIEWER_COVERS_THE_SPECIALTY, Policies.REVIEWER_READS_THE_LANGUAGE,
                            Policies.FIRST_PUBLICATION_IS_A_FULL_REVIEW, Policies.EVIDENCE_CONFIRMS_EVERY_CITATION,
                            Policies.NO_SOURCE_NEEDS_REPLACING, Policies.ACCEPTED_FINDINGS_ARE_CURRENT,
                            Policies.ACCEPTED_FINDINGS_GIVE_A_REASON))),
            Map.entry(RECONFIRM, new Transition(Set.of(Role.MEDICAL_REVIEWER), EnumSet.of(PUBLISHED), attempt -> PUBLISHED,
                    List.of(Policies.NAMES_THE_PUBLISHED_VERSION_AND_HASH, Policies.REVIEWER_IS_NOT_AN_AUTHOR,
                            Policies.REVIEWER_COVERS_THE_SPECIALTY, Policies.REVIEWER_READS_THE_LANGUAGE,
                            Policies.EVIDENCE_CONFIRMS_EVERY_CITATION, Policies.NO_SOURCE_NEEDS_REPLACING))),
            Map.entry(RETRACT, new Transition(Set.of(Role.MEDICAL_REVIEWER), WHILE_SOMETHING_IS_LIVE,
                    attempt -> attempt.state() == PUBLISHED ? RETRACTED : attempt.state(),
                    List.of(Policies.ARTICLE_HAS_A_LIVE_VERSION, Policies.GIVES_A_REASON))),
            Map.entry(PUBLISH_SCHEDULED, new Transition(Set.of(), EnumSet.of(APPROVED), attempt -> PUBLISHED, List.of())),
            // Who may publish or revert a release is the release's rule (ReleaseRules); each article's own move is here.
            Map.entry(PUBLISH_RELEASE, new Transition(Set.of(), EnumSet.of(APPROVED), attempt -> PUBLISHED,
                    List.of(Policies.AWAITS_THE_RELEASE))),
            // The item's version stops being live; the attempt names the version live again (none: the
            // article was new in the release). A published newest version becomes a draft, or nothing is live.
            Map.entry(REVERT_RELEASE, new Transition(Set.of(), WHILE_SOMETHING_IS_LIVE,
                    attempt -> attempt.state() != PUBLISHED ? attempt.state() : attempt.requestedVersion() == null ? RETRACTED : DRAFT,
                    List.of())));

    /** Actions the service takes itself, or whose role a rule of their own decides. */
    private static final Set<WorkflowAction> NO_ROLE_OF_THEIR_OWN = EnumSet.of(PUBLISH_SCHEDULED, PUBLISH_RELEASE, REVERT_RELEASE);

    private WorkflowRules() {
    }

    /** Decides an attempt: the role first (403), then the state (409), then each policy in order. */
    public static Decision decide(Attempt attempt) {
        Transition transition = TABLE.get(attempt.action());
        if (!NO_ROLE_OF_THEIR_OWN.contains(attempt.action())
                && transition.roles().stream().noneMatch(role -> attempt.actor().holds(role))) {
            return new Decision.Rejected("actorHoldsARequiredRole",
                    attempt.action().auditName() + " needs the role " + roleNames(transition.roles()), FORBIDDEN);
        }
        boolean forANewArticle = attempt.action() == CREATE || attempt.action() == IMPORTED;
        boolean stateAllows = forANewArticle ? attempt.state() == null : transition.from().contains(attempt.state())
                || transition.alsoWhileAwaitingARelease() && attempt.state() == APPROVED && attempt.awaitingRelease();
        if (!stateAllows) {
            return new Decision.Rejected("actionIsAllowedInCurrentState", attempt.action().auditName()
                    + " is not possible while the article is " + attempt.state()
                    + (transition.from().isEmpty() ? "" : "; it needs one of " + transition.from()), CONFLICT);
        }
        for (Policy policy : transition.policies()) {
            Optional<Decision.Rejected> rejection = policy.check(attempt);
            if (rejection.isPresent()) {
                return rejection.get();
            }
        }
        return new Decision.Allowed(transition.to().apply(attempt));
    }

    private static String roleNames(Set<Role> roles) {
        return roles.stream().map(Role::tokenName).sorted().collect(Collectors.joining(" or "));
    }

    /** @param alsoWhileAwaitingARelease the action is allowed too while the article is approved for a release */
    private record Transition(Set<Role> roles, Set<WorkflowState> from, Function<Attempt, WorkflowState> to,
                              List<Policy> policies, boolean alsoWhileAwaitingARelease) {
        Transition(Set<Role> roles, Set<WorkflowState> from, Function<Attempt, WorkflowState> to, List<Policy> policies) {
            this(roles, from, to, policies, false);
        }
    }

    /** The named rules; each returns the reason it refuses, or null when it allows. */
    static final class Policies {

        static final Policy CONTENT_IS_READY_FOR_REVIEW = Policy.of("contentIsReadyForReview", INVALID,
                attempt -> attempt.reviewBlockers().isEmpty() ? null
                        : "the version cannot be reviewed yet: " + attempt.reviewBlockers().get(0).field() + " "
                        + attempt.reviewBlockers().get(0).message());

        static final Policy NAMES_THE_VERSION_UNDER_REVIEW = Policy.of("namesTheVersionUnderReview", CONFLICT,
                attempt -> attempt.requestedVersion() != null && attempt.requestedVersion().equals(attempt.latestVersion())
                        ? null : "the request must name version " + attempt.latestVersion() + ", which is under review");

        static final Policy NAMES_THE_VERSION_AND_HASH_UNDER_REVIEW = Policy.of("approvalNamesTheVersionUnderReview", CONFLICT,
                attempt -> attempt.requestedVersion() != null && attempt.requestedVersion().equals(attempt.latestVersion())
                        && attempt.latestHash().equals(attempt.requestedHash()) ? null
                        : "the approval must name version " + attempt.latestVersion() + " and its content hash "
                        + attempt.latestHash() + ", which are under review");

        // docs/releases.md: an approval goes live with its release, or at its own time, not both.
        static final Policy A_RELEASE_OR_A_TIME = Policy.listing("approvalIsForAReleaseOrATime", INVALID,
                attempt -> attempt.release() != null && attempt.publishAt() != null
                        ? List.of(new FieldError("publishAt", "must be left out of an approval for a release: the release says when"))
                        : List.of(),
                faults -> "an approval for a release goes live with the release, so it names no publishAt");

        static final Policy RELEASE_IS_OPEN = Policy.of("releaseIsOpen", CONFLICT,
                attempt -> attempt.release() == null || attempt.release().open() ? null
                        : "the release \"" + attempt.release().title() + "\" has gone live already; approve for an open release");

        static final Policy APPROVAL_NAMES_THE_RELEASE_ITEM = Policy.of("approvalNamesTheReleaseItem", CONFLICT,
                attempt -> attempt.release() == null || attempt.release().hasTheArticle()
                        && attempt.release().itemVersion().equals(attempt.requestedVersion())
                        && attempt.release().itemHash().equals(attempt.requestedHash()) ? null
                        : !attempt.release().hasTheArticle()
                        ? "the article is not an item of the release \"" + attempt.release().title() + "\"; add it first"
                        : "the release \"" + attempt.release().title() + "\" has version " + attempt.release().itemVersion()
                        + " of the article as its item; put the version under review into the release first");

        static final Policy AWAITS_THE_RELEASE = Policy.of("articleAwaitsTheRelease", CONFLICT,
                attempt -> attempt.awaitingRelease() ? null : "the article is not approved for the release");

        static final Policy NAMES_THE_PUBLISHED_VERSION_AND_HASH = Policy.of("reconfirmationNamesThePublishedVersion", CONFLICT,
                attempt -> attempt.requestedVersion() != null && attempt.requestedVersion().equals(attempt.publishedVersion())
                        && attempt.latestHash().equals(attempt.requestedHash()) ? null
                        : "the reconfirmation must name the published version " + attempt.publishedVersion()
                        + " and its content hash " + attempt.latestHash());

        static final Policy REVIEWER_IS_NOT_AN_AUTHOR = Policy.of("reviewerIsNotAnAuthor", FORBIDDEN,
                attempt -> attempt.authorsOfChange().contains(attempt.actor().id())
                        ? "four-eyes rule: you wrote part of this change, so another reviewer must approve it"
                        : attempt.passwordSetters().stream().anyMatch(attempt.authorsOfChange()::contains)
                        ? "four-eyes rule: your password was last set by an author of this change; set your own"
                        + " password, or another reviewer must approve it"
                        : null);

        // docs/workflow.md, "Reviewer scope": a specialist certifies their own field only.
        static final Policy REVIEWER_COVERS_THE_SPECIALTY = Policy.of("reviewerCoversTheSpecialty", FORBIDDEN,
                attempt -> attempt.specialty() == null
                        || attempt.reviewerScope() != null && attempt.reviewerScope().coversSpecialty(attempt.specialty())
                        ? null : gerund(attempt) + " a " + attempt.specialty() + " article needs a reviewer of "
                        + attempt.specialty());

        static final Policy REVIEWER_READS_THE_LANGUAGE = Policy.of("reviewerReadsTheLanguage", FORBIDDEN,
                attempt -> attempt.language() == null
                        || attempt.reviewerScope() != null && attempt.reviewerScope().readsLanguage(attempt.language())
                        ? null : gerund(attempt) + (attempt.translation()
                        ? " a " + ReviewerScope.languageName(attempt.language()) + " translation"
                        : " an article in " + ReviewerScope.languageName(attempt.language()))
                        + " needs a reviewer who reads " + ReviewerScope.languageName(attempt.language()));

        private static String gerund(Attempt attempt) {
            return attempt.action() == RECONFIRM ? "reconfirming" : "approving";
        }

        static final Policy FIRST_PUBLICATION_IS_A_FULL_REVIEW = Policy.listing("firstPublicationIsAFullReview", INVALID,
                attempt -> attempt.publishedVersion() == null && attempt.scope() == ReviewScope.CHANGE
                        ? List.of(new FieldError("scope", "must be full: nothing of this article is live, so the review"
                        + " covers all of it")) : List.of(),
                faults -> "scope must be full: with nothing live, the approval is a full review of the whole article");

        // A full review names every source; a change approval that sends a confirmation anyway has it checked too.
        static final Policy EVIDENCE_CONFIRMS_EVERY_CITATION = Policy.listing("evidenceConfirmsEveryCitation", INVALID,
                attempt -> attempt.effectiveScope() == ReviewScope.FULL || attempt.evidence() != null
                        ? EvidenceConfirmation.gaps(attempt.citationKeys(), attempt.evidence()) : List.of(),
                faults -> "the evidence must confirm each source of the version as current or replace: " + fields(faults));

        static final Policy NO_SOURCE_NEEDS_REPLACING = Policy.listing("sourcesNeedNoReplacing", INVALID,
                attempt -> EvidenceConfirmation.replacements(attempt.evidence()),
                faults -> "replace the source first: " + keys(faults)
                        + " marked replace; request changes so the editor replaces it, then review again");

        static final Policy ACCEPTED_FINDINGS_ARE_CURRENT = Policy.listing("acceptedFindingsAreCurrent", INVALID,
                attempt -> indexed(attempt.acceptedFindings(), accepted -> !attempt.currentFindings().contains(accepted.place()),
                        accepted -> "matches no current finding of the version: " + accepted.place()),
                faults -> "an accepted finding must be one the checks find in the version now: " + messages(faults));

        static final Policy ACCEPTED_FINDINGS_GIVE_A_REASON = Policy.listing("acceptedFindingsGiveAReason", INVALID,
                attempt -> indexed(attempt.acceptedFindings(), accepted -> !accepted.hasAReason(),
                        accepted -> "reason: 1–" + AcceptedFinding.MAX_REASON + " characters are required"),
                faults -> "each accepted finding needs a reason of 1–" + AcceptedFinding.MAX_REASON + " characters");

        private static String fields(List<FieldError> faults) {
            return faults.stream().map(fault -> fault.field().substring(fault.field().indexOf('.') + 1)
                    + " (" + fault.message().split(":")[0] + ")").collect(Collectors.joining(", "));
        }

        private static String keys(List<FieldError> faults) {
            return faults.stream().map(fault -> fault.field().substring(fault.field().indexOf('.') + 1))
                    .collect(Collectors.joining(", "));
        }

        private static String messages(List<FieldError> faults) {
            return faults.stream().map(FieldError::message).collect(Collectors.joining("; "));
        }

        private static List<FieldError> indexed(List<AcceptedFinding> accepted, java.util.function.Predicate<AcceptedFinding> faulty,
                                                Function<AcceptedFinding, String> message) {
            List<FieldError> faults = new java.util.ArrayList<>();
            for (int i = 0; i < accepted.size(); i++) {
                if (faulty.test(accepted.get(i))) {
                    faults.add(new FieldError("acceptedFindings[" + i + "]", message.apply(accepted.get(i))));
                }
            }
            return faults;
        }

        static final Policy HAS_A_COMMENT = Policy.of("sendingBackNeedsAComment", INVALID,
                attempt -> attempt.comments().stream().anyMatch(comment -> comment.text() != null && !comment.text().isBlank())
                        ? null : "at least one comment telling the editor what to change is required");

        static final Policy COMMENTS_NAME_EXISTING_SECTIONS = Policy.of("commentsNameExistingSections", INVALID,
                attempt -> attempt.comments().stream()
                        .map(Attempt.ReviewComment::sectionKey)
                        .filter(key -> key != null && !attempt.sectionKeys().contains(key))
                        .findFirst()
                        .map(key -> "a comment names the section " + key + ", which the version under review does not have")
                        .orElse(null));

        static final Policy ARTICLE_HAS_A_LIVE_VERSION = Policy.of("articleHasALiveVersion", CONFLICT,
                attempt -> attempt.publishedVersion() != null ? null : "the article has no live version to retract");

        static final Policy GIVES_A_REASON = Policy.of("retractionGivesAReason", INVALID,
                attempt -> attempt.reason() != null && !attempt.reason().isBlank() ? null
                        : "a reason for the retraction is required");

        private Policies() {
        }
    }
}
