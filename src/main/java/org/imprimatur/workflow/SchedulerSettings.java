package org.imprimatur.workflow;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How often each replica looks for scheduled approvals whose time has come (docs/workflow.md). */
@ConfigMapping(prefix = "imprimatur.scheduler")
public interface SchedulerSettings {

    /** The interval of {@link ScheduledPublisher}; its {@code @Scheduled} expression repeats this default. */
    @WithDefault("1s")
    Duration interval();
}
