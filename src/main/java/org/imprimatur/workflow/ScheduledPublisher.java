package org.imprimatur.workflow;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/** Every second, takes approvals and releases whose publishAt has come live; safe with any number of replicas. */
@ApplicationScoped
public class ScheduledPublisher {

    private static final Logger LOG = Logger.getLogger(ScheduledPublisher.class);

    private final ScheduledPublishing scheduledPublishing;
    private final ReleasePublishing releasePublishing;

    public ScheduledPublisher(ScheduledPublishing scheduledPublishing, ReleasePublishing releasePublishing) {
        this.scheduledPublishing = scheduledPublishing;
        this.releasePublishing = releasePublishing;
    }

    @Scheduled(every = "${imprimatur.scheduler.interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void publishDueApprovals() {
        int published = scheduledPublishing.publishDue();
        if (published > 0) {
            LOG.infof("Published %d scheduled approval(s)", published);
        }
        int releases = releasePublishing.publishDue();
        if (releases > 0) {
            LOG.infof("Published %d scheduled release(s)", releases);
        }
    }
}
