package org.imprimatur.workflow;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.imprimatur.infrastructure.Page;
import org.imprimatur.security.CurrentActor;
import org.imprimatur.security.Role;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

/** Releases (docs/releases.md): several approved versions that go live together, at once or at a time, or not at all. */
@Path("/api/v1/editorial/releases")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Editorial: releases")
@SecurityRequirement(name = "bearer")
@RolesAllowed({Role.EDITOR_NAME, Role.MEDICAL_REVIEWER_NAME, Role.ADMIN_NAME})
// Each request is one transaction with the actor's account read in it, as the workflow's are.
@Transactional
public class ReleaseResource {

    private final Releases releases;
    private final ReleasePublishing publishing;
    private final ReleaseReverting reverting;
    private final CurrentActor currentActor;

    public ReleaseResource(Releases releases, ReleasePublishing publishing, ReleaseReverting reverting,
                           CurrentActor currentActor) {
        this.releases = releases;
        this.publishing = publishing;
        this.reverting = reverting;
        this.currentActor = currentActor;
    }

    @Schema(name = "NewRelease")
    public record CreateRequest(String title, @Schema(nullable = true, description = "when the release goes live by itself") Instant publishAt) {
    }

    @Schema(name = "ReleaseItemRequest")
    public record ItemRequest(Integer version, String contentHash) {
    }

    @POST
    @Operation(summary = "Create a release, optionally with the time it goes live by itself")
    @APIResponse(responseCode = "201", description = "Created, with Location",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReleaseView.class)))
    @APIResponse(responseCode = "403", description = "Only editors and admins create releases; rule names it")
    @APIResponse(responseCode = "422", description = "No title, a title that is too long, or a publishAt not in the future; errors name each")
    public Response createRelease(CreateRequest request) {
        CreateRequest body = request == null ? new CreateRequest(null, null) : request;
        ReleaseView created = releases.create(body.title(), body.publishAt(), currentActor.get());
        return Response.created(URI.create("/api/v1/editorial/releases/" + created.id())).entity(created).build();
    }

    @GET
    @Operation(summary = "List releases, newest first")
    @APIResponse(responseCode = "200", description = "A page of releases and the cursor of the next page (null on the last)")
    @APIResponse(responseCode = "400", description = "A limit outside 1–100 or a malformed cursor")
    public Page<ReleaseView.Summary> listReleases(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return releases.list(limit, cursor);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A release with each item's approval state")
    @APIResponse(responseCode = "200", description = "The release",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReleaseView.class)))
    @APIResponse(responseCode = "404", description = "No such release")
    public ReleaseView getRelease(@PathParam("id") UUID id) {
        return releases.get(id);
    }

    @PUT
    @Path("/{id}/items/{articleId}")
    @Operation(summary = "Put a version of an article into an open release, or change the version its item names")
    @APIResponse(responseCode = "200", description = "The release with the item",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReleaseView.class)))
    @APIResponse(responseCode = "403", description = "Only editors and admins fill releases; rule names it")
    @APIResponse(responseCode = "404", description = "No such release or article")
    @APIResponse(responseCode = "409", description = "The release is not open, the hash is not the version's, or the "
            + "article is approved for this release; rule names it")
    @APIResponse(responseCode = "422", description = "No version or hash, or a version the article does not have; errors name each")
    public ReleaseView putReleaseItem(@PathParam("id") UUID id, @PathParam("articleId") UUID articleId, ItemRequest request) {
        ItemRequest body = request == null ? new ItemRequest(null, null) : request;
        return releases.putItem(id, articleId, body.version(), body.contentHash(), currentActor.get());
    }

    @DELETE
    @Path("/{id}/items/{articleId}")
    @Operation(summary = "Take an article out of an open release")
    @APIResponse(responseCode = "200", description = "The release without the item",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReleaseView.class)))
    @APIResponse(responseCode = "403", description = "Only editors and admins fill releases; rule names it")
    @APIResponse(responseCode = "404", description = "No such release or article, or the article is not an item")
    @APIResponse(responseCode = "409", description = "The release is not open, or the article is approved for it; rule names it")
    public ReleaseView removeReleaseItem(@PathParam("id") UUID id, @PathParam("articleId") UUID articleId) {
        return releases.removeItem(id, articleId, currentActor.get());
    }

    @POST
    @Path("/{id}/publish")
    @Operation(summary = "Make every item live in one transaction, or nothing",
            description = "Every item must be approved for the release with its exact version and hash, and still be "
                    + "the article's newest version. Otherwise nothing is published and the 409 lists every blocking item.")
    @APIResponse(responseCode = "200", description = "The published release",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReleaseView.class)))
    @APIResponse(responseCode = "403", description = "Only medical reviewers and admins publish releases; rule names it")
    @APIResponse(responseCode = "404", description = "No such release")
    @APIResponse(responseCode = "409", description = "The release is not open, has no items, or an item is not ready; "
            + "errors list every blocking item")
    public ReleaseView publishRelease(@PathParam("id") UUID id) {
        return publishing.publish(id, currentActor.get());
    }

    @POST
    @Path("/{id}/revert")
    @Operation(summary = "Make the version live before the release live again for every item, in one transaction",
            description = "An article that was new in the release is taken off (410 for readers, with the reason).")
    @APIResponse(responseCode = "200", description = "The reverted release",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReleaseView.class)))
    @APIResponse(responseCode = "403", description = "Only medical reviewers and admins revert releases; rule names it")
    @APIResponse(responseCode = "404", description = "No such release")
    @APIResponse(responseCode = "409", description = "The release is not published, or an item's live version changed "
            + "since; errors list each")
    public ReleaseView revertRelease(@PathParam("id") UUID id) {
        return reverting.revert(id, currentActor.get());
    }
}
