package org.imprimatur.audit;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.imprimatur.infrastructure.ProblemException;

/** The newest signed audit checkpoint, public so that outsiders can keep copies (docs/security.md). */
@Path("/api/v1/audit/checkpoints")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit checkpoints")
public class PublishedCheckpointResource {

    private final AuditCheckpoints checkpoints;

    public PublishedCheckpointResource(AuditCheckpoints checkpoints) {
        this.checkpoints = checkpoints;
    }

    @GET
    @Path("/latest")
    @Operation(operationId = "latestAuditCheckpoint", summary = "The newest signed audit checkpoint: a root hash over every article's audit chain, for outsiders to keep")
    @APIResponse(responseCode = "200", description = "The checkpoint and its signature (verify with /api/v1/auth/jwks)")
    @APIResponse(responseCode = "404", description = "No checkpoint has been taken yet")
    public AuditCheckpoints.Checkpoint latest() {
        return checkpoints.latest().orElseThrow(() -> ProblemException.notFound("No audit checkpoint has been taken yet."));
    }
}
