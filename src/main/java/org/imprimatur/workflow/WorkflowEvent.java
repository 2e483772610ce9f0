package org.imprimatur.workflow;

import org.imprimatur.rules.Attempt;
import org.imprimatur.rules.WorkflowAction;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What a workflow action did, one event per action, with what it says in the audit trail and which
 * outbox events it makes (docs/integration.md). {@link WorkflowEventRecorder} writes both, in the
 * action's transaction.
 */
public sealed interface WorkflowEvent {

    Transition transition();

    WorkflowAction action();

    /** The outbox events, in the order they happened; {@code liveUrl} is the article's public address. */
    List<Announcement> announcements(String liveUrl);

    /** What the audit row says beyond the transition, or null. */
    default String auditComment() {
        return null;
    }

    /** The version the audit row names: the one the action was about. */
    default int auditedVersion() {
        return transition().version();
    }

    /** One outbox event: its type, what it says about the article, and the fields only it carries. */
    record Announcement(ArticleEventType type, Outbox.EventFacts facts, Map<String, Object> extra) {
    }

    private static Announcement announce(ArticleEventType type, Transition t, Map<String, Object> extra) {
        return new Announcement(type, new Outbox.EventFacts(t.articleId(), t.slug(), t.version(), t.contentHash(),
                t.to().name(), t.at()), extra);
    }

    private static Announcement published(Transition t, String liveUrl) {
        return announce(ArticleEventType.PUBLISHED, t, Map.of("url", liveUrl));
    }

    /** A review decision's comment, naming where the reviewer's role and credentials came from. */
    private static String withStanding(String comment, String standing) {
        if (standing == null) {
            return comment;
        }
        String sentence = Character.toUpperCase(standing.charAt(0)) + standing.substring(1);
        return comment == null ? sentence : comment + ". " + sentence;
    }

    private static String joined(String first, String second) {
        return first == null ? second : second == null ? first : first + ". " + second;
    }

    record ArticleSubmitted(Transition transition) implements WorkflowEvent {
        public WorkflowAction action() {
            return WorkflowAction.SUBMIT;
        }

        public List<Announcement> announcements(String liveUrl) {
            return List.of(announce(ArticleEventType.SUBMITTED, transition, Map.of()));
        }
    }

    /**
     * @param cancelledPublication the scheduled publication the withdrawal cancelled, or null
     * @param cancelledRelease     the release whose approval the withdrawal cancelled, or null
     */
    record ArticleWithdrawn(Transition transition, Instant cancelledPublication, UUID cancelledRelease) implements WorkflowEvent {
        public WorkflowAction action() {
            return WorkflowAction.WITHDRAW;
        }

        public List<Announcement> announcements(String liveUrl) {
            return List.of(announce(ArticleEventType.WITHDRAWN, transition, Map.of()));
        }

        @Override
        public String auditComment() {
            return cancelledRelease != null ? "Cancelled the approval for the release " + cancelledRelease
                    : cancelledPublication == null ? null : "Cancelled the publication scheduled for " + cancelledPublication;
        }
    }

    record ChangesRequested(Transition transition, List<Attempt.ReviewComment> comments) implements WorkflowEvent {
        public ChangesRequested {
            comments = List.copyOf(comments);
        }

        public WorkflowAction action() {
            return WorkflowAction.REQUEST_CHANGES;
        }

        public List<Announcement> announcements(String liveUrl) {
            return List.of(announce(ArticleEventType.CHANGES_REQUESTED, transition, Map.of()));
        }

        @Override
        public String auditComment() {
            return comments.stream().map(c -> (c.sectionKey() == null ? "" : "[" + c.sectionKey() + "] ") + c.text().strip())
                    .collect(Collectors.joining("\n"));
        }
    }

    /**
     * @param publishAt the instant the approval goes live, or null when it went live at once
     * @param review    what the review certified: its scope, the sources confirmed, the findings accepted
     * @param standing  where the reviewer's role and credentials came from, in words, or null
     */
    record ArticleApproved(Transition transition, Instant publishAt, UUID releaseId, String releaseTitle, String review,
                           String standing) implements WorkflowEvent {
        public WorkflowAction action() {
            return WorkflowAction.APPROVE;
        }

        public boolean wentLive() {
            return publishAt == null && releaseId == null;
        }

        public List<Announcement> announcements(String liveUrl) {
            if (releaseId != null) {
                return List.of(announce(ArticleEventType.APPROVED, transition, Map.of("releaseId", releaseId.toString())));
            }
            return List.of(announce(ArticleEventType.APPROVED, transition, Map.of()), wentLive()
                    ? published(transition, liveUrl)
                    : announce(ArticleEventType.SCHEDULED, transition, Map.of("publishAt", publishAt.toString())));
        }

        @Override
        public String auditComment() {
            String waits = releaseId != null ? "Approved for the release \"" + releaseTitle + "\" (" + releaseId
                    + "); goes live with it" : wentLive() ? null : "Scheduled to go live at " + publishAt;
            return withStanding(joined(review, waits), standing);
        }
    }

    /** @param review what the reconfirmation certified: the sources confirmed */
    record ArticleReconfirmed(Transition transition, String review, String standing) implements WorkflowEvent {
        public WorkflowAction action() {
            return WorkflowAction.RECONFIRM;
        }

        public List<Announcement> announcements(String liveUrl) {
            return List.of(announce(ArticleEventType.RECONFIRMED, transition, Map.of()));
        }

        @Override
        public String auditComment() {
            return withStanding(review, standing);
        }
    }

    /** The live version taken off delivery: {@code version} and its hash, and the reason given. */
    record ArticleRetracted(Transition transition, int version, String contentHash, String reason) implements WorkflowEvent {
        public WorkflowAction action() {
            return WorkflowAction.RETRACT;
        }

        public List<Announcement> announcements(String liveUrl) {
            Transition t = transition;
            return List.of(new Announcement(ArticleEventType.RETRACTED, new Outbox.EventFacts(t.articleId(), t.slug(),
                    version, contentHash, t.to().name(), t.at()), Map.of("reason", reason)));
        }

        @Override
        public String auditComment() {
            return reason;
        }

        @Override
        public int auditedVersion() {
            return version;
        }
    }

    /** An item's approved version that went live with its release (docs/releases.md). */
    record PublishedWithRelease(Transition transition, UUID releaseId, String title) implements WorkflowEvent {
        public WorkflowAction action() {
            return WorkflowAction.PUBLISH_RELEASE;
        }

        public List<Announcement> announcements(String liveUrl) {
            return List.of(announce(ArticleEventType.PUBLISHED, transition, Map.of("url", liveUrl,
                    "releaseId", releaseId.toString())));
        }

        @Override
        public String auditComment() {
            return "Went live with the release \"" + title + "\" (" + releaseId + ")";
        }
    }

    /**
     * An item of a reverted release: the version live before it is live again ({@code restored}, with
     * its hash), or, when the article was new in the release (restored null), nothing is.
     */
    record RevertedWithRelease(Transition transition, UUID releaseId, String title, int reverted,
                               String revertedHash, Integer restored, String restoredHash) implements WorkflowEvent {
        public WorkflowAction action() {
            return WorkflowAction.REVERT_RELEASE;
        }

        public List<Announcement> announcements(String liveUrl) {
            Transition t = transition;
            return restored != null
                    ? List.of(new Announcement(ArticleEventType.PUBLISHED, new Outbox.EventFacts(t.articleId(), t.slug(),
                    restored, restoredHash, t.to().name(), t.at()), Map.of("url", liveUrl, "releaseId", releaseId.toString())))
                    : List.of(new Announcement(ArticleEventType.RETRACTED, new Outbox.EventFacts(t.articleId(), t.slug(),
                    reverted, revertedHash, t.to().name(), t.at()), Map.of("reason", reason(title), "releaseId",
                    releaseId.toString())));
        }

        /** What readers are told of an article that was new in a reverted release. */
        static String reason(String title) {
            return "Taken off with the revert of the release \"" + title + "\"";
        }

        @Override
        public String auditComment() {
            return restored != null
                    ? "Reverted with the release \"" + title + "\" (" + releaseId + "): version " + restored
                    + " is live again in place of version " + reverted
                    : "Reverted with the release \"" + title + "\" (" + releaseId + "): version " + reverted
                    + " was taken off; the article was new in the release";
        }

        @Override
        public int auditedVersion() {
            return restored != null ? restored : reverted;
        }
    }

    /** A scheduled approval that went live, at the instant it had been scheduled for. */
    record ArticlePublished(Transition transition, Instant scheduledFor) implements WorkflowEvent {
        public WorkflowAction action() {
            return WorkflowAction.PUBLISH_SCHEDULED;
        }

        public List<Announcement> announcements(String liveUrl) {
            return List.of(published(transition, liveUrl));
        }

        @Override
        public String auditComment() {
            return "Went live as scheduled for " + scheduledFor;
        }
    }
}
