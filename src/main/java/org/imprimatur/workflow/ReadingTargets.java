package org.imprimatur.workflow;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The reading grade (US school grade) each audience's text should not exceed (docs/clinical-checks.md). */
@ConfigMapping(prefix = "imprimatur.reading-target")
public interface ReadingTargets {

    /** For patients and the public: grade 8, the upper end of what health-literacy guidance advises. */
    @WithDefault("8")
    double patients();
}
