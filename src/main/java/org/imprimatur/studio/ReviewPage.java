package org.imprimatur.studio;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.imprimatur.article.Article;
import org.imprimatur.article.ArticleLookup;
import org.imprimatur.article.ArticleVersion;
import org.imprimatur.article.ArticleView;
import org.imprimatur.article.ArticleViews;
import org.imprimatur.audit.AuditEvent;
import org.imprimatur.audit.AuditTrail;
import org.imprimatur.infrastructure.ProblemException;
import org.imprimatur.review.VersionDiffer;
import org.imprimatur.rules.Attempt;
import org.imprimatur.rules.Decision;
import org.imprimatur.rules.WorkflowAction;
import org.imprimatur.workflow.Approving;
import org.imprimatur.workflow.Reconfirming;
import org.imprimatur.workflow.RequestingChanges;
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

    private final Template review;
    private final ArticleViews views;
    private final Approving approving;
    private final RequestingChanges requestingChanges;
    private final Reconfirming reconfirming;
    private final Retracting retracting;
    private final WorkflowProspects prospects;
    private final AuditTrail auditTrail;
    private final StudioUser user;

    public ReviewPage(@Location("studio/review.html") Template review, ArticleViews views, Approving approving,
                      RequestingChanges requestingChanges, Reconfirming reconfirming, Retracting retracting,
                      WorkflowProspects prospects, AuditTrail auditTrail, StudioUser user) {
        this.review = review;
        this.views = views;
        this.approving = approving;
        this.requestingChanges = requestingChanges;
        this.reconfirming = reconfirming;
        this.retracting = retracting;
        this.prospects = prospects;
        this.auditTrail = auditTrail;
        this.user = user;
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
        return page(id, null, null);
    }

    @POST
    @Path("/articles/{id}/approve")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response approve(@PathParam("id") UUID id, @RestForm Integer version, @RestForm String contentHash,
                            @RestForm String publishAt) {
        Instant when;
        try {
            when = publishAt == null || publishAt.isBlank() ? null
                    : LocalDateTime.parse(publishAt.strip()).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException unreadable) {
            return Response.status(422).entity(page(id, "Publish at must be a date and time such as 2026-12-01T09:00.", null)).build();
        }
        return act(id, null, () -> approving.approve(id, version, contentHash, when, user.actor()));
    }

    @POST
    @Path("/articles/{id}/request-changes")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response requestChanges(@PathParam("id") UUID id, @RestForm Integer version, @RestForm String comment,
                                   @RestForm List<String> sectionCommentKey, @RestForm List<String> sectionComment) {
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
        if (comment == null || comment.isBlank()) {
            return Response.status(422).entity(page(id, "A comment is required: tell the editor what to change.",
                    Map.of("comment", "", "sections", sectionComment == null ? List.of() : sectionComment))).build();
        }
        return act(id, Map.of("comment", comment), () -> requestingChanges.requestChanges(id, version, comments, user.actor()));
    }

    @POST
    @Path("/articles/{id}/reconfirm")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response reconfirm(@PathParam("id") UUID id, @RestForm Integer version, @RestForm String contentHash) {
        return act(id, null, () -> reconfirming.reconfirm(id, version, contentHash, user.actor()));
    }

    @POST
    @Path("/articles/{id}/retract")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response retract(@PathParam("id") UUID id, @RestForm String reason) {
        return act(id, Map.of("reason", reason == null ? "" : reason), () -> retracting.retract(id, reason, user.actor()));
    }

    private Response act(UUID id, Map<String, Object> typed, Runnable action) {
        try {
            action.run();
            return Response.seeOther(URI.create("/studio/articles/" + id + "/review")).build();
        } catch (ProblemException refusal) {
            return Response.status(refusal.problem().status())
                    .entity(page(id, StudioText.sentence(refusal.problem().detail()), typed)).build();
        }
    }

    @Transactional
    TemplateInstance page(UUID id, String refusal, Map<String, Object> typed) {
        ArticleViews.Saved latest = views.latest(id);
        ArticleView article = latest.view();
        Map<WorkflowAction, Decision> prospects = this.prospects.of(id, user.actor());
        Article entity = ArticleLookup.article(id);
        VersionDiffer.VersionDiff diff = null;
        if (article.publishedVersion() != null && article.publishedVersion() != article.version()) {
            ArticleVersion live = ArticleVersion.find(id, article.publishedVersion()).orElseThrow();
            diff = VersionDiffer.diff(live.versionNo, live.content(entity.slug), article.version(),
                    ArticleLookup.latestVersionOf(entity).content(entity.slug));
        }
        List<AuditEvent> history = new ArrayList<>(auditTrail.eventsOf(id).stream()
                .filter(event -> REVIEW_HISTORY.contains(event.action)).toList());
        Collections.reverse(history);
        // After a send-back the reviewer also wants what the editor changed since, beside the live diff.
        Integer sentBack = history.stream().filter(event -> "request-changes".equals(event.action))
                .map(event -> event.versionNo).filter(version -> version != null && version != article.version())
                .findFirst().orElse(null);
        return review.data("article", article)
                .data("sentBack", sentBack)
                .data("rendered", Rendered.of(article))
                .data("diff", diff)
                .data("history", history)
                .data("refusal", refusal)
                .data("typed", typed == null ? Map.of() : typed)
                .data("approve", Offer.of(prospects.get(WorkflowAction.APPROVE)))
                .data("requestChanges", Offer.of(prospects.get(WorkflowAction.REQUEST_CHANGES)))
                .data("reconfirm", Offer.of(prospects.get(WorkflowAction.RECONFIRM)))
                .data("retract", Offer.of(prospects.get(WorkflowAction.RETRACT)));
    }
}
