package org.imprimatur.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** The studio's sessions (docs/studio.md). */
@ConfigMapping(prefix = "imprimatur.studio")
public interface StudioSessionSettings {

    /** A session ends after this long without a request. */
    @WithDefault("30M")
    Duration idleTimeout();

    /** A session ends this long after sign-in, however busy it is. */
    @WithDefault("12H")
    Duration absoluteLifetime();
}
