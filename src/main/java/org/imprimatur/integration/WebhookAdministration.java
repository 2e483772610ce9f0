package org.imprimatur.integration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.query.NativeQuery;
import org.imprimatur.infrastructure.ControlCharacters;
import org.imprimatur.infrastructure.Cursor;
import org.imprimatur.infrastructure.FieldError;
import org.imprimatur.infrastructure.Page;
import org.imprimatur.infrastructure.ProblemException;
import org.imprimatur.infrastructure.Timestamps;
import org.imprimatur.security.Actor;
import org.imprimatur.security.Role;
import org.imprimatur.workflow.ArticleEventType;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Webhook subscriptions and their delivery logs, for admins (docs/integration.md, "Webhooks"). */
@ApplicationScoped
public class WebhookAdministration {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final EntityManager entityManager;
    private final WebhookSettings settings;
    private final Clock clock;
    private final WebhookRelay relay;

    public WebhookAdministration(EntityManager entityManager, WebhookSettings settings, Clock clock, WebhookRelay relay) {
        this.entityManager = entityManager;
        this.settings = settings;
        this.clock = clock;
        this.relay = relay;
    }

    public record NewWebhook(String url,
                             @Schema(type = SchemaType.ARRAY, implementation = ArticleEventType.class) List<String> events,
                             String description) {
    }

    /** A partial change: absent fields stay as they are; {@code rotateSecret} issues a new secret. */
    public record WebhookChange(String url,
                                @Schema(type = SchemaType.ARRAY, implementation = ArticleEventType.class) List<String> events, String description, Boolean enabled,
                                Boolean rotateSecret) {
    }

    @Transactional
    public WebhookView create(NewWebhook request, Actor actor) {
        requireAdmin(actor);
        if (request == null) {
            throw ProblemException.badRequest("The request needs a JSON body with url and events.");
        }
        List<FieldError> errors = new ArrayList<>();
        checkUrl(errors, request.url());
        List<String> events = checkEvents(errors, request.events());
        checkDescription(errors, request.description());
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        Instant now = Timestamps.now(clock);
        Webhook webhook = new Webhook();
        webhook.id = UUID.randomUUID();
        webhook.url = request.url().strip();
        webhook.events = events.toArray(String[]::new);
        webhook.description = request.description() == null ? "" : request.description().strip();
        webhook.secret = newSecret();
        webhook.enabled = true;
        webhook.createdBy = actor.id();
        webhook.createdAt = now;
        webhook.updatedAt = now;
        webhook.persist();
        return WebhookView.of(webhook, true);
    }

    @Transactional
    public List<WebhookView> list(Actor actor) {
        requireAdmin(actor);
        return Webhook.<Webhook>list("deletedAt is null order by createdAt").stream()
                .map(webhook -> WebhookView.of(webhook, false)).toList();
    }

    @Transactional
    public WebhookView get(UUID id, Actor actor) {
        requireAdmin(actor);
        return WebhookView.of(find(id), false);
    }

    @Transactional
    public WebhookView change(UUID id, WebhookChange change, Actor actor) {
        requireAdmin(actor);
        Webhook webhook = find(id);
        if (change == null) {
            throw ProblemException.badRequest("The request needs a JSON body.");
        }
        List<FieldError> errors = new ArrayList<>();
        if (change.url() != null) {
            checkUrl(errors, change.url());
        }
        List<String> events = change.events() == null ? null : checkEvents(errors, change.events());
        checkDescription(errors, change.description());
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        if (change.url() != null) {
            webhook.url = change.url().strip();
        }
        if (events != null) {
            webhook.events = events.toArray(String[]::new);
        }
        if (change.description() != null) {
            webhook.description = change.description().strip();
        }
        if (change.enabled() != null) {
            webhook.enabled = change.enabled();
        }
        boolean rotated = Boolean.TRUE.equals(change.rotateSecret());
        if (rotated) {
            webhook.secret = newSecret();
        }
        webhook.updatedAt = Timestamps.now(clock);
        return WebhookView.of(webhook, rotated);
    }

    /** Deletes the subscription; its log stays in the database, and what was still pending is given up. */
    @Transactional
    public void delete(UUID id, Actor actor) {
        requireAdmin(actor);
        Webhook webhook = find(id);
        Instant now = Timestamps.now(clock);
        webhook.deletedAt = now;
        webhook.enabled = false;
        webhook.updatedAt = now;
        entityManager.createNativeQuery("""
                        UPDATE webhook_deliveries SET status = 'failed', last_error = 'the webhook was deleted'
                        WHERE webhook_id = ?1 AND status = 'pending'""")
                .setParameter(1, id)
                .executeUpdate();
    }

    /** The delivery log, newest event first. */
    @Transactional
    public Page<DeliveryView> deliveries(UUID id, String status, String limit, String cursor, Actor actor) {
        requireAdmin(actor);
        find(id);
        if (status != null && DeliveryStatus.fromLabel(status).isEmpty()) {
            throw ProblemException.badRequest("status must be " + DeliveryStatus.listed() + ".");
        }
        int pageSize = Cursor.limit(limit);
        Cursor after = cursor == null ? null : Cursor.decode(cursor);
        String rest = "WHERE d.webhook_id = :webhook"
                + (status == null ? "" : " AND d.status = :status")
                + (after == null ? "" : " AND (e.occurred_at, d.id) < (:afterInstant, :afterId)")
                + " ORDER BY e.occurred_at DESC, d.id DESC LIMIT :limit";
        NativeQuery<DeliveryLog.Line> query = DeliveryLog.select(entityManager, rest)
                .setParameter("webhook", id)
                .setParameter("limit", pageSize + 1);
        if (status != null) {
            query.setParameter("status", status);
        }
        if (after != null) {
            query.setParameter("afterInstant", after.instant().atOffset(ZoneOffset.UTC)).setParameter("afterId", after.id());
        }
        List<DeliveryLog.Line> rows = query.getResultList();
        List<DeliveryView> items = rows.stream().limit(pageSize).map(DeliveryLog.Line::view).toList();
        String next = rows.size() > pageSize
                ? new Cursor(items.get(items.size() - 1).occurredAt(), items.get(items.size() - 1).id()).encode() : null;
        return new Page<>(items, next);
    }

    /**
     * Sends the delivery again, with the same {@code webhook-id}, whatever became of it; a new
     * retry window starts.
     */
    @Transactional
    public DeliveryView redeliver(UUID id, UUID deliveryId, Actor actor) {
        requireAdmin(actor);
        Webhook webhook = find(id);
        if (!webhook.enabled) {
            throw ProblemException.conflict("The webhook is disabled; enable it before redelivering.");
        }
        int updated = entityManager.createNativeQuery("""
                        UPDATE webhook_deliveries SET status = 'pending', delivered_at = NULL,
                               next_attempt_at = now(), retrying_since = now()
                        WHERE id = ?1 AND webhook_id = ?2""")
                .setParameter(1, deliveryId)
                .setParameter(2, id)
                .executeUpdate();
        if (updated == 0) {
            throw ProblemException.notFound("This webhook has no delivery " + deliveryId + ".");
        }
        relay.wake();
        return DeliveryLog.find(entityManager, deliveryId).orElseThrow();
    }

    private Webhook find(UUID id) {
        return Webhook.findLive(id).orElseThrow(() -> ProblemException.notFound("There is no webhook " + id + "."));
    }

    private void checkUrl(List<FieldError> errors, String url) {
        if (url == null || url.isBlank()) {
            errors.add(new FieldError("url", "is required"));
            return;
        }
        if (url.strip().length() > 2000) {
            errors.add(new FieldError("url", "is longer than 2000 characters"));
            return;
        }
        if (ControlCharacters.lineProblem(url.strip()).isPresent()) {
            ControlCharacters.checkLine(errors, "url", url.strip());
            return;
        }
        TargetAddresses.unusableUrl(url.strip()).ifPresentOrElse(
                problem -> errors.add(new FieldError("url", problem)),
                () -> {
                    if (!settings.allowPrivateTargets()) {
                        TargetAddresses.refusedLiteral(URI.create(url.strip())).ifPresent(refused -> errors.add(
                                new FieldError("url", "is " + refused + "; webhooks go to public addresses only")));
                    }
                });
    }

    private static List<String> checkEvents(List<FieldError> errors, List<String> events) {
        if (events == null || events.isEmpty()) {
            errors.add(new FieldError("events", "must name at least one event type"));
            return List.of();
        }
        Set<String> distinct = new LinkedHashSet<>();
        for (int i = 0; i < events.size(); i++) {
            String type = events.get(i);
            if (ArticleEventType.fromCloudEventType(type).isEmpty()) {
                errors.add(new FieldError("events[" + i + "]", "must be one of " + String.join(", ",
                        ArticleEventType.cloudEventTypes())));
            } else {
                distinct.add(type);
            }
        }
        return List.copyOf(distinct);
    }

    private static void checkDescription(List<FieldError> errors, String description) {
        if (description != null && description.strip().length() > 500) {
            errors.add(new FieldError("description", "is longer than 500 characters"));
        } else {
            // Shown in lists and logs of the studio: docs/security.md, "Control characters".
            ControlCharacters.checkLine(errors, "description", description);
        }
    }

    private static String newSecret() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return "whsec_" + Base64.getEncoder().encodeToString(key);
    }

    private static void requireAdmin(Actor actor) {
        if (!actor.roles().contains(Role.ADMIN)) {
            throw ProblemException.forbidden("Only an admin may manage webhooks.");
        }
    }
}
