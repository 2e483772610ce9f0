package org.imprimatur.audit;

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

    public record Event(int seq, Instant at, Actor actor, String action, String fromState, String toState,
                        Integer version, String comment, String previousHash, String hash) {
    }

    public record Actor(UUID id, String name) {
    }

    /** The trail, oldest first, and whether its hash chain is unbroken, verified as it is read. */
    public record Trail(UUID articleId, boolean chainValid, List<Event> events) {
    }

    @GET
    @Transactional
    @Operation(summary = "The audit trail, oldest first, with the verdict of its hash chain")
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
