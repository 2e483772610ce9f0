package org.imprimatur.integration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How webhooks are sent (docs/integration.md, "Webhooks"). */
@ConfigMapping(prefix = "imprimatur.webhooks")
public interface WebhookSettings {

    /**
     * Whether loopback, link-local and private addresses may receive webhooks. Off: a webhook could
     * otherwise reach services that only the service's own network can see.
     */
    @WithDefault("false")
    boolean allowPrivateTargets();

    /** The first retry waits about this long; each next one twice as long, up to {@link #retryMaxDelay()}. */
    @WithDefault("5S")
    Duration retryBaseDelay();

    @WithDefault("1H")
    Duration retryMaxDelay();

    /** A delivery not accepted within this long after its first attempt is marked failed. */
    @WithDefault("24H")
    Duration retryWindow();

    @WithDefault("5S")
    Duration connectTimeout();

    /** The whole request, from sending to the end of the (capped) response. */
    @WithDefault("10S")
    Duration requestTimeout();

    /**
     * How long a relay owns a delivery it took; if its replica dies meanwhile, another takes the
     * delivery after this. Longer than a request may take.
     */
    @WithDefault("60S")
    Duration claimLease();

    /** The relay looks for due deliveries at least this often, even without a notification. */
    @WithDefault("1S")
    Duration pollInterval();

    /** Concurrent requests per replica. */
    @WithDefault("8")
    int senders();
}
