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
import org.imprimatur.delivery.PreviewLinks;
import org.imprimatur.infrastructure.ProblemException;
import org.jboss.resteasy.reactive.RestForm;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/** Preview links of an article: create one for a version, see them all, revoke (docs/integration.md, "Previews"). */
@Path("/studio")
@StudioPage
@Produces(MediaType.TEXT_HTML)
public class PreviewPages {

    private final PreviewLinks links;
    private final ArticleViews views;
    private final StudioUser user;

    public PreviewPages(PreviewLinks links, ArticleViews views, StudioUser user) {
        this.links = links;
        this.views = views;
        this.user = user;
    }

    @CheckedTemplate(basePath = "studio")
    static class Templates {
        static native TemplateInstance previews(ArticleView article, List<VersionSummary> versions,
                                                List<PreviewLinks.LinkView> links, PreviewLinks.IssuedLink issued,
                                                String message, String refusal);
    }

    @GET
    @Path("/articles/{id}/previews")
    public TemplateInstance list(@PathParam("id") UUID id) {
        return page(id, null, null, null);
    }

    @POST
    @Path("/articles/{id}/previews")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@PathParam("id") UUID id, @RestForm Integer version, @RestForm Integer expiresInHours) {
        try {
            PreviewLinks.IssuedLink issued = links.create(id, version == null ? 0 : version,
                    new PreviewLinks.LinkRequest(expiresInHours), user.actor());
            return Response.ok(page(id, issued, "Preview link created for version " + issued.version() + ".", null)).build();
        } catch (ProblemException refusal) {
            return Response.status(refusal.problem().status())
                    .entity(page(id, null, null, StudioText.sentence(refusal.problem().detail()))).build();
        }
    }

    @POST
    @Path("/articles/{id}/previews/{linkId}/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response revoke(@PathParam("id") UUID id, @PathParam("linkId") UUID linkId, @RestForm String confirm) {
        links.revoke(id, linkId, user.actor());
        return Response.ok(page(id, null, "Revoked: the link no longer opens anything.", null)).build();
    }

    private TemplateInstance page(UUID id, PreviewLinks.IssuedLink issued, String message, String refusal) {
        ArticleView article = views.latest(id).view();
        List<VersionSummary> versions = new ArrayList<>(views.history(id));
        Collections.reverse(versions);
        return Templates.previews(article, versions, links.list(id), issued, message, refusal);
    }
}
