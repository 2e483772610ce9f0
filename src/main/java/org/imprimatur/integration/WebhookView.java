package org.imprimatur.integration;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.qute.TemplateData;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.imprimatur.infrastructure.ApiDescriptionFilter;
import org.imprimatur.workflow.ArticleEventType;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A webhook as the API shows it; {@code secret} only in the answer that created or rotated it. */
@TemplateData
public record WebhookView(UUID id, String url,
                          @Schema(type = SchemaType.ARRAY, implementation = ArticleEventType.class) List<String> events,
                          String description, boolean enabled,
                          Instant createdAt, Instant updatedAt,
                          @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(extensions = @Extension(name = ApiDescriptionFilter.OMITTED_WHEN_EMPTY, value = "true")) String secret) {

    static WebhookView of(Webhook webhook, boolean withSecret) {
        return new WebhookView(webhook.id, webhook.url, List.of(webhook.events), webhook.description, webhook.enabled,
                webhook.createdAt, webhook.updatedAt, withSecret ? webhook.secret : null);
    }
}
