package org.imprimatur.integration;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.format.EventFormat;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.jackson.JsonFormat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Outbox events as CloudEvents 1.0 JSON documents (structured mode): the event's id, the service
 * as source, the type, the slug as subject, the instant and the data written with the event.
 */
final class CloudEventDocuments {

    static final String CONTENT_TYPE = JsonFormat.CONTENT_TYPE + "; charset=utf-8";
    private static final EventFormat FORMAT = EventFormatProvider.getInstance().resolveFormat(JsonFormat.CONTENT_TYPE);

    private CloudEventDocuments() {
    }

    static byte[] document(URI source, UUID eventId, String cloudEventType, String slug, Instant occurredAt, String dataJson) {
        CloudEvent event = CloudEventBuilder.v1()
                .withId(eventId.toString())
                .withSource(source)
                .withType(cloudEventType)
                .withSubject(slug)
                .withTime(occurredAt.atOffset(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .withData(dataJson.getBytes(StandardCharsets.UTF_8))
                .build();
        return FORMAT.serialize(event);
    }
}
