package org.imprimatur.workflow;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/** Every second, takes approvals whose publishAt has come live; safe with any number of replicas. */
@ApplicationScoped
public class ScheduledPublisher {

    private static final Logger LOG = Logger.getLogger(ScheduledPublisher.class);

    private final ScheduledPublishing scheduledPublishing;

    public ScheduledPublisher(ScheduledPublishing scheduledPublishing) {
        this.scheduledPublishing = scheduledPublishing;
    }

    @Scheduled(every = "${imprimatur.scheduler.interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void publishDueApprovals() {
        int published = scheduledPublishing.publishDue();
        if (published > 0) {
            LOG.infof("Published %d scheduled approval(s)", published);
        }
    }
}
