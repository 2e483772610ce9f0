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
import org.imprimatur.article.ArticleView;
import org.imprimatur.article.ArticleViews;
import org.imprimatur.article.VersionSummary;
import org.imprimatur.audit.AuditHistory;
import org.imprimatur.review.VersionComparison;
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

    private final ArticleViews views;
    private final VersionComparison comparison;
    private final EditingService editing;
    private final AuditHistory auditHistory;
    private final StudioUser user;

    public HistoryPages(ArticleViews views, VersionComparison comparison, EditingService editing, AuditHistory auditHistory,
                        StudioUser user) {
        this.views = views;
        this.comparison = comparison;
        this.editing = editing;
        this.auditHistory = auditHistory;
        this.user = user;
    }

    @CheckedTemplate(basePath = "studio")
    static class Templates {
        static native TemplateInstance history(ArticleView article, List<VersionSummary> versions);

        static native TemplateInstance version(ArticleView article, ArticleView shown, Rendered rendered, String etag,
                                               boolean canRestore);

        static native TemplateInstance compare(ArticleView article, VersionDiffer.VersionDiff diff, int from, int to,
                                               List<VersionSummary> versions);

        static native TemplateInstance audit(ArticleView article, boolean valid, List<AuditHistory.Entry> events);
    }

    @GET
    @Path("/articles/{id}/history")
    public TemplateInstance history(@PathParam("id") UUID id) {
        ArticleViews.Saved latest = views.latest(id);
        List<VersionSummary> versions = new ArrayList<>(views.history(id));
        Collections.reverse(versions);
        return Templates.history(latest.view(), versions);
    }

    @GET
    @Path("/articles/{id}/versions/{version}")
    public TemplateInstance version(@PathParam("id") UUID id, @PathParam("version") int number) {
        ArticleViews.Saved latest = views.latest(id);
        ArticleView shown = views.version(id, number).view();
        return Templates.version(latest.view(), shown, Rendered.of(shown), latest.etag(),
                user.isEditor() && number != latest.view().version());
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
    public TemplateInstance compare(@PathParam("id") UUID id, @RestQuery Integer from, @RestQuery Integer to) {
        ArticleView article = views.latest(id).view();
        int newest = article.version();
        int left = from == null ? Math.max(1, newest - 1) : from;
        int right = to == null ? newest : to;
        return Templates.compare(article, comparison.between(id, left, right), left, right, views.history(id));
    }

    @GET
    @Path("/articles/{id}/audit")
    public TemplateInstance audit(@PathParam("id") UUID id) {
        AuditHistory.Trail trail = auditHistory.trailOf(id);
        List<AuditHistory.Entry> newestFirst = new ArrayList<>(trail.events());
        Collections.reverse(newestFirst);
        return Templates.audit(views.latest(id).view(), trail.chainValid(), newestFirst);
    }
}
