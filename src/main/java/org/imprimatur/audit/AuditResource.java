package org.imprimatur.audit;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.imprimatur.article.ArticleLookup;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.imprimatur.rules.WorkflowAction;
import org.imprimatur.rules.WorkflowState;
import org.imprimatur.security.Role;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Path("/api/v1/editorial/articles/{id}/audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Editorial: audit")
@SecurityRequirement(name = "bearer")
@RolesAllowed({Role.EDITOR_NAME, Role.MEDICAL_REVIEWER_NAME, Role.ADMIN_NAME})
public class AuditResource {

    private final AuditTrail auditTrail;

    public AuditResource(AuditTrail auditTrail) {
        this.auditTrail = auditTrail;
    }

    public record Event(int seq, Instant at, Actor actor, @Schema(implementation = WorkflowAction.class) String action,
                        @Schema(implementation = WorkflowState.class, nullable = true) String fromState,
                        @Schema(implementation = WorkflowState.class) String toState,
                        @Schema(nullable = true) Integer version, @Schema(nullable = true) String comment, String previousHash, String hash) {
    }

    /** Who acted; no id for the service itself (a scheduled publication). */
    public record Actor(@Schema(nullable = true) UUID id, String name) {
    }

    /** The trail, oldest first, and whether its hash chain is unbroken, verified as it is read. */
    public record Trail(UUID articleId, boolean chainValid, List<Event> events) {
    }

    @GET
    @Transactional
    @Operation(summary = "The audit trail, oldest first, with the verdict of its hash chain")
    @APIResponse(responseCode = "200", description = "The trail")
    @APIResponse(responseCode = "404", description = "No such article")
    public Trail trail(@PathParam("id") UUID id) {
        ArticleLookup.article(id);
        List<AuditEvent> events = auditTrail.eventsOf(id);
        return new Trail(id, AuditChain.isValid(events), events.stream()
                .map(event -> new Event(event.seq, event.occurredAt, new Actor(event.actorId, event.actorName),
                        event.action, event.fromState, event.toState, event.versionNo, event.comment,
                        event.previousHash, event.hash))
                .toList());
    }
}
