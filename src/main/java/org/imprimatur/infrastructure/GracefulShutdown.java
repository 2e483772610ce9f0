package org.imprimatur.infrastructure;

import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.scheduler.Scheduler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * On SIGTERM the replica first reports not ready (Quarkus' pre-shutdown delay), so that load
 * balancers stop sending it requests, while it still answers those that come; its scheduled jobs
 * stop claiming work at once. Then it finishes the requests it accepted, bounded by
 * quarkus.shutdown.timeout, and stops (docs/operations.md, "Stopping").
 */
@ApplicationScoped
public class GracefulShutdown {

    private static final Logger LOG = Logger.getLogger(GracefulShutdown.class);

    private final Scheduler scheduler;

    public GracefulShutdown(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    void onShutdownRequested(@Observes ShutdownDelayInitiatedEvent event) {
        LOG.info("Stopping: reporting not ready, finishing accepted requests, claiming no scheduled work");
        scheduler.pause();
    }
}
