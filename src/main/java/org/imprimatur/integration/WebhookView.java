package org.imprimatur.integration;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.qute.TemplateData;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A webhook as the API shows it; {@code secret} only in the answer that created or rotated it. */
@TemplateData
public record WebhookView(UUID id, String url, List<String> events, String description, boolean enabled,
                          Instant createdAt, Instant updatedAt,
                          @JsonInclude(JsonInclude.Include.NON_NULL) String secret) {

    static WebhookView of(Webhook webhook, boolean withSecret) {
        return new WebhookView(webhook.id, webhook.url, List.of(webhook.events), webhook.description, webhook.enabled,
                webhook.createdAt, webhook.updatedAt, withSecret ? webhook.secret : null);
    }
}
