package org.imprimatur.article;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How much of the newest versions the editing path keeps in memory. */
@ConfigMapping(prefix = "imprimatur.editing")
public interface EditingSettings {

    /** Memory bound of the versions kept for the next save (see {@link VersionSnapshots}). */
    @WithDefault("32M")
    MemorySize versionCacheMaxSize();
}
