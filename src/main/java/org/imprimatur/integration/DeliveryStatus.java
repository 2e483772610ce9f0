package org.imprimatur.integration;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a webhook delivery stands (docs/integration.md, "Webhooks"): still to be sent or retried,
 * accepted by the receiver, or given up once the retry window closed. Its label is its name in
 * JSON, in the delivery log's filter and in the {@code webhook_deliveries} table.
 */
public enum DeliveryStatus {
    PENDING, DELIVERED, FAILED;

    private final String label = name().toLowerCase(Locale.ROOT);

    @JsonValue
    public String label() {
        return label;
    }

    /** Every label, for a message: "pending, delivered or failed". */
    public static String listed() {
        List<String> labels = Arrays.stream(values()).map(DeliveryStatus::label).toList();
        return String.join(", ", labels.subList(0, labels.size() - 1)) + " or " + labels.get(labels.size() - 1);
    }

    public static Optional<DeliveryStatus> fromLabel(String label) {
        return Arrays.stream(values()).filter(status -> status.label.equals(label)).findFirst();
    }
}
