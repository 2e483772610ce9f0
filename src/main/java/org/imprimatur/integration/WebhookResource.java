package org.imprimatur.integration;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.imprimatur.infrastructure.Page;
import java.util.UUID;
import org.imprimatur.security.CurrentActor;
import org.imprimatur.security.Role;

import java.util.List;

/** Webhook subscriptions over HTTP; the rules are in {@link WebhookAdministration}. */
@Path("/api/v1/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Webhooks")
@SecurityRequirement(name = "bearer")
@RolesAllowed({Role.EDITOR_NAME, Role.MEDICAL_REVIEWER_NAME, Role.ADMIN_NAME})
public class WebhookResource {

    private final WebhookAdministration webhooks;
    private final CurrentActor currentActor;

    public WebhookResource(WebhookAdministration webhooks, CurrentActor currentActor) {
        this.webhooks = webhooks;
        this.currentActor = currentActor;
    }

    @POST
    @Operation(summary = "Subscribe a URL to article events; the answer carries the signing secret, shown this once")
    @APIResponse(responseCode = "201", description = "The webhook, with its secret",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WebhookView.class)))
    @APIResponse(responseCode = "422", description = "A field is invalid, e.g. an unknown event type or a private address")
    public Response createWebhook(WebhookAdministration.NewWebhook request) {
        WebhookView created = webhooks.create(request, currentActor.get());
        return Response.created(UriBuilder.fromPath("/api/v1/webhooks/{id}").build(created.id())).entity(created).build();
    }

    @GET
    @Operation(summary = "List the webhooks (without their secrets)")
    public List<WebhookView> listWebhooks() {
        return webhooks.list(currentActor.get());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One webhook")
    @APIResponse(responseCode = "200", description = "The webhook, without its secret")
    @APIResponse(responseCode = "404", description = "No such webhook")
    public WebhookView getWebhook(@PathParam("id") UUID id) {
        return webhooks.get(id, currentActor.get());
    }

    @PATCH
    @Path("/{id}")
    @Operation(summary = "Change the URL, events or description, enable or disable, or rotate the secret")
    @APIResponse(responseCode = "200", description = "The webhook as changed; with its new secret after a rotation")
    @APIResponse(responseCode = "404", description = "No such webhook")
    @APIResponse(responseCode = "422", description = "A field is invalid")
    public WebhookView changeWebhook(@PathParam("id") UUID id, WebhookAdministration.WebhookChange change) {
        return webhooks.change(id, change, currentActor.get());
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete the webhook; what was still pending is not sent")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such webhook")
    public void deleteWebhook(@PathParam("id") UUID id) {
        webhooks.delete(id, currentActor.get());
    }

    @GET
    @Path("/{id}/deliveries")
    @Operation(summary = "The delivery log, newest event first: state, attempts, the last answer and when")
    @APIResponse(responseCode = "200", description = "A page of deliveries and the cursor of the next (null on the last)")
    @APIResponse(responseCode = "400", description = "A malformed status, limit or cursor")
    @APIResponse(responseCode = "404", description = "No such webhook")
    public Page<DeliveryView> listDeliveries(@PathParam("id") UUID id,
                                             @QueryParam("status")
                                             @Parameter(schema = @Schema(implementation = DeliveryStatus.class)) String status,
                                             @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return webhooks.deliveries(id, status, limit, cursor, currentActor.get());
    }

    @POST
    @Path("/{id}/deliveries/{deliveryId}/redeliver")
    @Operation(summary = "Send a delivery again, with the same webhook-id, whether it succeeded or failed")
    @APIResponse(responseCode = "202", description = "Queued; the log shows the outcome",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DeliveryView.class)))
    @APIResponse(responseCode = "404", description = "No such webhook or delivery")
    @APIResponse(responseCode = "409", description = "The webhook is disabled")
    public Response redeliver(@PathParam("id") UUID id, @PathParam("deliveryId") UUID deliveryId) {
        return Response.accepted(webhooks.redeliver(id,
                deliveryId, currentActor.get())).build();
    }
}
