package org.imprimatur.audit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Signed audit checkpoints; {@link AuditCheckpoints} schedules itself by this property's name. */
@ConfigMapping(prefix = "imprimatur.audit")
public interface AuditSettings {

    /** How often a checkpoint is taken, when anything changed since the last one. */
    @WithDefault("15M")
    Duration checkpointInterval();
}
