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
import org.imprimatur.article.VersionSummary;
import org.imprimatur.audit.AuditChain;
import org.imprimatur.audit.AuditEvent;
import org.imprimatur.audit.AuditTrail;
import org.imprimatur.infrastructure.ProblemException;
import org.imprimatur.review.VersionDiffer;
import org.imprimatur.workflow.EditingService;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/** An article's past: its versions, one version, two compared side by side, a restore, the audit trail. */
@Path("/studio")
@StudioPage
@Produces(MediaType.TEXT_HTML)
public class HistoryPages {

    private final Template history;
    private final Template version;
    private final Template compare;
    private final Template audit;
    private final ArticleViews views;
    private final EditingService editing;
    private final AuditTrail auditTrail;
    private final StudioUser user;

    public HistoryPages(@Location("studio/history.html") Template history, @Location("studio/version.html") Template version,
                        @Location("studio/compare.html") Template compare, @Location("studio/audit.html") Template audit,
                        ArticleViews views, EditingService editing, AuditTrail auditTrail, StudioUser user) {
        this.history = history;
        this.version = version;
        this.compare = compare;
        this.audit = audit;
        this.views = views;
        this.editing = editing;
        this.auditTrail = auditTrail;
        this.user = user;
    }

    @GET
    @Path("/articles/{id}/history")
    public TemplateInstance history(@PathParam("id") UUID id) {
        ArticleViews.Saved latest = views.latest(id);
        List<VersionSummary> versions = new ArrayList<>(views.history(id));
        Collections.reverse(versions);
        return history.data("article", latest.view()).data("versions", versions);
    }

    @GET
    @Path("/articles/{id}/versions/{version}")
    public TemplateInstance version(@PathParam("id") UUID id, @PathParam("version") int number) {
        ArticleViews.Saved latest = views.latest(id);
        ArticleView shown = views.version(id, number).view();
        return version.data("article", latest.view()).data("shown", shown)
                .data("rendered", Rendered.of(shown))
                .data("etag", latest.etag())
                .data("canRestore", user.isEditor() && number != latest.view().version());
    }

    @POST
    @Path("/articles/{id}/restore")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response restore(@PathParam("id") UUID id, @RestForm Integer version, @RestForm String etag) {
        ArticleViews.Saved saved = editing.restore(id, version, etag, user.actor());
        return Response.seeOther(URI.create("/studio/articles/" + id + "/edit?saved=" + saved.view().version())).build();
    }

    @GET
    @Path("/articles/{id}/compare")
    @Transactional
    public TemplateInstance compare(@PathParam("id") UUID id, @RestQuery Integer from, @RestQuery Integer to) {
        Article article = ArticleLookup.article(id);
        int newest = article.latestVersion;
        int left = from == null ? Math.max(1, newest - 1) : from;
        int right = to == null ? newest : to;
        VersionDiffer.VersionDiff diff = VersionDiffer.diff(left, version(article, left).content(article.slug),
                right, version(article, right).content(article.slug));
        return compare.data("article", views.latest(id).view()).data("diff", diff).data("from", left).data("to", right)
                .data("versions", views.history(id));
    }

    @GET
    @Path("/articles/{id}/audit")
    @Transactional
    public TemplateInstance audit(@PathParam("id") UUID id) {
        ArticleLookup.article(id);
        List<AuditEvent> events = auditTrail.eventsOf(id);
        List<AuditEvent> newestFirst = new ArrayList<>(events);
        Collections.reverse(newestFirst);
        return audit.data("article", views.latest(id).view()).data("valid", AuditChain.isValid(events))
                .data("events", newestFirst);
    }

    private static ArticleVersion version(Article article, int number) {
        return ArticleVersion.find(article.id, number)
                .orElseThrow(() -> ProblemException.notFound("This article has no version " + number + "."));
    }
}
