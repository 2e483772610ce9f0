package org.imprimatur.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.imprimatur.infrastructure.ProblemException;
import org.imprimatur.security.Role;

/** Signed audit checkpoints for staff: take one now, verify a kept one. */
@Path("/api/v1/editorial/audit/checkpoints")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit checkpoints")
public class AuditCheckpointResource {

    private final AuditCheckpoints checkpoints;

    public AuditCheckpointResource(AuditCheckpoints checkpoints) {
        this.checkpoints = checkpoints;
    }

    /** The checkpoint a keeper holds: its id and the root they were given. */
    public record Kept(Long id, String root) {
    }

    @POST
    @RolesAllowed(Role.ADMIN_NAME)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Take a signed audit checkpoint now")
    @APIResponse(responseCode = "201", description = "The new checkpoint",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AuditCheckpoints.Checkpoint.class)))
    public Response take() {
        return Response.status(201).entity(checkpoints.take()).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Role.EDITOR_NAME, Role.MEDICAL_REVIEWER_NAME, Role.ADMIN_NAME})
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "A checkpoint with the head of every article's chain it recorded, to recompute its root independently")
    @APIResponse(responseCode = "200", description = "The checkpoint and its heads")
    @APIResponse(responseCode = "404", description = "No checkpoint has this id")
    public AuditCheckpoints.WithHeads checkpoint(@jakarta.ws.rs.PathParam("id") long id) {
        return checkpoints.withHeads(id);
    }

    @POST
    @Path("/verify")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.EDITOR_NAME, Role.MEDICAL_REVIEWER_NAME, Role.ADMIN_NAME})
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Check a kept checkpoint against the audit chains as they are now")
    @APIResponse(responseCode = "200", description = "matches is false when any chain was rewritten since, or the root differs")
    @APIResponse(responseCode = "404", description = "No checkpoint has this id")
    @APIResponse(responseCode = "422", description = "The id or the 64-hex root is missing")
    public AuditCheckpoints.Verification verify(Kept kept) {
        if (kept == null || kept.id() == null || kept.root() == null || !kept.root().matches("[0-9a-f]{64}")) {
            throw ProblemException.invalid("root", "the kept checkpoint's id and its 64-hex root are required");
        }
        return checkpoints.verify(kept.id(), kept.root());
    }
}
