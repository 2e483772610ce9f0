package org.imprimatur.workflow;

import org.imprimatur.article.ArticleView;
import org.imprimatur.rules.AcceptedFinding;
import org.imprimatur.rules.Attempt;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
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
import org.imprimatur.article.EditorialResponses;
import org.imprimatur.security.CurrentActor;
import org.imprimatur.security.Role;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The workflow actions. Every staff role reaches them; {@link WorkflowRules} decides who may take
 * which action, so that refusals name the rule (403 role or four-eyes, 409 state, 422 content).
 */
@Path("/api/v1/editorial/articles/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Editorial: workflow")
@SecurityRequirement(name = "bearer")
@RolesAllowed({Role.EDITOR_NAME, Role.MEDICAL_REVIEWER_NAME, Role.ADMIN_NAME})
@APIResponse(responseCode = "200", description = "The article after the action, with its ETag",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ArticleView.class)))
@APIResponse(responseCode = "403", description = "A rule about who may act refused (role or four-eyes); rule names it")
@APIResponse(responseCode = "404", description = "No such article")
@APIResponse(responseCode = "409", description = "The article's state or the named version does not allow the action; rule names it")
// Each action is one transaction with the actor's account read in it: one connection, one commit.
@Transactional
public class WorkflowResource {

    private final Submitting submitting;
    private final Withdrawing withdrawing;
    private final RequestingChanges requestingChanges;
    private final Approving approving;
    private final Reconfirming reconfirming;
    private final Retracting retracting;
    private final CurrentActor currentActor;

    public WorkflowResource(Submitting submitting, Withdrawing withdrawing, RequestingChanges requestingChanges,
                            Approving approving, Reconfirming reconfirming, Retracting retracting, CurrentActor currentActor) {
        this.submitting = submitting;
        this.withdrawing = withdrawing;
        this.requestingChanges = requestingChanges;
        this.approving = approving;
        this.reconfirming = reconfirming;
        this.retracting = retracting;
        this.currentActor = currentActor;
    }

    /**
     * An approval: the version and hash under review, when it goes live, the review's scope (docs/workflow.md,
     * "Review scope"), the sources it confirms and the clinical-check findings it accepts with a reason.
     */
    public record ApproveRequest(Integer version, String contentHash, @Schema(nullable = true) Instant publishAt,
                                 @Schema(nullable = true, enumeration = {"change", "full"},
                                         description = "full when nothing is live; otherwise change when omitted") String scope,
                                 @Schema(nullable = true, description = "citation key → current or replace; every key of the version, for a full review")
                                 Map<String, String> evidence,
                                 @Schema(nullable = true) List<AcceptedFinding> acceptedFindings,
                                 @Schema(nullable = true, description = "the open release to approve for: the version then "
                                         + "waits for the release instead of going live (docs/releases.md)") UUID release) {
    }

    /** A reconfirmation: the live version and hash, and every source of it confirmed as current. */
    public record ReconfirmRequest(Integer version, String contentHash,
                                   @Schema(nullable = true, description = "citation key → current or replace; every key of the version")
                                   Map<String, String> evidence) {
    }

    public record RequestChangesRequest(Integer version, List<Attempt.ReviewComment> comments) {
    }

    public record RetractRequest(String reason) {
    }

    @POST
    @Path("/submit")
    @Operation(summary = "Submit the newest version for medical review (DRAFT → IN_REVIEW)")
    @APIResponse(responseCode = "422", description = "The content cannot be reviewed yet, e.g. a citation marker is dangling")
    public Response submit(@PathParam("id") UUID id) {
        return EditorialResponses.withETag(submitting.submit(id, currentActor.get()));
    }

    @POST
    @Path("/withdraw")
    @Operation(summary = "Withdraw from review or cancel a scheduled publication (→ DRAFT)")
    public Response withdraw(@PathParam("id") UUID id) {
        return EditorialResponses.withETag(withdrawing.withdraw(id, currentActor.get()));
    }

    @POST
    @Path("/request-changes")
    @Operation(summary = "Send the version under review back with comments (IN_REVIEW → CHANGES_REQUESTED)")
    @APIResponse(responseCode = "422", description = "No comment, or a comment on a section the version lacks")
    public Response requestChanges(@PathParam("id") UUID id, RequestChangesRequest request) {
        RequestChangesRequest body = request == null ? new RequestChangesRequest(null, List.of()) : request;
        return EditorialResponses.withETag(requestingChanges.requestChanges(id, body.version(), body.comments(), currentActor.get()));
    }

    @POST
    @Path("/approve")
    @Operation(summary = "Approve the exact version and hash under review: publish now, at publishAt, or with a release",
            description = "A full review confirms every source and sets new review dates; a change approval keeps the "
                    + "dates of the last full review. With nothing live, the approval is a full review. With release, "
                    + "the version is approved for that release and goes live with it (docs/releases.md).")
    @APIResponse(responseCode = "422", description = "A change approval of a first publication, a source left unconfirmed "
            + "or marked replace, an accepted finding that is not current or has no reason, an unknown release, or a "
            + "release with a publishAt; errors name each")
    public Response approve(@PathParam("id") UUID id, ApproveRequest request) {
        ApproveRequest body = request == null ? new ApproveRequest(null, null, null, null, null, null, null) : request;
        return EditorialResponses.withETag(approving.approve(id, body.version(), body.contentHash(), body.publishAt(),
                new ReviewConfirmation(body.scope(), body.evidence(), body.acceptedFindings()), body.release(),
                currentActor.get()));
    }

    @POST
    @Path("/reconfirm")
    @Operation(summary = "Re-review unchanged published content, confirming every source: new review dates, no new version")
    @APIResponse(responseCode = "422", description = "A source left unconfirmed or marked replace; errors name each")
    public Response reconfirm(@PathParam("id") UUID id, ReconfirmRequest request) {
        ReconfirmRequest body = request == null ? new ReconfirmRequest(null, null, null) : request;
        return EditorialResponses.withETag(reconfirming.reconfirm(id, body.version(), body.contentHash(), body.evidence(),
                currentActor.get()));
    }

    @POST
    @Path("/retract")
    @Operation(summary = "Take the live version off the delivery API, with a reason")
    @APIResponse(responseCode = "422", description = "No reason, or one that is too long")
    public Response retract(@PathParam("id") UUID id, RetractRequest request) {
        return EditorialResponses.withETag(retracting.retract(id, request == null ? null : request.reason(), currentActor.get()));
    }
}
