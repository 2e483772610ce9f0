package org.imprimatur.review;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.imprimatur.infrastructure.QueryParameters;
import org.imprimatur.security.CurrentActor;
import org.imprimatur.security.Role;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import java.util.List;

@Path("/api/v1/editorial")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Editorial: review")
@SecurityRequirement(name = "bearer")
@RolesAllowed({Role.EDITOR_NAME, Role.MEDICAL_REVIEWER_NAME, Role.ADMIN_NAME})
public class ReviewQueueResource {

    private final ReviewQueries queries;
    private final CurrentActor currentActor;

    public ReviewQueueResource(ReviewQueries queries, CurrentActor currentActor) {
        this.queries = queries;
        this.currentActor = currentActor;
    }

    @GET
    @Path("/review-queue")
    @Operation(summary = "Articles in review, oldest submission first, each with a link to its diff against the live version;"
            + " a reviewer sees those their specialties and languages let them approve, an admin every one with scope=all")
    @APIResponse(responseCode = "200", description = "The queue")
    @APIResponse(responseCode = "400", description = "scope is neither mine nor all")
    @APIResponse(responseCode = "403", description = "scope=all asked for by someone who is not an admin")
    public List<ReviewQueries.QueueEntry> reviewQueue(
            @QueryParam("scope") @Parameter(description = "mine (the default): what the caller may approve, if a reviewer;"
                    + " all: every article in review (admins)", schema = @Schema(enumeration = {"mine", "all"})) String scope) {
        return queries.queue(currentActor.get(), ReviewQueries.QueueScope.of(scope));
    }

    @GET
    @Path("/overdue")
    @Operation(summary = "Published articles whose next review is due within the given number of days (default 0)")
    @APIResponse(responseCode = "200", description = "The articles, soonest due first")
    @APIResponse(responseCode = "400", description = "withinDays is not a whole number from 0 to 3650")
    public List<ReviewQueries.DueEntry> overdue(@QueryParam("withinDays") String withinDays) {
        return queries.due(QueryParameters.integer("withinDays", withinDays));
    }
}
