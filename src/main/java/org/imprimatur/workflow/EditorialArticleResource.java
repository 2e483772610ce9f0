package org.imprimatur.workflow;

import org.imprimatur.article.ArticleView;
import org.imprimatur.article.ContentInput;
import org.imprimatur.article.ArticleSummary;
import org.imprimatur.article.ArticleViews;
import org.imprimatur.article.EditorialListing;
import org.imprimatur.article.EditorialResponses;
import org.imprimatur.article.VersionSummary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.imprimatur.infrastructure.Page;
import org.imprimatur.rules.WorkflowState;
import org.imprimatur.security.CurrentActor;
import org.imprimatur.security.Role;

import java.net.URI;
import java.util.List;
import java.util.UUID;

@Path("/api/v1/editorial/articles")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Editorial: articles")
@SecurityRequirement(name = "bearer")
@RolesAllowed({Role.EDITOR_NAME, Role.MEDICAL_REVIEWER_NAME, Role.ADMIN_NAME})
// Each change is one transaction with the actor's account read in it: one connection, one commit.
public class EditorialArticleResource {

    private final EditingService articles;
    private final ArticleViews views;
    private final EditorialListing listing;
    private final CurrentActor currentActor;

    public EditorialArticleResource(EditingService articles, ArticleViews views, EditorialListing listing,
                                    CurrentActor currentActor) {
        this.articles = articles;
        this.views = views;
        this.listing = listing;
        this.currentActor = currentActor;
    }

    /** The body of a restore: which version's content becomes the next draft. */
    public record RestoreRequest(Integer version) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.EDITOR_NAME, Role.ADMIN_NAME})
    @Operation(summary = "Create an article; its content becomes draft version 1")
    @APIResponse(responseCode = "201", description = "Created, with Location and ETag",
            headers = @Header(name = HttpHeaders.LOCATION, ref = HttpHeaders.LOCATION), content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ArticleView.class)))
    @APIResponse(responseCode = "409", description = "The slug is taken")
    @APIResponse(responseCode = "422", description = "The content breaks a rule; see errors")
    @Transactional
    public Response create(ContentInput content) {
        ArticleViews.Saved saved = articles.create(content, currentActor.get());
        return EditorialResponses.withETag(Response.created(URI.create("/api/v1/editorial/articles/" + saved.view().id()))
                .entity(saved.view()), saved);
    }

    @GET
    @Operation(summary = "List articles with their workflow state, newest change first")
    @APIResponse(responseCode = "200", description = "A page of articles and the cursor of the next page (null on the last)")
    @APIResponse(responseCode = "400", description = "An unknown state, a limit outside 1–100 or a malformed cursor")
    public Page<ArticleSummary> list(@QueryParam("state") @Parameter(schema = @Schema(implementation = WorkflowState.class)) String state, @QueryParam("q") String q,
                                     @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return listing.list(state, q, limit, cursor);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "The newest version with its state, content hash and ETag")
    @APIResponse(responseCode = "200", description = "The article",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ArticleView.class)))
    @APIResponse(responseCode = "404", description = "No such article")
    public Response latest(@PathParam("id") UUID id) {
        return EditorialResponses.withETag(views.latest(id));
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.EDITOR_NAME, Role.ADMIN_NAME})
    @Operation(summary = "Save the full content as a new version; If-Match with the current ETag is required")
    @APIResponse(responseCode = "200", description = "The new version, with its ETag", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ArticleView.class)))
    @APIResponse(responseCode = "404", description = "No such article")
    @APIResponse(responseCode = "409", description = "The article's state does not allow editing, or a concurrent change won")
    @APIResponse(responseCode = "412", description = "If-Match names an older version")
    @APIResponse(responseCode = "422", description = "The content breaks a rule; see errors")
    @APIResponse(responseCode = "428", description = "If-Match is missing, or *")
    @Transactional
    public Response save(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                         ContentInput content) {
        return EditorialResponses.withETag(articles.save(id, content, ifMatch, currentActor.get()));
    }

    @GET
    @Path("/{id}/versions")
    @Operation(summary = "The article's history, newest version first")
    @APIResponse(responseCode = "200", description = "One line per version")
    @APIResponse(responseCode = "404", description = "No such article")
    public List<VersionSummary> versions(@PathParam("id") UUID id) {
        return views.history(id);
    }

    @GET
    @Path("/{id}/versions/{version}")
    @Operation(summary = "One version with its review comments")
    @APIResponse(responseCode = "200", description = "The version, with its ETag", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ArticleView.class)))
    @APIResponse(responseCode = "404", description = "No such article or version")
    public Response version(@PathParam("id") UUID id, @PathParam("version") int version) {
        return EditorialResponses.withETag(views.version(id, version));
    }

    @POST
    @Path("/{id}/restore")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.EDITOR_NAME, Role.ADMIN_NAME})
    @Operation(summary = "Copy an older version's content into a new draft; If-Match as for save")
    @APIResponse(responseCode = "200", description = "The new version, with its ETag", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ArticleView.class)))
    @APIResponse(responseCode = "404", description = "No such article")
    @APIResponse(responseCode = "409", description = "The article's state does not allow editing, or a concurrent change won")
    @APIResponse(responseCode = "412", description = "If-Match names an older version")
    @APIResponse(responseCode = "422", description = "No version, or one the article does not have, is named")
    @APIResponse(responseCode = "428", description = "If-Match is missing, or *")
    @Transactional
    public Response restore(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                            RestoreRequest request) {
        return EditorialResponses.withETag(articles.restore(id, request == null ? null : request.version(), ifMatch, currentActor.get()));
    }

}
