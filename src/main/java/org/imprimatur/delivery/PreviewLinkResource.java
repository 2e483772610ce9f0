package org.imprimatur.delivery;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.imprimatur.security.CurrentActor;
import org.imprimatur.security.Role;

import java.util.List;
import java.util.UUID;

/** Staff create, list and revoke preview links of a version; the rules are in {@link PreviewLinks}. */
@Path("/api/v1/editorial/articles/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Previews")
@SecurityRequirement(name = "bearer")
@RolesAllowed({Role.EDITOR_NAME, Role.MEDICAL_REVIEWER_NAME, Role.ADMIN_NAME})
@APIResponse(responseCode = "404", description = "No such article, version or link")
public class PreviewLinkResource {

    private final PreviewLinks links;
    private final CurrentActor currentActor;

    public PreviewLinkResource(PreviewLinks links, CurrentActor currentActor) {
        this.links = links;
        this.currentActor = currentActor;
    }

    @POST
    @Path("/versions/{version}/preview-links")
    @Operation(summary = "Create a signed, expiring link to read this version without an account (default 7 days, at most 30)")
    @APIResponse(responseCode = "201", description = "The link; its URL is shown only now",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PreviewLinks.IssuedLink.class)))
    @APIResponse(responseCode = "422", description = "expiresInHours outside 1–720")
    public Response createPreviewLink(@PathParam("id") UUID id, @PathParam("version") int version,
                                      PreviewLinks.LinkRequest request) {
        return Response.status(Response.Status.CREATED).entity(links.create(id, version, request, currentActor.get())).build();
    }

    @GET
    @Path("/preview-links")
    @Operation(summary = "The article's preview links, newest first, without their tokens")
    @APIResponse(responseCode = "200", description = "The links")
    public List<PreviewLinks.LinkView> listPreviewLinks(@PathParam("id") UUID id) {
        return links.list(id);
    }

    @DELETE
    @Path("/preview-links/{linkId}")
    @Operation(summary = "Revoke a preview link at once")
    @APIResponse(responseCode = "204", description = "Revoked")
    public void revokePreviewLink(@PathParam("id") UUID id, @PathParam("linkId") UUID linkId) {
        links.revoke(id, linkId, currentActor.get());
    }
}
