package org.imprimatur.studio;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.imprimatur.infrastructure.Page;
import org.imprimatur.infrastructure.ProblemException;
import org.imprimatur.integration.DeliveryView;
import org.imprimatur.integration.WebhookAdministration;
import org.imprimatur.integration.WebhookView;
import org.imprimatur.workflow.ArticleEventType;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Webhooks and their delivery logs, for admins (docs/integration.md, "Webhooks"; docs/studio.md). */
@Path("/studio")
@StudioPage
@Produces(MediaType.TEXT_HTML)
public class WebhookPages {

    private final WebhookAdministration administration;
    private final StudioUser user;

    public WebhookPages(WebhookAdministration administration, StudioUser user) {
        this.administration = administration;
        this.user = user;
    }

    @CheckedTemplate(basePath = "studio")
    static class Templates {
        static native TemplateInstance webhooks(List<WebhookView> webhooks, List<String> eventTypes, String message,
                                                String refusal, Map<String, String> errors, NewWebhookTyped typed);

        static native TemplateInstance webhook(WebhookView webhook, Page<DeliveryView> log, String status, String secret,
                                               String message);
    }

    /** What an admin typed into the new-webhook form, shown again when it is refused. */
    public record NewWebhookTyped(String url, List<String> events, String description) {
    }

    @GET
    @Path("/webhooks")
    public TemplateInstance list(@RestQuery String deleted) {
        return listPage(deleted == null ? null : "Webhook deleted. Its delivery log is kept in the database.", null, Map.of(), "", List.of(ArticleEventType.PUBLISHED.cloudEventType(),
                ArticleEventType.RETRACTED.cloudEventType()), "");
    }

    @POST
    @Path("/webhooks")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@RestForm String url, @RestForm List<String> events, @RestForm String description) {
        try {
            WebhookView created = administration.create(new WebhookAdministration.NewWebhook(url, events, description),
                    user.actor());
            return Response.ok(webhookPage(created.id(), null, null, created.secret(), "Webhook created.")).build();
        } catch (ProblemException refusal) {
            return Response.status(refusal.problem().status()).entity(listPage(null, StudioText.sentence(refusal.problem().detail()),
                    StudioErrors.byField(refusal), url, events == null ? List.of() : events, description)).build();
        }
    }

    @GET
    @Path("/webhooks/{id}")
    public TemplateInstance show(@PathParam("id") UUID id, @RestQuery String status, @RestQuery String cursor) {
        return webhookPage(id, status, cursor, null, null);
    }

    @POST
    @Path("/webhooks/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response change(@PathParam("id") UUID id, @RestForm String op, @RestForm String confirm) {
        String message;
        WebhookView changed;
        switch (op == null ? "" : op) {
            case "enable" -> {
                changed = administration.change(id, new WebhookAdministration.WebhookChange(null, null, null, true, null), user.actor());
                message = "Enabled: new events are delivered again, and waiting ones are sent.";
            }
            case "disable" -> {
                changed = administration.change(id, new WebhookAdministration.WebhookChange(null, null, null, false, null), user.actor());
                message = "Disabled: nothing is sent until it is enabled again.";
            }
            case "rotate" -> {
                changed = administration.change(id, new WebhookAdministration.WebhookChange(null, null, null, null, true), user.actor());
                message = "A new secret signs every delivery from now on.";
            }
            case "delete" -> {
                if (!"yes".equals(confirm)) {
                    throw ProblemException.badRequest("Tick the box to confirm the deletion.");
                }
                administration.delete(id, user.actor());
                return Response.seeOther(URI.create("/studio/webhooks?deleted=1")).build();
            }
            default -> throw ProblemException.badRequest("Unknown action.");
        }
        return Response.ok(webhookPage(id, null, null, changed.secret(), message)).build();
    }

    @POST
    @Path("/webhooks/{id}/deliveries/{deliveryId}/redeliver")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response redeliver(@PathParam("id") UUID id, @PathParam("deliveryId") UUID deliveryId, @RestForm String confirm) {
        administration.redeliver(id, deliveryId, user.actor());
        return Response.ok(webhookPage(id, null, null, null, "Queued for delivery again, with the same webhook-id.")).build();
    }

    private TemplateInstance listPage(String message, String refusal, Map<String, String> fieldErrors, String url, List<String> events,
                                      String description) {
        NewWebhookTyped typed = new NewWebhookTyped(url == null ? "" : url, events, description == null ? "" : description);
        return Templates.webhooks(administration.list(user.actor()), ArticleEventType.cloudEventTypes(), message, refusal,
                fieldErrors, typed);
    }

    private TemplateInstance webhookPage(UUID id, String status, String cursor, String secret, String message) {
        return Templates.webhook(administration.get(id, user.actor()),
                administration.deliveries(id, status == null || status.isBlank() ? null : status, "50", cursor, user.actor()),
                status == null ? "" : status, secret, message);
    }
}
