package org.imprimatur.studio;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.imprimatur.article.ArticleContent;
import org.imprimatur.article.ArticleView;
import org.imprimatur.article.ArticleViews;
import org.imprimatur.audit.AuditHistory;
import org.imprimatur.infrastructure.ProblemException;
import org.imprimatur.review.VersionComparison;
import org.imprimatur.review.VersionDiffer;
import org.imprimatur.rules.Attempt;
import org.imprimatur.rules.Decision;
import org.imprimatur.rules.WorkflowAction;
import org.imprimatur.workflow.Approving;
import org.imprimatur.workflow.ContentChecks;
import org.imprimatur.workflow.Reconfirming;
import org.imprimatur.workflow.RequestingChanges;
import org.imprimatur.workflow.ReviewConfirmation;
import org.imprimatur.workflow.Retracting;
import org.imprimatur.workflow.WorkflowProspects;
import org.jboss.resteasy.reactive.RestForm;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The reviewer's screen (docs/studio.md, "Review"): what changed since the live version, the article
 * as the public will see it with its sources, the review history, and only the actions the rules
 * would allow; where four-eyes refuses, it says why instead of offering the button.
 */
@Path("/studio")
@StudioPage
@Produces(MediaType.TEXT_HTML)
public class ReviewPage {

    private static final Set<String> REVIEW_HISTORY = Set.of("submit", "request-changes", "approve", "reconfirm",
            "retract", "publish-scheduled", "withdraw");

    private final ArticleViews views;
    private final Approving approving;
    private final RequestingChanges requestingChanges;
    private final Reconfirming reconfirming;
    private final Retracting retracting;
    private final WorkflowProspects prospects;
    private final VersionComparison comparison;
    private final AuditHistory auditHistory;
    private final StudioUser user;
    private final ContentChecks checks;

    public ReviewPage(ArticleViews views, Approving approving, RequestingChanges requestingChanges,
                      Reconfirming reconfirming, Retracting retracting, WorkflowProspects prospects,
                      VersionComparison comparison, AuditHistory auditHistory, StudioUser user, ContentChecks checks) {
        this.checks = checks;
        this.views = views;
        this.approving = approving;
        this.requestingChanges = requestingChanges;
        this.reconfirming = reconfirming;
        this.retracting = retracting;
        this.prospects = prospects;
        this.comparison = comparison;
        this.auditHistory = auditHistory;
        this.user = user;
    }

    @CheckedTemplate(basePath = "studio")
    static class Templates {
        static native TemplateInstance review(ArticleView article, Integer sentBack, Rendered rendered,
                                              StudioChecks checks, VersionDiffer.VersionDiff diff, List<AuditHistory.Entry> history,
                                              String refusal, Typed typed, Offer approve, Offer requestChanges,
                                              Offer reconfirm, Offer retract);
    }

    /**
     * What the reviewer typed into a form that was refused, shown again: the comment (and each
     * section's, by section key), the retraction reason, or the scope, each source's confirmation
     * and each finding ticked as accepted with the reason typed beside it (by the finding's place).
     */
    public record Typed(String comment, Map<String, String> sectionComments, String reason, String scope,
                        Map<String, String> evidence, Set<String> accepting, Map<String, String> reasons) {

        static final Typed NOTHING = new Typed("", Map.of(), "", null, Map.of(), Set.of(), Map.of());

        Typed(String comment, Map<String, String> sectionComments, String reason) {
            this(comment, sectionComments, reason, null, Map.of(), Set.of(), Map.of());
        }

        static Typed review(String scope, Map<String, String> evidence) {
            return new Typed("", Map.of(), "", scope, evidence, Set.of(), Map.of());
        }

        static Typed review(String scope, Map<String, String> evidence, List<String> accepting, List<String> places,
                            List<String> reasons) {
            Map<String, String> typedReasons = new LinkedHashMap<>();
            int count = places == null || reasons == null ? 0 : Math.min(places.size(), reasons.size());
            for (int i = 0; i < count; i++) {
                if (places.get(i) != null && reasons.get(i) != null && !reasons.get(i).isBlank()) {
                    typedReasons.put(places.get(i), reasons.get(i));
                }
            }
            return new Typed("", Map.of(), "", scope, evidence,
                    accepting == null ? Set.of() : Set.copyOf(accepting.stream().filter(java.util.Objects::nonNull).toList()),
                    typedReasons);
        }

        /** Whether the reviewer ticked a finding, or typed a reason for it, before the form was refused. */
        public boolean touched(String place) {
            return accepting.contains(place) || reasons.containsKey(place);
        }

        /** Whether the form shows {@code scope} chosen: as typed, or the default the API has (docs/workflow.md). */
        public boolean scopeChosen(String candidate, Integer publishedVersion) {
            String chosen = scope != null ? scope : publishedVersion != null ? "change" : "full";
            return chosen.equals(candidate);
        }

        static Typed comments(String comment, List<String> sectionKeys, List<String> sectionComments) {
            Map<String, String> byKey = new LinkedHashMap<>();
            int count = sectionKeys == null || sectionComments == null ? 0 : Math.min(sectionKeys.size(), sectionComments.size());
            for (int i = 0; i < count; i++) {
                if (sectionKeys.get(i) != null && sectionComments.get(i) != null && !sectionComments.get(i).isBlank()) {
                    byKey.put(sectionKeys.get(i), sectionComments.get(i));
                }
            }
            return new Typed(comment == null ? "" : comment, byKey, "");
        }

        static Typed reason(String reason) {
            return new Typed("", Map.of(), reason == null ? "" : reason);
        }
    }

    /** An action the screen offers, or the sentence that explains why it cannot be taken. */
    public record Offer(boolean offered, String refusal) {

        static Offer of(Decision decision) {
            if (decision instanceof Decision.Rejected rejected) {
                // Who-may-act refusals are explained; a state that does not allow the action just hides it.
                String why = rejected.refusal() == Decision.Refusal.FORBIDDEN && !"actorHoldsARequiredRole".equals(rejected.rule())
                        ? StudioText.sentence(rejected.reason()) : null;
                return new Offer(false, why);
            }
            return new Offer(true, null);
        }
    }

    @GET
    @Path("/articles/{id}/review")
    public TemplateInstance show(@PathParam("id") UUID id) {
        return page(id, null, Typed.NOTHING);
    }

    @POST
    @Path("/articles/{id}/approve")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response approve(@PathParam("id") UUID id, @RestForm Integer version, @RestForm String contentHash,
                            @RestForm String publishAt, @RestForm String scope, @RestForm List<String> evidenceKey,
                            @RestForm List<String> evidence, @RestForm List<String> acceptFinding,
                            @RestForm List<String> findingPlace, @RestForm List<String> findingReason) {
        Map<String, String> confirmed = confirmations(evidenceKey, evidence);
        Typed typed = Typed.review(scope, confirmed, acceptFinding, findingPlace, findingReason);
        Instant when;
        try {
            when = publishAt == null || publishAt.isBlank() ? null
                    : LocalDateTime.parse(publishAt.strip()).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException unreadable) {
            return Response.status(422).entity(page(id, "Publish at must be a date and time such as 2026-12-01T09:00.", typed))
                    .build();
        }
        // A change approval confirms no sources: the rows the form always shows are not sent with it.
        // Ticked findings go as the API's acceptedFindings: whether each is current and has a reason is the workflow's rule.
        ReviewConfirmation review = new ReviewConfirmation(scope, "change".equals(scope) ? null : confirmed,
                StudioChecks.accepted(acceptFinding, findingPlace, findingReason));
        return act(id, typed, () -> approving.approve(id, version, contentHash, when, review, null, user.actor()));
    }

    /** Each source's answer by its key; a row left unanswered is left out, so the rules name it as missing. */
    private static Map<String, String> confirmations(List<String> keys, List<String> answers) {
        Map<String, String> confirmed = new LinkedHashMap<>();
        int count = keys == null || answers == null ? 0 : Math.min(keys.size(), answers.size());
        for (int i = 0; i < count; i++) {
            if (keys.get(i) != null && answers.get(i) != null && !answers.get(i).isBlank()) {
                confirmed.put(keys.get(i), answers.get(i));
            }
        }
        return confirmed;
    }

    @POST
    @Path("/articles/{id}/request-changes")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response requestChanges(@PathParam("id") UUID id, @RestForm Integer version, @RestForm String comment,
                                   @RestForm List<String> sectionCommentKey, @RestForm List<String> sectionComment) {
        // Blank boxes are not comments; whether enough was said is the workflow's rule (sendingBackNeedsAComment).
        List<Attempt.ReviewComment> comments = new ArrayList<>();
        if (comment != null && !comment.isBlank()) {
            comments.add(new Attempt.ReviewComment(null, comment));
        }
        for (int i = 0; sectionComment != null && i < sectionComment.size(); i++) {
            if (sectionComment.get(i) != null && !sectionComment.get(i).isBlank() && sectionCommentKey != null
                    && i < sectionCommentKey.size()) {
                comments.add(new Attempt.ReviewComment(sectionCommentKey.get(i), sectionComment.get(i)));
            }
        }
        return act(id, Typed.comments(comment, sectionCommentKey, sectionComment),
                () -> requestingChanges.requestChanges(id, version, comments, user.actor()));
    }

    @POST
    @Path("/articles/{id}/reconfirm")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response reconfirm(@PathParam("id") UUID id, @RestForm Integer version, @RestForm String contentHash,
                              @RestForm List<String> evidenceKey, @RestForm List<String> evidence) {
        Map<String, String> confirmed = confirmations(evidenceKey, evidence);
        return act(id, Typed.review(null, confirmed),
                () -> reconfirming.reconfirm(id, version, contentHash, confirmed, user.actor()));
    }

    @POST
    @Path("/articles/{id}/retract")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response retract(@PathParam("id") UUID id, @RestForm String reason) {
        return act(id, Typed.reason(reason), () -> retracting.retract(id, reason, user.actor()));
    }

    private Response act(UUID id, Typed typed, Runnable action) {
        try {
            action.run();
            return Response.seeOther(URI.create("/studio/articles/" + id + "/review")).build();
        } catch (ProblemException refusal) {
            return Response.status(refusal.problem().status())
                    .entity(page(id, StudioText.sentence(refusal.problem().detail()), typed)).build();
        }
    }

    private TemplateInstance page(UUID id, String refusal, Typed typed) {
        ArticleViews.Saved latest = views.latest(id);
        ArticleView article = latest.view();
        Map<WorkflowAction, Decision> prospects = this.prospects.of(id, user.actor());
        VersionDiffer.VersionDiff diff = article.publishedVersion() != null && article.publishedVersion() != article.version()
                ? comparison.between(id, article.publishedVersion(), article.version()) : null;
        List<AuditHistory.Entry> history = new ArrayList<>(auditHistory.eventsOf(id).stream()
                .filter(event -> REVIEW_HISTORY.contains(event.action())).toList());
        Collections.reverse(history);
        // After a send-back the reviewer also wants what the editor changed since, beside the live diff.
        Integer sentBack = history.stream().filter(event -> "request-changes".equals(event.action()))
                .map(AuditHistory.Entry::versionNo).filter(version -> version != null && version != article.version())
                .findFirst().orElse(null);
        ArticleContent content = new ArticleContent(article.slug(), article.title(), article.summary(), article.language(),
                article.tags(), article.audience(), article.disclosures(), article.authorCredentials(),
                article.reviewIntervalMonths(), article.changeNote(), article.sections(), article.citations());
        StudioChecks checked = StudioChecks.of(checks, content);
        return Templates.review(article, sentBack, Rendered.of(article), checked, diff, history, refusal, typed,
                Offer.of(prospects.get(WorkflowAction.APPROVE)),
                Offer.of(prospects.get(WorkflowAction.REQUEST_CHANGES)),
                Offer.of(prospects.get(WorkflowAction.RECONFIRM)),
                Offer.of(prospects.get(WorkflowAction.RETRACT)));
    }
}
